package org.savevminspector.devices.layout;

import java.util.Locale;
import org.savevminspector.io.ByteSource;

/**
 * The summary of a large byte array: whether it is all zero, how many bytes are not, and the Shannon entropy in
 * bits per byte (near 0: a blank or mostly uniform buffer; near 8: compressed or random data). Reads the run in
 * blocks, once, while the body is decoded.
 */
public final class ByteSummary {

    /** The view {@link Layout#blob} attaches. */
    public static final BytesView VIEW = ByteSummary::describe;

    private static final int BLOCK = 64 * 1024;

    private ByteSummary() {
    }

    public static String describe(ByteSource src, long at, long length) {
        long[] histogram = new long[256];
        byte[] buf = new byte[(int) Math.min(BLOCK, Math.max(1, length))];
        long done = 0;
        while (done < length) {
            int want = (int) Math.min(buf.length, length - done);
            int n = src.read(at + done, buf, 0, want);
            if (n <= 0) {
                break;
            }
            for (int i = 0; i < n; i++) {
                histogram[buf[i] & 0xFF]++;
            }
            done += n;
        }
        return describe(histogram, done);
    }

    static String describe(long[] histogram, long total) {
        if (total == 0) {
            return "empty";
        }
        long nonZero = total - histogram[0];
        if (nonZero == 0) {
            return "all zero";
        }
        double entropy = 0;
        for (long count : histogram) {
            if (count > 0) {
                double p = (double) count / total;
                entropy -= p * (Math.log(p) / Math.log(2));
            }
        }
        return String.format(Locale.ROOT, "%d of %d bytes non-zero (%.1f%%), entropy %.2f bits/byte", nonZero, total,
                100.0 * nonZero / total, entropy);
    }
}
