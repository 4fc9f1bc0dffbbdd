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
        for (int width : new int[] {1, 2, 4, 8}) {
            if (width == 1) {
                out.add(new Value("u8", b.length < 1 ? "—" : fmt(b[0] & 0xFFL, 1, false)));
                out.add(new Value("s8", b.length < 1 ? "—" : fmt(b[0], 1, true)));
                continue;
            }
            for (boolean be : new boolean[] {false, true}) {
                String order = be ? "BE" : "LE";
                if (b.length < width) {
                    out.add(new Value("u" + 8 * width + " " + order, "—"));
                    out.add(new Value("s" + 8 * width + " " + order, "—"));
                    continue;
                }
                long u = read(b, width, be);
                long s = width == 8 ? u : (u << (64 - 8 * width)) >> (64 - 8 * width);
                out.add(new Value("u" + 8 * width + " " + order, fmt(u, width, false)));
                out.add(new Value("s" + 8 * width + " " + order, fmt(s, width, true)));
            }
        }
        return out;
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
