package org.savevminspector.app.gui.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.diagnostics.DiagnosticCode;
import org.savevminspector.diagnostics.DiagnosticList;
import org.savevminspector.diagnostics.Severity;
import org.savevminspector.inspect.Inspection;
import org.savevminspector.loader.LoaderRead;
import org.savevminspector.loader.LoaderReport;
import org.savevminspector.model.Section;
import org.savevminspector.stream.ParseResult;

/**
 * The always-visible layer of the hex pane: what is wrong with the bytes, shown without any click (docs/FORMAT.md C.3,
 * FORMAT.md C.4): the section whose label does not match its shape, the spot where the field a v2 loader expects is
 * missing, the bytes it would over-read (the swallowed EOF marker), ghost cells for what it would read past the
 * end, trailing bytes, and every other diagnostic's bytes in its severity's colour.
 *
 * @param highlights the layer, indexed by offset
 * @param ghostBytes number of cells to show after the last byte (bytes a loader would read past the end)
 */
public record Anomalies(IntervalIndex highlights, long ghostBytes) {

    public static Anomalies none() {
        return new Anomalies(IntervalIndex.empty(), 0);
    }

    public static Anomalies of(Inspection in) {
        List<Highlight> out = new ArrayList<>();
        ParseResult parse = in.parse();
        // the tooltips are worded when hovered: a stream may have a million mismatched sections or diagnostics
        for (Section s : parse.sections()) {
            if (s.labelMismatch()) {
                String idstr = s.idstr();
                long label = s.versionId();
                int shape = s.shapeVersion();
                int index = s.index();
                out.add(new Highlight(s.span().offset(), s.span().end(), HighlightKind.ERROR_SECTION,
                        () -> "'" + idstr + "' is labelled version " + label + " but its body has the shape of version "
                                + shape + "."));
                out.add(new Highlight(s.body().end(), s.body().end(), HighlightKind.MISSING_FIELD,
                        () -> missingText(parse.sections().get(index), in)));
            }
        }
        if (parse.trailing() != null && parse.trailing().length() > 0) {
            out.add(new Highlight(parse.trailing().offset(), parse.trailing().end(), HighlightKind.TRAILING,
                    parse.trailing().length() + " byte(s) after the EOF marker: no loader reads them as part of the stream."));
        }
        List<Diagnostic> ds = in.diagnostics();
        DiagnosticList compact = ds instanceof DiagnosticList l ? l : null;
        for (int i = 0; i < ds.size(); i++) {
            // through the compact list's columns: no diagnostic is made for a highlight
            Diagnostic d = compact == null ? ds.get(i) : null;
            DiagnosticCode code = d == null ? compact.code(i) : d.code();
            long offset = d == null ? compact.offset(i) : d.offset();
            long length = d == null ? compact.length(i) : d.length();
            if (length == 0 || code == DiagnosticCode.TRAILING_BYTES) {
                continue;
            }
            HighlightKind kind;
            if (code == DiagnosticCode.LOADER_OVERRUN) {
                kind = HighlightKind.OVERRUN;
            } else if (code.severity() == Severity.ERROR) {
                kind = HighlightKind.ERROR;
            } else if (code.severity() == Severity.WARN) {
                kind = HighlightKind.WARN;
            } else {
                continue;
            }
            long end = Math.min(offset + length, parse.size());
            if (end > offset) {
                int k = i;
                out.add(new Highlight(offset, end, kind, () -> ds.get(k).message()));
            }
        }
        long ghost = 0;
        if (in.loader() != null) {
            ghost = Math.max(0, in.loader().overrunBytes());
            for (LoaderRead r : in.loader().reads()) {
                for (LoaderRead.LoadedValue v : r.values()) {
                    if (v.pastEnd() > 0) {
                        long inData = v.length() - v.pastEnd();
                        if (inData > 0) {
                            out.add(new Highlight(v.offset(), v.offset() + inData, HighlightKind.OVERRUN,
                                    "A version-" + r.version() + " loader reads these bytes as " + v.name()
                                            + " (= " + v.value() + "), running past the section's end."));
                        }
                        ghost = Math.max(ghost, v.offset() + v.length() - parse.size());
                    }
                }
            }
        }
        if (in.loader() != null) {
            loaderDifferences(in.loader(), parse, out);
        }
        return new Anomalies(new IntervalIndex(out), ghost);
    }

