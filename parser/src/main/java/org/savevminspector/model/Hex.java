package org.savevminspector.model;

import java.util.HexFormat;
import java.util.Locale;

/**
 * How numbers are written for people, in one place so that diagnostics, the loader report, the text reports
 * and value meanings agree: upper-case hex digits after {@code 0x}, and offsets in decimal with the hex a hex
 * viewer shows. A field's raw bits at its width are {@link Field#hex(long, int)}.
 */
public final class Hex {
    private static final HexFormat SPACED = HexFormat.ofDelimiter(" ").withUpperCase();
    private static final HexFormat RUN = HexFormat.of().withUpperCase();

    private Hex() {
    }

    /** {@code 0x} and the upper-case digits of {@code value}, unpadded (instance ids, addresses in meanings). */
    public static String plain(long value) {
        return "0x" + Long.toHexString(value).toUpperCase(Locale.ROOT);
    }

    /** {@code 0x} and at least four upper-case digits: I/O ports and the offset columns of the text reports. */
    public static String padded(long value) {
        // by hand, not String.format: the text reports write one per section, and a stream may have a million
        String digits = Long.toHexString(value).toUpperCase(Locale.ROOT);
        return digits.length() >= 4 ? "0x" + digits : "0x" + "0000".substring(digits.length()) + digits;
    }

    /** Bytes as a hex viewer shows them: {@code 51 45 56 4D}. */
    public static String spaced(byte[] bytes) {
        return SPACED.formatHex(bytes);
    }

    /** Bytes as one run of upper-case digits, {@code 5145564D}: the JSON reports' form of byte values. */
    public static String run(byte[] bytes) {
        return RUN.formatHex(bytes);
    }

    /** An offset in a message: decimal, then the hex in parentheses, e.g. {@code 7512 (0x1D58)}. */
    public static String offset(long offset) {
        return offset + " (" + plain(offset) + ")";
    }
}
