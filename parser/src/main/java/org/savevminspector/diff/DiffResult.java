package org.savevminspector.diff;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * A structural comparison of two files, everything a report or a viewer shows.
 *
 * @param a         the first file
 * @param b         the second file
 * @param header    the file headers, or {@code null} when neither file has one (no QEVM magic in either)
 * @param sections  every section pair in stream order (the first file's order, a section only in the second file
 *                  placed before its next paired neighbour), identical ones included; sections an ignore glob names
 *                  are left out. A comparison's own list makes a pair with no differing fields when it is read: an
 *                  equal value each time, not the same object (compare pairs with {@code equals})
 * @param eof       the EOF markers, or {@code null} when neither file has one
 * @param trailing  the bytes after the EOF markers, or {@code null} when neither file has any
 * @param unparsed  bytes the walk could not attribute (after a fatal error), or {@code null} when neither has any
 * @param container the container summaries, or {@code null} when neither file is a save image
 * @param loader    the loader simulations
 */
public record DiffResult(FileSummary a, FileSummary b, PartPair header, List<SectionPair> sections, PartPair eof,
                         PartPair trailing, PartPair unparsed, ContainerDiff container, LoaderPair loader) {

    public DiffResult {
        // a comparison's own pairs are kept as the numbers they are (a million sections a side)
        sections = sections instanceof SectionPairList ? sections : List.copyOf(sections);
    }

    /** How many section pairs have {@code status}. */
    public int count(DiffStatus status) {
        if (sections instanceof SectionPairList l) {
            return l.count(status);
        }
        int n = 0;
        for (SectionPair p : sections) {
            if (p.status() == status) {
                n++;
            }
        }
        return n;
    }

    /**
     * Every row in file order: file header, sections, EOF marker, trailing and unparsed bytes. A view: the section
     * pairs are made as they are read.
     */
    public List<DiffPair> pairs() {
        List<DiffPair> head = header == null ? List.of() : List.of(header);
        List<DiffPair> tail = new ArrayList<>(3);
        for (PartPair p : new PartPair[] {eof, trailing, unparsed}) {
            if (p != null) {
                tail.add(p);
            }
        }
        return new AbstractList<>() {
            @Override
            public DiffPair get(int i) {
                if (i < head.size()) {
                    return head.get(i);
                }
                int k = i - head.size();
                return k < sections.size() ? sections.get(k) : tail.get(k - sections.size());
            }

            @Override
            public int size() {
                return head.size() + sections.size() + tail.size();
            }

            @Override
            public Iterator<DiffPair> iterator() {
                Iterator<SectionPair> middle = sections.iterator();
                Iterator<DiffPair> first = head.iterator();
                Iterator<DiffPair> last = tail.iterator();
                return new Iterator<>() {
                    @Override
                    public boolean hasNext() {
                        return first.hasNext() || middle.hasNext() || last.hasNext();
                    }

                    @Override
                    public DiffPair next() {
                        return first.hasNext() ? first.next() : middle.hasNext() ? middle.next() : last.next();
                    }
                };
            }
        };
    }

    /** Whether nothing compared differs (diff(1) exit status 0). */
    public boolean identical() {
        for (PartPair p : new PartPair[] {header, eof, trailing, unparsed}) {
            if (p != null && p.status().isDifference()) {
                return false;
            }
        }
        return count(DiffStatus.SAME) == sections.size()
                && (container == null || container.status() == DiffStatus.SAME) && !loader.differ();
    }
}
