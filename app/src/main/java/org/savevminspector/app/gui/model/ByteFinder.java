package org.savevminspector.app.gui.model;

import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.savevminspector.io.ByteSource;
import org.savevminspector.io.ParseOptions;

/**
 * Finds a byte pattern in a {@link ByteSource} chunk by chunk (1 MiB, overlapping by the pattern length - 1), so
 * memory stays flat on multi-GB images; reports progress and can be cancelled (the GUI runs it in a Task).
 */
public final class ByteFinder {
    static final int CHUNK = 1 << 20;

    private ByteFinder() {
    }

    /**
     * @param from    forward: first offset to try; backward: matches must start before it
     * @return offset of the match, or -1 when there is none in that direction
     * @throws CancellationException when {@code cancelled} answers true
     */
    public static long find(ByteSource src, byte[] pattern, long from, boolean forward,
                            ParseOptions.ProgressListener progress, BooleanSupplier cancelled) {
        if (pattern.length == 0 || pattern.length > CHUNK) {
            return -1;
        }
        long size = src.size();
        byte[] buf = new byte[CHUNK + pattern.length - 1];
        long total = forward ? Math.max(0, size - from) : Math.max(0, from);
        long done = 0;
        if (forward) {
            for (long pos = Math.max(0, from); pos + pattern.length <= size; pos += CHUNK) {
                check(cancelled);
                int n = src.read(pos, buf, 0, (int) Math.min(buf.length, size - pos));
                for (int i = 0; i + pattern.length <= n; i++) {
                    if (i < CHUNK && matches(buf, i, pattern)) {
                        return pos + i;
                    }
                }
                done += CHUNK;
                report(progress, Math.min(done, total), total);
            }
        } else {
            long end = Math.min(from, size - pattern.length + 1); // matches start in [0, end)
            while (end > 0) {
                check(cancelled);
                long start = Math.max(0, end - CHUNK);
                int n = src.read(start, buf, 0, (int) Math.min(buf.length, size - start));
                for (long p = end - 1; p >= start; p--) {
                    int i = (int) (p - start);
                    if (i + pattern.length <= n && matches(buf, i, pattern)) {
                        return p;
                    }
                }
                done += end - start;
                report(progress, Math.min(done, total), total);
                end = start;
            }
        }
        return -1;
    }

    private static void check(BooleanSupplier cancelled) {
        if (cancelled != null && cancelled.getAsBoolean()) {
            throw new CancellationException("find cancelled");
        }
    }

    private static void report(ParseOptions.ProgressListener progress, long done, long total) {
        if (progress != null) {
            progress.progress(done, total);
        }
    }

    private static boolean matches(byte[] buf, int at, byte[] pattern) {
        for (int j = 0; j < pattern.length; j++) {
            if (buf[at + j] != pattern[j]) {
                return false;
            }
        }
        return true;
    }
}
