package org.savevminspector.diff;

import java.util.List;

/**
 * The container records of two files summarised side by side (kind, record counts, page data, the device-model
 * record's length), from the container indexes alone: no page data is read.
 *
 * @param status {@code SAME} or {@code CHANGED}
 * @param facts  every summarised fact, equal or not
 */
public record ContainerDiff(DiffStatus status, List<Fact> facts) {

    public ContainerDiff {
        facts = List.copyOf(facts);
    }

    /**
     * One summarised fact of both files.
     *
     * @param name   e.g. {@code kind}, {@code records}, {@code pfn range}
     * @param status {@code SAME} or {@code CHANGED}
     * @param a      the first file's value: a {@code Long}, a {@code String}, or {@code null} for "none"
     * @param b      the second file's value, the same way
     */
    public record Fact(String name, DiffStatus status, Object a, Object b) {
    }
}
