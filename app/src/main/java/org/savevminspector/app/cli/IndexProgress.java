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
        if (err == null || size < MIN_SIZE) {
            return ParseOptions.DEFAULT;
        }
        int[] lastDecile = {-1};
        return new ParseOptions((done, total) -> {
            int decile = total == 0 ? 10 : (int) (done * 10 / total);
            if (decile > lastDecile[0]) {
                lastDecile[0] = decile;
                err.println(Cli.NAME + ": indexing " + p.getFileName() + ": " + decile * 10 + " %");
                err.flush();
            }
        }, null);
    }
}
