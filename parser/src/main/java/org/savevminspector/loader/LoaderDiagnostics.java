package org.savevminspector.loader;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.savevminspector.diagnostics.Catalogue;
import org.savevminspector.diagnostics.Coordinates;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.diagnostics.DiagnosticCode;
import org.savevminspector.diagnostics.DiagnosticList;
import org.savevminspector.diagnostics.Offset;
import org.savevminspector.diagnostics.Wording;
import org.savevminspector.model.Field;
import org.savevminspector.model.Hex;
import org.savevminspector.model.Section;
import org.savevminspector.model.SectionType;
import org.savevminspector.stream.LongIntMap;
import org.savevminspector.stream.ParseResult;

/** Turns a replay into the findings people read: how the load ends, what it skips, what it reads past the end. */
final class LoaderDiagnostics {
    private final ParseResult parse;
    private final LoaderRun run;
    private final LoaderReport report;
    private final long size;
    private final LoaderProfile profile;

    private final DiagnosticList newer;

    /** @param newer the labels newer than upstream's ({@link #newerThanUpstream}), the same for every profile */
    LoaderDiagnostics(ParseResult parse, LoaderRun run, LoaderProfile profile, DiagnosticList newer) {
        this.newer = newer;
        this.profile = profile;
        this.parse = parse;
        this.run = run;
        this.report = run.report();
        this.size = parse.size();
    }

    DiagnosticList all() {
        DiagnosticList.Builder out = DiagnosticList.builder();
        overruns(out);
        ending(out);
        portMoves(out);
        return DiagnosticList.merge(DiagnosticList.Order.ADDED, newer, out.build(DiagnosticList.Order.ADDED));
    }

    /** Every section whose label exceeds upstream's registered version, whether or not the loader got there. */
    static DiagnosticList newerThanUpstream(ParseResult parse) {
        DiagnosticList.Builder out = DiagnosticList.builder();
        DiagnosticList.Template template = null;
        for (Section s : parse.sections()) {
            if (!s.type().hasFullHeader() || s.idstr() == null || s.versionId() < 0) {
                continue;
            }
            Optional<DeviceLoadFacts> facts = UpstreamDevices.facts(s.idstr());
            if (facts.isEmpty() || s.versionId() <= facts.get().registeredVersion()) {
                continue;
            }
            template = template != null ? template : newerThanUpstream(parse.sections());
            out.add(DiagnosticCode.VERSION_NEWER_THAN_UPSTREAM, s.versionOffset(), 4, s.index(), template,
                    facts.get().registeredVersion());
        }
        return out.build(DiagnosticList.Order.ADDED);
    }

    /** The texts of VERSION_NEWER_THAN_UPSTREAM, from the section and the version upstream registers. */
    private static DiagnosticList.Template newerThanUpstream(List<Section> sections) {
        Catalogue.Entry entry = Catalogue.entry(DiagnosticCode.VERSION_NEWER_THAN_UPSTREAM, "label");
        return new DiagnosticList.Template() {
            @Override
            public String message(int section, long reg, Coordinates at) {
                return entry.message(args(sections.get(section), reg)).read(at);
            }

            @Override
            public String explanation(int section, long reg, Coordinates at) {
                return entry.explanation(args(sections.get(section), reg)).read(at);
            }

            private Object[] args(Section s, long reg) {
                return new Object[] {s.idstr(), s.versionId(), reg,
                        UpstreamDevices.facts(s.idstr()).orElseThrow().loadFunction()};
            }
        };
    }

    /**
     * Body reads that go beyond the body the shape walk found — swallowing the EOF marker, trailing bytes, the
     * start of the next section or bytes past the end of the data — and a final section type read past the end.
     */
    private void overruns(DiagnosticList.Builder out) {
        SectionsByOffset sections = new SectionsByOffset(parse.sections(), -1);
        boolean anyPastData = false;
        for (LoaderReads.ReadCursor c = LoaderReads.cursor(report.reads()); c.next(); ) {
            long end = c.bodyOffset() + c.bytesRead();
            anyPastData |= end > size;
            long shapeEnd = shapeEnd(sections, c.section());
            if (end > shapeEnd) {
                long from = Math.max(c.bodyOffset(), shapeEnd);
                out.add(DiagnosticCode.LOADER_OVERRUN, from, end - from, c.section(), overrun, c.index());
            }
        }
        boolean endedPastData = report.outcome() != LoadOutcome.ABORTED && run.abort() == null
                && run.endOffset() >= size && run.endLength() == 1;
        if (endedPastData && !anyPastData) {
            out.add(Diagnostic.raise(DiagnosticCode.LOADER_OVERRUN, "type-past-end", size, 1, -1,
                    Offset.of(run.endOffset())));
        }
    }

