package org.savevminspector.diff;

import java.util.Objects;
import org.savevminspector.loader.LoaderReport;

/**
 * The loader simulation of each file (the same profile on both sides).
 *
 * @param a the first file's report, or {@code null} when it was not simulated
 * @param b the second file's
 */
public record LoaderPair(LoaderReport a, LoaderReport b) {

    /** Whether the outcomes differ: how the load ends, its result, or its verdict. */
    public boolean differ() {
        if (a == null || b == null) {
            return a != b;
        }
        return a.outcome() != b.outcome() || !Objects.equals(a.result(), b.result()) || a.verdict() != b.verdict();
    }
}
