package org.savevminspector.app.gui.model;

import java.util.HexFormat;
import org.savevminspector.model.Hex;

/** Text forms of a byte selection for the clipboard: hex, a C array, a Python bytes literal. */
public final class CopyFormats {
    /** Copies are built in memory: beyond this the GUI refuses rather than freezing on a multi-GB selection. */
    public static final int MAX_COPY = 16 << 20;
    /** Bytes a line of a C array. */
    private static final int C_LINE = 12;
    private static final HexFormat C_BYTES = HexFormat.ofDelimiter(", ").withPrefix("0x").withUpperCase();
    private static final HexFormat PYTHON = HexFormat.of().withPrefix("\\x");

    private CopyFormats() {
    }

    /** {@code 1F 40 00}. */
    public static String hex(byte[] b) {
        return Hex.spaced(b);
    }

    /** {@code unsigned char data[3] = {\n    0x1F, 0x40, 0x00\n};} with 12 bytes a line. */
    public static String cArray(byte[] b, String name) {
        StringBuilder sb = new StringBuilder(b.length * 6 + 64);
        sb.append("unsigned char ").append(name).append('[').append(b.length).append("] = {");
        for (int i = 0; i < b.length; i += C_LINE) {
            sb.append("\n    ");
            C_BYTES.formatHex(sb, b, i, Math.min(b.length, i + C_LINE));
            if (i + C_LINE < b.length) {
                sb.append(',');
            }
        }
        return sb.append("\n};\n").toString();
    }

    /** {@code b'\x1f\x40\x00'}: every byte escaped, so the literal is unambiguous whatever the bytes. */
    public static String pythonBytes(byte[] b) {
        return "b'" + PYTHON.formatHex(b) + "'";
    }
}
