package org.savevminspector.app.gui.hex;

/**
 * A byte range {@code [start, end)} the hex pane colours with the fill of a CSS style class, underlines with it,
 * outlines with it ({@link Look#FRAME}), or, as a {@link Look#MARK}, a position ({@code start == end}) drawn as a
 * bar before the byte at {@code start}.
 */
public record StyledRange(long start, long end, String styleClass, Look look) {

    /** How a range is drawn. */
    public enum Look {
        /** The hex and text cells of the range filled with the style's colour, under the text. */
        FILL,
        /** A bar with a small flag before the byte at {@code start}, over the text: where something is missing. */
        MARK,
        /** A line under the hex and text cells of the range, over whatever fills them: a mark that hides nothing. */
        UNDERLINE,
        /** The hex and text cells of the range outlined with the style's colour, over everything else. */
        FRAME
    }
}
