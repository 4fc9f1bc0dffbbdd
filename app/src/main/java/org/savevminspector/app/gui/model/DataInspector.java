package org.savevminspector.app.gui.model;

import java.util.ArrayList;
import java.util.List;
import org.savevminspector.io.ByteSource;
import org.savevminspector.model.Field;

/**
 * The bytes at the cursor read as integers of every width (both byte orders, signed and unsigned), as IEEE 754
 * floats, as the byte's bits and character, and as a Unix time (the 32-bit readings as seconds since 1970, UTC).
 */
public final class DataInspector {

    /** One row: e.g. {@code u32 BE} → {@code 8000 (0x00001F40)}; {@code value} is "—" past the end. */
    public record Value(String label, String value) {
    }

    private DataInspector() {
    }

    public static List<Value> at(ByteSource src, long offset) {
        byte[] b = offset >= 0 && offset < src.size() ? src.bytes(offset, 8) : new byte[0];
        List<Value> out = new ArrayList<>(24);
        addPair(out, "8", b, 1, true); // a single byte has no byte order
        for (int width : new int[] {2, 4, 8}) {
            addPair(out, 8 * width + " LE", b, width, false);
            addPair(out, 8 * width + " BE", b, width, true);
        }
        out.add(new Value("f32 LE", b.length < 4 ? "—" : floatText(Float.intBitsToFloat((int) read(b, 4, false)))));
        out.add(new Value("f32 BE", b.length < 4 ? "—" : floatText(Float.intBitsToFloat((int) read(b, 4, true)))));
        out.add(new Value("f64 LE", b.length < 8 ? "—" : doubleText(Double.longBitsToDouble(read(b, 8, false)))));
        out.add(new Value("f64 BE", b.length < 8 ? "—" : doubleText(Double.longBitsToDouble(read(b, 8, true)))));
        out.add(new Value("binary", b.length < 1 ? "—" : binary(b[0])));
        out.add(new Value("char", b.length < 1 ? "—" : charText(b[0])));
        out.add(new Value("time32 LE", b.length < 4 ? "—" : unixTime(read(b, 4, false))));
        out.add(new Value("time32 BE", b.length < 4 ? "—" : unixTime(read(b, 4, true))));
        return out;
    }

    static String floatText(float f) {
        return Float.isFinite(f) ? String.format(java.util.Locale.ROOT, "%.7g", f) : Float.toString(f);
    }

    static String doubleText(double d) {
        return Double.isFinite(d) ? String.format(java.util.Locale.ROOT, "%.15g", d) : Double.toString(d);
    }

    /** {@code 0100 0000}: the bits of the byte, high nibble first. */
    static String binary(byte b) {
        String bits = String.format("%8s", Integer.toBinaryString(b & 0xFF)).replace(' ', '0');
        return bits.substring(0, 4) + " " + bits.substring(4);
    }

    /** The byte as a character: printable ASCII as itself, control bytes by name or escape, others Latin-1. */
    static String charText(byte b) {
        int v = b & 0xFF;
        String what = switch (v) {
            case 0 -> "NUL (\\0)";
            case 9 -> "TAB (\\t)";
            case 10 -> "LF (\\n)";
            case 13 -> "CR (\\r)";
            case 0x20 -> "space";
            case 0x7F -> "DEL";
            default -> v < 0x20 ? String.format("control 0x%02X", v)
                    : v < 0x7F ? "'" + (char) v + "'"
                    : v < 0xA0 ? String.format("0x%02X (not printable in Latin-1)", v)
                    : "'" + (char) v + "' (Latin-1)";
        };
        return what;
    }

    /** Seconds since 1970-01-01 UTC, as an ISO date and time. */
    static String unixTime(long seconds) {
        return java.time.Instant.ofEpochSecond(seconds).toString().replace("T", " ").replace("Z", " UTC");
    }

    /** The unsigned and the signed reading of the first {@code width} bytes of {@code b} ("—" when too few). */
    private static void addPair(List<Value> out, String suffix, byte[] b, int width, boolean bigEndian) {
        if (b.length < width) {
            out.add(new Value("u" + suffix, "—"));
            out.add(new Value("s" + suffix, "—"));
            return;
        }
        long u = read(b, width, bigEndian);
        long s = width == 8 ? u : (u << (64 - 8 * width)) >> (64 - 8 * width);
        out.add(new Value("u" + suffix, fmt(u, width, false)));
        out.add(new Value("s" + suffix, fmt(s, width, true)));
    }

    /** Compact form for the status bar: {@code u8 64 · u16 BE 8000 LE 16415 · u32 BE … LE …}. */
    public static String summary(ByteSource src, long offset) {
        byte[] b = offset >= 0 && offset < src.size() ? src.bytes(offset, 4) : new byte[0];
        if (b.length == 0) {
            return "";
        }
        StringBuilder sb = new StringBuilder("u8 ").append(b[0] & 0xFF);
        if (b.length >= 2) {
            sb.append(" · u16 BE ").append(read(b, 2, true)).append(" LE ").append(read(b, 2, false));
        }
        if (b.length >= 4) {
            sb.append(" · u32 BE ").append(read(b, 4, true)).append(" LE ").append(read(b, 4, false));
        }
        return sb.toString();
    }

    static long read(byte[] b, int width, boolean bigEndian) {
        long v = 0;
        for (int i = 0; i < width; i++) {
            int idx = bigEndian ? i : width - 1 - i;
            v = (v << 8) | (b[idx] & 0xFFL);
        }
        return v;
    }

    private static String fmt(long v, int width, boolean signed) {
        String dec = signed ? Long.toString(v) : Long.toUnsignedString(v);
        return dec + " (" + Field.hex(v, width) + ")";
    }
}
