package org.savevminspector.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.savevminspector.stream.ParseOptions;

/**
 * Indexing progress of a large save image on stderr: a line every 10 %, so that a multi-GiB image on a cold
 * cache shows it is moving, and nothing at all for the kilobyte streams of everyday use.
 */
final class IndexProgress {
    static final long MIN_SIZE = 256L << 20;

    private IndexProgress() {
    }

    static ParseOptions options(PrintWriter err, Path p, long size) {
        ParseOptions.ProgressListener l = listener(err, p, size, "indexing");
        return l == null ? ParseOptions.DEFAULT : new ParseOptions(l, null);
    }

    /** A listener printing "{@code what} FILE: N %" every 10 %, or {@code null} for small files or no stream. */
    static ParseOptions.ProgressListener listener(PrintWriter err, Path p, long size, String what) {
        if (err == null || size < MIN_SIZE) {
            return null;
        }
        int[] lastDecile = {-1};
        return (done, total) -> {
            int decile = total == 0 ? 10 : (int) (done * 10 / total);
            if (decile > lastDecile[0]) {
                lastDecile[0] = decile;
                err.println(Cli.NAME + ": " + what + " " + p.getFileName() + ": " + decile * 10 + " %");
                err.flush();
            }
        };
    }
}
