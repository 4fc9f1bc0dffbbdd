package org.savevminspector.loader;

import java.util.List;

/**
 * What one load-function call did.
 *
 * @param consumed body bytes read (-1 when unknown: no layout for the labelled version)
 * @param status   {@code loaded}, {@code rejected}, {@code aborted} or {@code unknown}
 * @param message  what happened
 * @param values   values taken from the stream
 * @param abort    why qemu-dm died, or {@code null}
 */
record LoadStep(long consumed, String status, String message, List<LoaderRead.LoadedValue> values,
                PortModel.Abort abort) {

    LoadStep {
        values = List.copyOf(values);
    }

    static final String LOADED = "loaded";
    static final String REJECTED = "rejected";
    static final String ABORTED = "aborted";
    static final String UNKNOWN = "unknown";
    /** Statuses of a {@link LoaderRead} that the loop gives before any load function runs. */
    static final String REFUSED = "refused";
    static final String SKIPPED = "skipped";
}