    /** Where the body the shape walk found for section {@code index} ends (the data's end for no section). */
    private long shapeEnd(SectionsByOffset sections, int index) {
        return sections.has(index) ? Math.min(sections.bodyOffset(index) + sections.bodyLength(index), size) : size;
    }

    /**
     * The texts of a LOADER_OVERRUN, from the read (its index in the report) and the shape walk: one per read in
     * a file whose every section is read too long.
     */
    private final DiagnosticList.Template overrun = new DiagnosticList.Template() {
        private final Catalogue.Entry entry = Catalogue.entry(DiagnosticCode.LOADER_OVERRUN, "reads-beyond-body");

        @Override
        public String message(int section, long readIndex, Coordinates at) {
            return entry.message(args(readIndex)).read(at);
        }

        @Override
        public String explanation(int section, long readIndex, Coordinates at) {
            return entry.explanation(args(readIndex)).read(at);
        }

        private Object[] args(long readIndex) {
            LoaderRead r = report.reads().get((int) readIndex);
            SectionsByOffset sections = new SectionsByOffset(parse.sections(), -1);
            long shapeEnd = shapeEnd(sections, r.section());
            long end = r.bodyOffset() + r.bytesRead();
            long from = Math.max(r.bodyOffset(), shapeEnd);
            String values = r.values().stream().filter(v -> v.pastEnd() > 0 || v.offset() + v.length() > shapeEnd)
                    .map(v -> v.name() + " = " + Field.hex(v.value(), Math.max(1, v.length())))
                    .collect(Collectors.joining(", "));
            long past = Math.max(0, end - size);
            return new Object[] {r.idstr(), r.version(), taken(from, end),
                    values.isEmpty() ? "" : part("values", values), r.bytesRead(),
                    sections.has(r.section()) ? part("shape-found", sections.bodyLength(r.section())) : "",
                    past > 0 ? part("past-end-zeros") : ""};
        }
    };

    /** A part of a LOADER_OVERRUN's texts: an entry of its own, read inside the one raised. */
    private static Wording part(String variant, Object... args) {
        return Catalogue.entry(DiagnosticCode.LOADER_OVERRUN, "part-" + variant).message(args);
    }

    /** What the bytes {@code [from, end)} beyond a body are, in the words of the shape walk. */
    private Wording taken(long from, long end) {
        List<Object> taken = new ArrayList<>();
        if (parse.eof() != null && parse.eof().offset() >= from && parse.eof().offset() < end) {
            taken.add(part("eof-marker", Offset.of(parse.eof().offset())));
        }
        if (parse.trailing() != null && parse.trailing().offset() < end && parse.trailing().end() > from) {
            long n = Math.min(end, parse.trailing().end()) - Math.max(from, parse.trailing().offset());
            taken.add(part("trailing", n));
        }
        int first = parse.firstSectionAtOrAfter(from);
        if (first < parse.sections().size() && parse.sections().get(first).header().offset() < end) {
            Section next = parse.sections().get(first);
            taken.add(part("next-section", next.index(), next.idstr(), Offset.of(next.header().offset())));
        }
        if (end > size) {
            taken.add(part("past-end", end - size));
        }
        if (taken.isEmpty()) {
            return part("beyond-body", end - from);
        }
        Object[] joined = new Object[2 * taken.size() - 1];
        for (int i = 0; i < taken.size(); i++) {
            joined[2 * i] = taken.get(i);
            if (i > 0) {
                joined[2 * i - 1] = " and ";
            }
        }
        return Wording.join(joined);
    }

