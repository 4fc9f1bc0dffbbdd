package org.savevminspector.stream;

/** How offsets are written in messages: decimal, with the hex a hex viewer shows. */
public final class Offsets {
    private Offsets() {
    }

    public static String at(long offset) {
        return offset + " (0x" + Long.toHexString(offset).toUpperCase(java.util.Locale.ROOT) + ")";
    }
}
