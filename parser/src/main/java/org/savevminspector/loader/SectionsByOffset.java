package org.savevminspector.loader;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.savevminspector.model.Section;

/**
 * The shape walk's sections looked up by header offset, and the set of offsets where a header (or the EOF
 * marker) starts. Sorted arrays with binary search: the loader asks several times per section, and boxed
 * {@code Long} hash maps cost more than the rest of its per-section bookkeeping.
 */
final class SectionsByOffset {
    private final long[] offsets;
    private final Section[] sections;
    private final long eofMarker;

    /**
     * @param sections  in walk order; when two share a header offset the first is kept
     * @param eofMarker offset of the EOF marker, -1 when none
     */
    SectionsByOffset(List<Section> sections, long eofMarker) {
        // the walk only moves forward, so this is normally already sorted; a stable sort keeps the first of equals
        Section[] sorted = sections.toArray(Section[]::new);
        Arrays.sort(sorted, Comparator.comparingLong(s -> s.header().offset()));
        long[] keys = new long[sorted.length];
        int n = 0;
        for (Section s : sorted) {
            long offset = s.header().offset();
            if (n == 0 || keys[n - 1] != offset) {
                keys[n] = offset;
                sorted[n] = s;
                n++;
            }
        }
        this.offsets = Arrays.copyOf(keys, n);
        this.sections = Arrays.copyOf(sorted, n);
        this.eofMarker = eofMarker;
    }

    /** The section whose header starts at {@code offset}, or {@code null}. */
    Section at(long offset) {
        int i = Arrays.binarySearch(offsets, offset);
        return i >= 0 ? sections[i] : null;
    }

    /** Whether a section header or the EOF marker starts at {@code offset}. */
    boolean isHeaderStart(long offset) {
        return (eofMarker >= 0 && offset == eofMarker) || Arrays.binarySearch(offsets, offset) >= 0;
    }
}