    private void ending(DiagnosticList.Builder out) {
        switch (report.outcome()) {
            case LOADED -> silentPartial(out);
            case FAILED -> out.add(Diagnostic.raise(DiagnosticCode.LOADER_FAILED, "returns", run.endOffset(),
                    run.endLength(), run.endSection(), profile.qemu(), report.result(), report.wording(),
                    (Supplier<String>) () -> notRestored(true)));
            case ABORTED -> aborted(out);
            case HANGS -> out.add(Diagnostic.raise(DiagnosticCode.LOADER_FAILED, "hangs", run.endOffset(),
                    run.endLength(), run.endSection(), profile.qemu(), report.wording()));
            case INCOMPLETE -> out.add(Diagnostic.raise(DiagnosticCode.FORMAT_INFO, "loader-incomplete",
                    run.endOffset(), 0, run.endSection(), Offset.of(run.endOffset()), report.wording()));
            default -> throw new IllegalStateException("unhandled outcome " + report.outcome());
        }
    }

    private void aborted(DiagnosticList.Builder out) {
        PortModel.Abort abort = run.abort();
        Object owner = abort.owner() == null ? "" : Catalogue.entry(DiagnosticCode.LOADER_ABORTED, "part-port-owner")
                .message(Hex.padded(abort.port()), abort.owner().name());
        LoaderRead last = report.reads().isEmpty() ? null : report.reads().get(report.reads().size() - 1);
        // Only an abort inside a load function (a port collision, a wild store) happens "in" a function. An
        // abort-on-bad-loadvm abort follows qemu_loadvm_state's return: its last read may be a header the generic
        // loop refused, or a type byte that named no device at all (idstr null), and no load function ran.
        Object where = last != null && LoadStep.ABORTED.equals(last.status())
                ? Catalogue.entry(DiagnosticCode.LOADER_ABORTED, "part-in-function").message(functionOf(last)) : "";
        // the abort's message is the report's, worded by the diagnostic's coordinates
        out.add(Diagnostic.raise(DiagnosticCode.LOADER_ABORTED, "dies", run.endOffset(), run.endLength(),
                run.endSection(), profile.qemu(), where, report.wording(), owner, abort.explanation(),
                (Supplier<String>) () -> notRestored(true)));
    }

    private String functionOf(LoaderRead r) {
        return profile.facts(r.idstr()).map(DeviceLoadFacts::loadFunction).orElse(r.idstr());
    }

    /** Result 0, yet sections were refused by their load functions or never reached. */
    private void silentPartial(DiagnosticList.Builder out) {
        if (!anyLost()) {
            return;
        }
        LoaderRead rejected = firstRejected();
        long at = Math.max(0, report.stoppedAt() - 1);
        Supplier<String> lost = () -> lostSections(false).toString();
        out.add(Diagnostic.raise(DiagnosticCode.SILENT_PARTIAL_LOAD, "stops-early", at, Math.max(0, size - at),
                rejected == null ? run.endSection() : rejected.section(), profile.qemu(),
                Offset.of(report.stoppedAt()), size, lost, rejected == null ? ""
                        : Catalogue.entry(DiagnosticCode.SILENT_PARTIAL_LOAD, "part-rejected").message(
                                rejected.idstr(), rejected.version(), rejected.message()), Offset.decimal(at)));
    }

    private String notRestored(boolean withPrefix) {
        Names lost = lostSections(true);
        return lost.isEmpty() ? "" : (withPrefix ? " Not restored: " : "") + lost + ".";
    }

    /** The first read a load function rejected, or {@code null}. */
    private LoaderRead firstRejected() {
        for (LoaderReads.ReadCursor c = LoaderReads.cursor(report.reads()); c.next(); ) {
            if (LoadStep.REJECTED.equals(c.status())) {
                return c.read();
            }
        }
        return null;
    }

    /** Whether some section of the shape walk was not read successfully by any load function. */
    private boolean anyLost() {
        return loaded().cardinality() < parse.sections().size();
    }

