package org.savevminspector.app.gui.model;

import java.util.ArrayList;
import java.util.List;
import org.savevminspector.io.ByteSource;
import org.savevminspector.model.Field;

/** The bytes at the cursor read as integers of every width, both byte orders, signed and unsigned. */
public final class DataInspector {

    /** One row: e.g. {@code u32 BE} → {@code 8000 (0x00001F40)}; {@code value} is "—" past the end. */
    public record Value(String label, String value) {
    }

    private DataInspector() {
    }

    public static List<Value> at(ByteSource src, long offset) {
        byte[] b = offset >= 0 && offset < src.size() ? src.bytes(offset, 8) : new byte[0];
        List<Value> out = new ArrayList<>(14);
        addPair(out, "8", b, 1, true); // a single byte has no byte order
        for (int width : new int[] {2, 4, 8}) {
            addPair(out, 8 * width + " LE", b, width, false);
            addPair(out, 8 * width + " BE", b, width, true);
        }
        return out;
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
