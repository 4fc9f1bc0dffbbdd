package org.savevminspector.app.gui.model;

import java.util.Locale;

/**
 * How the viewer writes offsets, in one place so that every pane writes the same offset the same way: hex as the
 * hex pane shows it, with the decimal where a person reads a single offset. (The parser's messages use
 * {@code stream.Offsets.at}, decimal first, as the CLI reports do.)
 */
public final class OffsetFormat {
    private OffsetFormat() {
    }

    /** {@code 0x1C2B}. */
    public static String hex(long offset) {
        return String.format(Locale.ROOT, "0x%X", offset);
    }

    /** {@code 0x0008}: at least four digits, so that a table column of offsets lines up. */
    public static String column(long offset) {
        return String.format(Locale.ROOT, "0x%04X", offset);
    }

    /** {@code 0x1C2B (7211)}. */
    public static String hexAndDecimal(long offset) {
        return String.format(Locale.ROOT, "0x%X (%d)", offset, offset);
    }

    /** {@code 0x00001C2B (7211)}: fixed width, for the detail panel. */
    public static String detail(long offset) {
        return String.format(Locale.ROOT, "0x%08X (%d)", offset, offset);
    }
}
