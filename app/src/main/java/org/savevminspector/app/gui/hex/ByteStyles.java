package org.savevminspector.app.gui.hex;

import java.util.List;

/** What the hex pane colours: asked for the rows on screen at every paint. */
@FunctionalInterface
public interface ByteStyles {
    ByteStyles NONE = (from, to) -> List.of();

    /** The ranges overlapping {@code [from, to)}, in paint order (later ones paint over earlier ones). */
    List<StyledRange> overlapping(long from, long to);
}