    /**
     * Where the simulated loader's reads depart from the structure: body bytes it leaves unread (and then reads
     * as a section type), and the bodies of sections it silently does not restore.
     */
    static void loaderDifferences(LoaderReport r, ParseResult parse, List<Highlight> out) {
        String who = "The " + r.profile() + " loader";
        List<LoaderReport.Misread> misreads = r.misreads();
        Map<Long, Long> readEnds = null;
        int index = -1;
        for (LoaderReport.Misread m : misreads) {
            int k = ++index;
            Supplier<String> text = () -> who + ": " + misreads.get(k).message() + ".";
            Section s = m.section() >= 0 && m.section() < parse.sections().size() ? parse.sections().get(m.section())
                    : null;
            if (s != null && m.bytesRead() < m.bodyLength()) {
                out.add(new Highlight(m.offset(), s.body().end(), HighlightKind.LOADER_DIFF, text));
            } else if (s == null) {
                // out of step: the loader takes body bytes for a header; mark what it read as that section
                if (readEnds == null) {
                    readEnds = readEnds(r);
                }
                long read = readEnds.getOrDefault(m.offset(), m.offset() + 1);
                long end = Math.min(parse.size(), Math.max(m.offset() + 1, read));
                out.add(new Highlight(m.offset(), end, HighlightKind.LOADER_DIFF, text));
            }
        }
        List<LoaderReport.NotRestored> lost = r.notRestored();
        int i = -1;
        for (LoaderReport.NotRestored n : lost) { // in order: the list's iterator walks on, get(i) seeks
            i++;
            if (n.reason().startsWith("overwritten")) {
                continue; // restored, then overwritten: its bytes were read as written
            }
            if (n.section() < 0 || n.section() >= parse.sections().size()) {
                continue;
            }
            Section s = parse.sections().get(n.section());
            long end = Math.min(s.span().end(), parse.size());
            if (end > s.span().offset()) {
                int k = i;
                out.add(new Highlight(s.span().offset(), end, HighlightKind.LOADER_DIFF, () -> {
                    LoaderReport.NotRestored x = lost.get(k);
                    return who + " does not restore section #" + x.section() + " " + x.idstr() + ": " + x.reason() + ".";
                }));
            }
        }
    }

    /**
     * One sentence for the marker where the labelled version's body has bytes that this body lacks (FORMAT.md C.3),
     * naming the field when the loader simulation reports the value it takes from there (piix4acpi's
     * {@code pm1a_evt_blk_address}): the name comes from the simulation, not from a list of devices here.
     */
    static String missingText(Section s, Inspection in) {
        if (in.loader() != null) {
            for (LoaderRead r : in.loader().reads()) {
                if (r.section() != s.index()) {
                    continue;
                }
                for (LoaderRead.LoadedValue v : r.values()) {
                    if (v.offset() == s.body().end()) {
                        return v.name() + " is missing here: a version-" + r.version() + " loader reads the next "
                                + v.length() + " bytes as that field.";
                    }
                }
            }
        }
        return "A version-" + s.versionId() + " body has more bytes here than this version-" + s.shapeVersion()
                + "-shaped body: a loader trusting the label reads on into what follows.";
    }

    /**
     * End of what the loader read from each header of bytes that are no section (the first read from each), by
     * the header's offset: one pass over the reads, not one per misread.
     */
    private static Map<Long, Long> readEnds(LoaderReport r) {
        Map<Long, Long> out = new HashMap<>();
        for (LoaderRead read : r.reads()) {
            if (read.section() < 0) {
                out.putIfAbsent(read.headerOffset(), read.bodyOffset() + read.bytesRead());
            }
        }
        return out;
    }

    /** The tooltip of the gravest anomaly at {@code offset} (later paint layers win), or {@code null}. */
    public String tooltipAt(long offset) {
        Highlight best = null;
        for (Highlight h : highlights.overlapping(offset, offset + 1)) {
            if (h.contains(offset) && (best == null || h.kind().ordinal() >= best.kind().ordinal())) {
                best = h;
            }
        }
        return best == null ? null : best.tooltip();
    }
}