    /** The sections some load function read successfully. */
    private BitSet loaded() {
        BitSet loaded = new BitSet(parse.sections().size()); // section indices; no Integer box per read
        for (LoaderReads.ReadCursor c = LoaderReads.cursor(report.reads()); c.next(); ) {
            if (c.section() >= 0 && LoadStep.LOADED.equals(c.status())) {
                loaded.set(c.section());
            }
        }
        return loaded;
    }

    /** Sections of the shape walk that no load function read successfully, by name. */
    private Names lostSections(boolean neverReadOnly) {
        BitSet loaded = loaded();
        LongIntMap rejected = new LongIntMap(); // section -> why, as an index into whys
        List<String> whys = new ArrayList<>();
        for (LoaderReads.ReadCursor r = LoaderReads.cursor(report.reads()); r.next(); ) {
            if (r.section() < 0 || LoadStep.LOADED.equals(r.status())) {
                continue;
            }
            String why = LoadStep.REJECTED.equals(r.status()) ? "rejected by its load function" : r.status();
            int k = whys.indexOf(why);
            if (k < 0) {
                whys.add(why);
                k = whys.size() - 1;
            }
            rejected.put(r.section(), k);
        }
        Names out = new Names();
        for (Section s : parse.sections()) {
            if (loaded.get(s.index())) {
                continue;
            }
            String name = "#" + s.index() + " " + s.idstr() + (s.type().hasFullHeader() && s.instanceId() != 0
                    ? " " + Hex.plain(s.instanceId()) : "")
                    + (s.type() == SectionType.PART || s.type() == SectionType.END ? " (" + s.type().json() + ")" : "");
            int why = rejected.get(s.index());
            if (why >= 0) {
                if (!neverReadOnly) {
                    out.add(name + " (" + whys.get(why) + ")");
                }
            } else {
                out.add(name);
            }
        }
        return out;
    }

    /** One note per section whose load moves ports away from where a fresh qemu-dm has them. */
    private void portMoves(DiagnosticList.Builder out) {
        Map<Integer, List<PortEvent>> bySection = new LinkedHashMap<>();
        for (PortEvent e : report.ports()) {
            bySection.computeIfAbsent(e.section(), k -> new ArrayList<>()).add(e);
        }
        // the first read of each section that moved ports, found in one pass over the reads
        LongIntMap firstRead = new LongIntMap();
        List<LoaderRead> firstReads = new ArrayList<>();
        for (LoaderReads.ReadCursor r = LoaderReads.cursor(report.reads()); !bySection.isEmpty() && r.next(); ) {
            if (bySection.containsKey(r.section()) && firstRead.get(r.section()) < 0) {
                firstRead.put(r.section(), firstReads.size());
                firstReads.add(r.read());
            }
        }
        for (Map.Entry<Integer, List<PortEvent>> entry : bySection.entrySet()) {
            List<PortEvent> events = entry.getValue();
            boolean moves = events.stream()
                    .anyMatch(e -> e.action().equals(PortEvent.UNMAP) || e.action().equals(PortEvent.OVERFLOW));
            if (!moves) {
                continue;
            }
            Section s = section(entry.getKey());
            int k = firstRead.get(entry.getKey());
            LoaderRead read = k < 0 ? null : firstReads.get(k);
            long offset = read != null ? read.bodyOffset() : s != null ? s.body().offset() : 0;
            long length = read != null ? read.bytesRead() : 0;
            String summary = events.stream().map(PortEvent::message).collect(Collectors.joining("; "));
            boolean overflow = events.stream().anyMatch(e -> e.action().equals(PortEvent.OVERFLOW));
            out.add(Diagnostic.raise(DiagnosticCode.LOADER_PORTS, overflow ? "moves-overflow" : "moves", offset, length,
                    entry.getKey(), events.get(0).device(), summary, why(s)));
        }
    }

    /** The device's own reason for moving ports, from its load facts. */
    private String why(Section s) {
        return s == null ? "" : profile.facts(s.idstr()).map(f -> f.moves().stream().map(PortMove::why)
                .collect(Collectors.joining(" "))).orElse("");
    }

    private Section section(int index) {
        return index >= 0 && index < parse.sections().size() ? parse.sections().get(index) : null;
    }
}
