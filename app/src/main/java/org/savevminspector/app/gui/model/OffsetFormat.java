package org.savevminspector.app.gui.model;

import java.util.Locale;
import org.savevminspector.model.Hex;

/**
 * The two offset forms only the viewer uses, hex first as its hex pane shows offsets; the short forms
 * ({@code 0x1C2B}, {@code 0x0008}) and the messages' {@code 7211 (0x1C2B)} are the parser's {@link Hex}.
 */
public final class OffsetFormat {
    private OffsetFormat() {
    }

    /** {@code 0x1C2B (7211)}. */
    public static String hexAndDecimal(long offset) {
        return Hex.plain(offset) + " (" + offset + ")";
    }

    /** {@code 0x00001C2B (7211)}: fixed width, for the detail panel. */
    public static String detail(long offset) {
        return String.format(Locale.ROOT, "0x%08X (%d)", offset, offset);
    }
}
