package org.savevminspector.loader;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.savevminspector.model.Section;
import org.savevminspector.model.SectionType;
import org.savevminspector.stream.SectionTable;

/**
 * The shape walk's sections looked up by header offset (and by index), and the set of offsets where a header (or
 * the EOF marker) starts. The loader asks several times per section, in file order: over a parse's
 * {@link SectionTable} a cursor answers from where the last question left it; over a plain list, sorted arrays
 * with binary search, the last position found tried first. One per simulation, not for sharing between threads.
 */
final class SectionsByOffset {
    private final List<Section> list;
    private final SectionTable.Finder finder;
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
        this.list = sections;
        this.eofMarker = eofMarker;
        if (sections instanceof SectionTable t) {
            // a walk's sections: in offset order, one per offset
            this.finder = t.finder();
            this.offsets = null;
            this.sections = null;
            return;
        }
        this.finder = null;
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
    }

    /** The section whose header starts at {@code offset}, or {@code null}. */
    Section at(long offset) {
        if (finder != null) {
            return finder.at(offset);
        }
        int i = indexOf(offset);
        return i >= 0 ? sections[i] : null;
    }

    /** Section {@code index} of the walk, or {@code null} when there is none. */
    Section get(int index) {
        if (index < 0 || index >= list.size()) {
            return null;
        }
        return finder != null ? finder.get(index) : list.get(index);
    }

    /** Whether the walk has a section {@code index}. */
    boolean has(int index) {
        return index >= 0 && index < list.size();
    }

    /** The type of section {@code index} (without making the section, over a table). */
    SectionType type(int index) {
        return finder != null ? finder.type(index) : list.get(index).type();
    }

    /** The body offset of section {@code index} (without making the section, over a table). */
    long bodyOffset(int index) {
        return finder != null ? finder.bodyOffset(index) : list.get(index).body().offset();
    }

    /** The body length of section {@code index} (without making the section, over a table). */
    long bodyLength(int index) {
        return finder != null ? finder.bodyLength(index) : list.get(index).body().length();
    }

    /** Whether a section header or the EOF marker starts at {@code offset}. */
    boolean isHeaderStart(long offset) {
        return (eofMarker >= 0 && offset == eofMarker) || at(offset) != null;
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
