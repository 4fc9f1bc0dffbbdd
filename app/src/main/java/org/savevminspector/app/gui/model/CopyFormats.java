package org.savevminspector.app.gui.model;

/** Text forms of a byte selection for the clipboard: hex, a C array, a Python bytes literal. */
public final class CopyFormats {
    /** Copies are built in memory: beyond this the GUI refuses rather than freezing on a multi-GB selection. */
    public static final int MAX_COPY = 16 << 20;
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private CopyFormats() {
    }

    /** {@code 1F 40 00}. */
    public static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder(b.length * 3);
        for (int i = 0; i < b.length; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(HEX[(b[i] >> 4) & 0xF]).append(HEX[b[i] & 0xF]);
        }
        return sb.toString();
    }

    /** {@code unsigned char data[3] = {\n    0x1F, 0x40, 0x00\n};} with 12 bytes a line. */
    public static String cArray(byte[] b, String name) {
        StringBuilder sb = new StringBuilder(b.length * 6 + 64);
        sb.append("unsigned char ").append(name).append('[').append(b.length).append("] = {");
        for (int i = 0; i < b.length; i++) {
            sb.append(i % 12 == 0 ? "\n    " : " ");
            sb.append("0x").append(HEX[(b[i] >> 4) & 0xF]).append(HEX[b[i] & 0xF]);
            if (i < b.length - 1) {
                sb.append(',');
            }
        }
        return sb.append("\n};\n").toString();
    }

    /** {@code b'\x1f\x40\x00'}: every byte escaped, so the literal is unambiguous whatever the bytes. */
    public static String pythonBytes(byte[] b) {
        StringBuilder sb = new StringBuilder(b.length * 4 + 3).append("b'");
        for (byte x : b) {
            sb.append("\\x").append(Character.toLowerCase(HEX[(x >> 4) & 0xF])).append(Character.toLowerCase(HEX[x & 0xF]));
        }
        return sb.append('\'').toString();
    }
}
