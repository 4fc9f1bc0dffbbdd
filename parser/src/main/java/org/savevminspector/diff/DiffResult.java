package org.savevminspector.diff;

import java.util.ArrayList;
import java.util.List;

/**
 * A structural comparison of two files, everything a report or a viewer shows.
 *
 * @param a         the first file
 * @param b         the second file
 * @param header    the file headers, or {@code null} when neither file has one (no QEVM magic in either)
 * @param sections  every section pair in stream order (the first file's order, a section only in the second file
 *                  placed before its next paired neighbour), identical ones included; sections an ignore glob names
 *                  are left out
 * @param eof       the EOF markers, or {@code null} when neither file has one
 * @param trailing  the bytes after the EOF markers, or {@code null} when neither file has any
 * @param unparsed  bytes the walk could not attribute (after a fatal error), or {@code null} when neither has any
 * @param container the container summaries, or {@code null} when neither file is a save image
 * @param loader    the loader simulations
 */
public record DiffResult(FileSummary a, FileSummary b, PartPair header, List<SectionPair> sections, PartPair eof,
                         PartPair trailing, PartPair unparsed, ContainerDiff container, LoaderPair loader) {

    public DiffResult {
        sections = List.copyOf(sections);
    }

    /** How many section pairs have {@code status}. */
    public int count(DiffStatus status) {
        int n = 0;
        for (SectionPair p : sections) {
            if (p.status() == status) {
                n++;
            }
        }
        return n;
    }

    /** Every row in file order: file header, sections, EOF marker, trailing and unparsed bytes. */
    public List<DiffPair> pairs() {
        List<DiffPair> out = new ArrayList<>(sections.size() + 4);
        if (header != null) {
            out.add(header);
        }
        out.addAll(sections);
        for (PartPair p : new PartPair[] {eof, trailing, unparsed}) {
            if (p != null) {
                out.add(p);
            }
        }
        return out;
    }

    /** Whether nothing compared differs (diff(1) exit status 0). */
    public boolean identical() {
        for (DiffPair p : pairs()) {
            if (p.status().isDifference()) {
                return false;
            }
        }
        return (container == null || container.status() == DiffStatus.SAME) && !loader.differ();
    }
}
