package org.savevminspector.app.cli;

import java.io.PrintWriter;
import org.savevminspector.io.InputName;
import org.savevminspector.io.InputOpener;
import org.savevminspector.io.ParseOptions;
import org.savevminspector.report.PrintableText;

/**
 * Progress of long reads on stderr: hashing and indexing a large save image (a line every 10 %), reading a large
 * piped input (a line every {@value #MIN_SIZE} bytes), so that a multi-GiB image on a cold cache or a slow pipe
 * shows it is moving, and nothing at all for the kilobyte streams of everyday use.
 */
final class IndexProgress {
    static final long MIN_SIZE = 256L << 20;

    private IndexProgress() {
    }

    static ParseOptions options(PrintWriter err, InputName name, long size) {
        ParseOptions.ProgressListener l = listener(err, name, size, "indexing");
        return l == null ? ParseOptions.DEFAULT : new ParseOptions(l, null);
    }

    /** A listener printing "{@code what} FILE: N %" every 10 %, or {@code null} for small files or no stream. */
    static ParseOptions.ProgressListener listener(PrintWriter err, InputName name, long size, String what) {
        if (err == null || size < MIN_SIZE) {
            return null;
        }
        int[] lastDecile = {-1};
        return (done, total) -> {
            int decile = total == 0 ? 10 : (int) (done * 10 / total);
            if (decile > lastDecile[0]) {
                lastDecile[0] = decile;
                err.println(Cli.NAME + ": " + what + " " + fileName(name) + ": " + decile * 10 + " %");
                err.flush();
            }
        };
    }

    /** "reading FILE: N MiB so far" at every {@value #MIN_SIZE} bytes of a piped input (its size is unknown). */
    static InputOpener.ReadProgress reading(PrintWriter err) {
        long[] printed = {0};
        InputName[] of = {null};
        return (name, bytes) -> {
            if (name != of[0]) {
                of[0] = name;
                printed[0] = 0;
            }
            long steps = bytes / MIN_SIZE;
            if (steps > printed[0]) {
                printed[0] = steps;
                err.println(Cli.NAME + ": reading " + fileName(name) + ": " + (steps * MIN_SIZE >> 20) + " MiB so far");
                err.flush();
            }
        };
    }

    /** The last component of the name as given, escaped ({@code -} for standard input). */
    private static String fileName(InputName name) {
        String s = name.shown();
        int slash = s.lastIndexOf('/', s.length() - 2);
        return PrintableText.escape(slash < 0 ? s : s.substring(slash + 1));
    }
}
