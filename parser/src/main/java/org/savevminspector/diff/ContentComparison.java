package org.savevminspector.diff;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.savevminspector.io.ByteSource;
import org.savevminspector.model.Span;

/**
 * Compares two byte runs chunk by chunk ({@value #CHUNK} bytes at a time, so a 4 MiB VRAM dump costs two small
 * buffers), skipping equal stretches with {@link Arrays#mismatch}. A span that runs past the end of its file (a
 * truncated section) is compared as far as it has bytes.
 */
final class ContentComparison {
    private static final int CHUNK = 64 * 1024;

    private ContentComparison() {
    }

    /**
     * @param masks ranges relative to the start of both runs whose bytes never count as differing (may be empty)
     */
    static ContentDiff compare(ByteSource sa, Span a, ByteSource sb, Span b, List<Span> masks) {
        long la = available(sa, a);
        long lb = available(sb, b);
        long max = Math.max(la, lb);
        Ranges ranges = new Ranges();
        for (long pos = 0; pos < max; pos += CHUNK) {
            int n = (int) Math.min(CHUNK, max - pos);
            byte[] ca = pos < la ? sa.bytes(a.offset() + pos, (int) Math.min(n, la - pos)) : new byte[0];
            byte[] cb = pos < lb ? sb.bytes(b.offset() + pos, (int) Math.min(n, lb - pos)) : new byte[0];
            int common = Math.min(ca.length, cb.length);
            int i = 0;
            while (i < n) {
                boolean differs = (i >= common || ca[i] != cb[i]) && !masked(masks, pos + i);
                ranges.at(pos + i, differs);
                if (!differs && i + 1 < common) {
                    int m = Arrays.mismatch(ca, i + 1, common, cb, i + 1, common);
                    if (m < 0) {
                        i = common;
                        continue;
                    }
                    i += 1 + m;
                    continue;
                }
                i++;
            }
        }
        ranges.at(max, false);
        return new ContentDiff(la, lb, ranges.differing, ranges.count, ranges.first);
    }

    /** Whether the two runs hold the same bytes (the fast test before anything is decoded). */
    static boolean sameBytes(ByteSource sa, Span a, ByteSource sb, Span b) {
        if (a.length() != b.length()) {
            return false;
        }
        long la = available(sa, a);
        if (la != available(sb, b)) {
            return false;
        }
        for (long pos = 0; pos < la; pos += CHUNK) {
            int n = (int) Math.min(CHUNK, la - pos);
            if (!Arrays.equals(sa.bytes(a.offset() + pos, n), sb.bytes(b.offset() + pos, n))) {
                return false;
            }
        }
        return true;
    }

    private static long available(ByteSource src, Span s) {
        return Math.max(0, Math.min(s.length(), src.size() - s.offset()));
    }

    private static boolean masked(List<Span> masks, long pos) {
        for (Span m : masks) {
            if (m.contains(pos)) {
                return true;
            }
        }
        return false;
    }

    /** Maximal runs of differing positions, fed one position (or the start of an equal stretch) at a time. */
    private static final class Ranges {
        final List<ContentDiff.Range> first = new ArrayList<>();
        long differing;
        long count;
        private long start = -1;
        private long last = -1;

        /** Position {@code pos} differs or not; positions skipped since the last call were equal. */
        void at(long pos, boolean differs) {
            if (start >= 0 && (!differs || pos != last + 1)) {
                count++;
                if (first.size() < ContentDiff.MAX_RANGES) {
                    first.add(new ContentDiff.Range(start, last + 1 - start));
                }
                start = -1;
            }
            if (differs) {
                differing++;
                if (start < 0) {
                    start = pos;
                }
                last = pos;
            }
        }
    }
}
