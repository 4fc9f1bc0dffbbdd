package org.savevminspector.io;

import java.util.function.BooleanSupplier;

/**
 * How a parse reports progress and learns that it should stop.
 *
 * @param progress  called with (bytes walked, total bytes) from the parsing thread; may be {@code null}
 * @param cancelled polled between sections; when it answers true the parse throws
 *                  {@link java.util.concurrent.CancellationException}; may be {@code null}
 */
public record ParseOptions(ProgressListener progress, BooleanSupplier cancelled) {

    public static final ParseOptions DEFAULT = new ParseOptions(null, null);

    /** Receives parse progress. */
    @FunctionalInterface
    public interface ProgressListener {
        void progress(long done, long total);
    }
}
