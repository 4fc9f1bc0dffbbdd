package org.savevminspector.loader;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.savevminspector.model.Section;

/**
 * The shape walk's sections looked up by header offset, and the set of offsets where a header (or the EOF
 * marker) starts. Sorted arrays with binary search: the loader asks several times per section, and boxed
 * {@code Long} hash maps cost more than the rest of its per-section bookkeeping. The loader asks in file
 * order, so the last position found is tried first: one per simulation, not for sharing between threads.
 */
final class SectionsByOffset {
    private final long[] offsets;
    private final Section[] sections;
    private final long eofMarker;
    /** Index of the last offset found: the next question is usually about it or the one after it. */
    private int last;

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
        int i = indexOf(offset);
        return i >= 0 ? sections[i] : null;
    }

    /** Whether a section header or the EOF marker starts at {@code offset}. */
    boolean isHeaderStart(long offset) {
        return (eofMarker >= 0 && offset == eofMarker) || indexOf(offset) >= 0;
    }

    private int indexOf(long offset) {
        for (int i = last; i < last + 2 && i < offsets.length; i++) {
            if (offsets[i] == offset) {
                last = i;
                return i;
            }
        }
        int i = Arrays.binarySearch(offsets, offset);
        if (i >= 0) {
            last = i;
        }
        return i;
    }
}
