package org.savevminspector.app.gui.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.diagnostics.DiagnosticList;
import org.savevminspector.diagnostics.Severity;
import org.savevminspector.inspect.Inspection;
import org.savevminspector.model.Span;

/**
 * Which of an inspection's diagnostics touch a tree node, asked on every cell update: the gravest per section is
 * worked out once (through the compact list's columns: no diagnostic is made to index it), the gravest per group
 * once when first drawn, and the diagnostics over a node's bytes are found by a binary search over their offsets
 * (the list is sorted by offset) and a short scan, never by going through them all.
 */
final class NodeDiagnostics {
    private final Inspection inspection;
    /** Per section index, the index of the first of the gravest diagnostics that name the section (-1: none). */
    private final int[] sectionWorst;
    /** Diagnostic offsets and the longest diagnostic, for overlap queries. */
    private final long[] diagOffsets;
    private final long maxDiagLength;
    /** Index of the gravest diagnostic of each group expanded or drawn so far (-1: none). */
    private final Map<StructureNode, Integer> groupWorst = new ConcurrentHashMap<>();

    NodeDiagnostics(Inspection inspection) {
        this.inspection = inspection;
        this.sectionWorst = new int[inspection.sections().size()];
        Arrays.fill(sectionWorst, -1);
        List<Diagnostic> ds = inspection.diagnostics();
        DiagnosticList compact = ds instanceof DiagnosticList l ? l : null;
        this.diagOffsets = new long[ds.size()];
        long maxLen = 0;
        for (int i = 0; i < ds.size(); i++) {
            Diagnostic d = compact == null ? ds.get(i) : null;
            diagOffsets[i] = d == null ? compact.offset(i) : d.offset();
            maxLen = Math.max(maxLen, d == null ? compact.length(i) : d.length());
            int sec = d == null ? compact.section(i) : d.section();
            if (sec >= 0 && sec < sectionWorst.length) {
                sectionWorst[sec] = graver(sectionWorst[sec], i);
            }
        }
        this.maxDiagLength = maxLen;
    }

    /** Gravest diagnostic severity touching the node's bytes (sections: their own diagnostics), or {@code null}. */
    Severity status(StructureNode node) {
        int worst = -1;
        if (node.kind() == NodeKind.SECTION) {
            worst = sectionWorst[node.sectionIndex()];
        } else if (node.kind() == NodeKind.GROUP) {
            worst = groupWorst(node);
        } else {
            for (int i : overlapping(node.span())) {
                worst = graver(worst, i);
            }
        }
        return worst < 0 ? null : inspection.diagnostics().get(worst).severity();
    }

    /**
     * The first of the gravest of {@link #of(StructureNode)}, or {@code null}: what a tree row says on
     * hover. Cheap enough for every cell update: no scan of all diagnostics, even for a section.
     */
    Diagnostic gravest(StructureNode node) {
        int worst = node.kind() == NodeKind.SECTION ? sectionWorst[node.sectionIndex()]
                : node.kind() == NodeKind.GROUP ? groupWorst(node) : -1;
        for (int i : overlapping(node.span())) {
            worst = graver(worst, i);
        }
        return worst < 0 ? null : inspection.diagnostics().get(worst);
    }

    /**
     * The gravest diagnostic of a group: of those touching its bytes and those naming its sections (worked out
     * once per group: a row is redrawn on every scroll step).
     */
    private int groupWorst(StructureNode group) {
        return groupWorst.computeIfAbsent(group, g -> {
            int worst = -1;
            for (int i : overlapping(g.span())) {
                worst = graver(worst, i);
            }
            int first = inspection.parse().firstSectionAtOrAfter(g.offset());
            int end = inspection.parse().firstSectionAtOrAfter(g.end());
            for (int k = first; k < end && k < sectionWorst.length; k++) {
                worst = graver(worst, sectionWorst[k]);
            }
            return worst;
        });
    }

    /** Of two diagnostic indices (-1: none), the graver; the earlier one when they are equally grave. */
    private int graver(int a, int b) {
        if (a < 0 || b < 0) {
            return Math.max(a, b);
        }
        int c = severity(a).compareTo(severity(b));
        return c > 0 || (c == 0 && a < b) ? a : b;
    }

    private Severity severity(int i) {
        List<Diagnostic> ds = inspection.diagnostics();
        return (ds instanceof DiagnosticList l ? l.code(i) : ds.get(i).code()).severity();
    }

    /** Diagnostics whose bytes overlap the node's (or, for a section, that name it). */
    List<Diagnostic> of(StructureNode node) {
        if (node.kind() != NodeKind.SECTION) {
            List<Diagnostic> out = new ArrayList<>();
            for (int i : overlapping(node.span())) {
                out.add(inspection.diagnostics().get(i));
            }
            return out;
        }
        // those naming it and those touching its bytes, in list order: two short index lists, not a scan of all
        int[] named = inspection.diagnosticIndexesFor(node.sectionIndex());
        int[] touching = overlapping(node.span());
        List<Diagnostic> out = new ArrayList<>(named.length + touching.length);
        int a = 0;
        int b = 0;
        while (a < named.length || b < touching.length) {
            int next = b >= touching.length || (a < named.length && named[a] <= touching[b]) ? named[a] : touching[b];
            out.add(inspection.diagnostics().get(next));
            while (a < named.length && named[a] == next) {
                a++;
            }
            while (b < touching.length && touching[b] == next) {
                b++;
            }
        }
        return out;
    }

    /**
     * Indices of the diagnostics overlapping {@code s}, ascending: they are sorted by offset, so only those
     * starting in {@code [s.offset - longest diagnostic, s.end)} can overlap — a binary search and a short scan.
     */
    private int[] overlapping(Span s) {
        List<Diagnostic> ds = inspection.diagnostics();
        int lo = 0;
        int hi = diagOffsets.length; // first index with offset >= s.end (or > s.offset for an empty span)
        long limit = Math.max(s.end(), s.offset() + 1);
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (diagOffsets[mid] < limit) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        int from = lo;
        while (from > 0 && diagOffsets[from - 1] >= s.offset() - maxDiagLength) {
            from--;
        }
        return IntStream.range(from, lo).filter(i -> touches(ds.get(i), s)).toArray();
    }

    private static boolean touches(Diagnostic d, Span s) {
        return d.length() == 0 ? s.contains(d.offset()) || (s.length() == 0 && d.offset() == s.offset())
                : d.offset() < s.end() && d.offset() + d.length() > s.offset();
    }
}
