package org.savevminspector.loader;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.diagnostics.DiagnosticCode;
import org.savevminspector.diagnostics.DiagnosticList;
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
        return new DiagnosticList.Template() {
            @Override
            public String message(int section, long reg) {
                Section s = sections.get(section);
                return "'" + s.idstr() + "' is labelled version " + s.versionId() + "; upstream registers v" + reg;
            }

            @Override
            public String explanation(int section, long reg) {
                Section s = sections.get(section);
                return "Upstream qemu-xen-traditional registers '" + s.idstr() + "' with version " + reg + " ("
                        + UpstreamDevices.facts(s.idstr()).orElseThrow().loadFunction() + "). Its qemu_loadvm_state "
                        + "(QT savevm.c) refuses a larger label with 'savevm: unsupported version " + s.versionId()
                        + " for '" + s.idstr() + "' v" + reg + "' and returns -EINVAL, unless it has stopped earlier. "
                        + "Labels above upstream's come from a private numbering such as XenServer's "
                        + "(XenServer's patch queue: docs/FORMAT.md, part X).";
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
            out.add(new Diagnostic(DiagnosticCode.LOADER_OVERRUN, size, 1, -1,
                    "the loader reads the next section type at offset " + Hex.offset(run.endOffset())
                            + ", past the end of the data, as 0 (EOF)",
                    "No EOF marker ends the stream where the loader looks for it. qemu_get_byte returns 0 past the "
                            + "end, which ends the loop as if it were the EOF marker, but it also sets the error "
                            + "flag, so qemu_loadvm_state returns -EIO (-5) (QT savevm.c, label out)."));
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
        @Override
        public String message(int section, long readIndex) {
            LoaderRead r = report.reads().get((int) readIndex);
            SectionsByOffset sections = new SectionsByOffset(parse.sections(), -1);
            long shapeEnd = shapeEnd(sections, r.section());
            long end = r.bodyOffset() + r.bytesRead();
            long from = Math.max(r.bodyOffset(), shapeEnd);
            String values = r.values().stream().filter(v -> v.pastEnd() > 0 || v.offset() + v.length() > shapeEnd)
                    .map(v -> v.name() + " = " + Field.hex(v.value(), Math.max(1, v.length())))
                    .collect(Collectors.joining(", "));
            return r.idstr() + " v" + r.version() + " reads " + taken(from, end) + (values.isEmpty() ? "" : ": " + values);
        }

        @Override
        public String explanation(int section, long readIndex) {
            LoaderRead r = report.reads().get((int) readIndex);
            SectionsByOffset sections = new SectionsByOffset(parse.sections(), -1);
            long past = Math.max(0, r.bodyOffset() + r.bytesRead() - size);
            return "The load function for version " + r.version() + " reads " + r.bytesRead() + " body bytes"
                    + (sections.has(r.section()) ? ", but the shape walk found " + sections.bodyLength(r.section())
                            + " before the next structure" : "")
                    + ". Bytes that belong to something else are taken as this device's state"
                    + (past > 0 ? "; past the end qemu's qemu_get_byte (QT savevm.c) returns 0 and sets "
                            + "the QEMUFile error flag, so those values are zeros taken as real state, and "
                            + "qemu_loadvm_state's result becomes -EIO if it returns at all" : "")
                    + ".";
        }
    };

    /** What the bytes {@code [from, end)} beyond a body are, in the words of the shape walk. */
    private String taken(long from, long end) {
        List<String> taken = new ArrayList<>();
        if (parse.eof() != null && parse.eof().offset() >= from && parse.eof().offset() < end) {
            taken.add("the EOF marker at offset " + Hex.offset(parse.eof().offset()));
        }
        if (parse.trailing() != null && parse.trailing().offset() < end && parse.trailing().end() > from) {
            long n = Math.min(end, parse.trailing().end()) - Math.max(from, parse.trailing().offset());
            taken.add(n + " trailing byte(s) after it");
        }
        int first = parse.firstSectionAtOrAfter(from);
        if (first < parse.sections().size() && parse.sections().get(first).header().offset() < end) {
            Section next = parse.sections().get(first);
            taken.add("the start of section #" + next.index() + " '" + next.idstr() + "' at offset "
                    + Hex.offset(next.header().offset()));
        }
        if (end > size) {
            taken.add((end - size) + " byte(s) past the end of the data");
        }
        return taken.isEmpty() ? (end - from) + " byte(s) beyond its body" : String.join(" and ", taken);
    }

    private void ending(DiagnosticList.Builder out) {
        switch (report.outcome()) {
            case LOADED -> silentPartial(out);
            case FAILED -> out.add(new Diagnostic(DiagnosticCode.LOADER_FAILED, run.endOffset(), run.endLength(),
                    run.endSection(), texts(profile.qemu() + ": qemu_loadvm_state returns " + report.result() + ": "
                            + report.message(), () -> "xen-vl-extra.c:do_loadvm only logs 'Error " + report.result()
                            + " while loading savevm file' and lets the guest run: sections loaded before this point "
                            + "keep their effect, the rest keep the state of a freshly started qemu-dm."
                            + notRestored(true))));
            case ABORTED -> aborted(out);
            case HANGS -> out.add(new Diagnostic(DiagnosticCode.LOADER_FAILED, run.endOffset(), run.endLength(),
                    run.endSection(), profile.qemu() + " never finishes loading: " + report.message(),
                    "qemu_loadvm_state_v2 seeks to the end of each record (start of body + record_len) and loops "
                            + "until the position reaches 16 + total_len; this record sends it back to a position "
                            + "it has already read, so it repeats forever and the guest is never resumed."));
            case INCOMPLETE -> out.add(new Diagnostic(DiagnosticCode.FORMAT_INFO, run.endOffset(), 0,
                    run.endSection(), "the loader simulation stops at offset " + Hex.offset(run.endOffset()) + ": "
                            + report.message(),
                    "Without a layout for the labelled version, the number of bytes the load function "
                            + "reads is unknown, so where qemu_loadvm_state would look for the next section "
                            + "cannot be simulated. The outcome of a real load is undetermined from here on."));
            default -> throw new IllegalStateException("unhandled outcome " + report.outcome());
        }
    }

    /**
     * Texts whose explanation names every section not restored: worded when read, since after an early stop
     * that may be most of a million sections.
     */
    private static Diagnostic.Text texts(String message, Supplier<String> explanation) {
        return texts(() -> message, explanation);
    }

    private static Diagnostic.Text texts(Supplier<String> message, Supplier<String> explanation) {
        return new Diagnostic.Text() {
            @Override
            public String message() {
                return message.get();
            }

            @Override
            public String explanation() {
                return explanation.get();
            }
        };
    }

    private void aborted(DiagnosticList.Builder out) {
        PortModel.Abort abort = run.abort();
        String owner = abort.owner() == null ? "" : " (port " + Hex.padded(abort.port()) + " belongs to "
                + abort.owner().name() + ")";
        LoaderRead last = report.reads().isEmpty() ? null : report.reads().get(report.reads().size() - 1);
        // Only an abort inside a load function (a port collision, a wild store) happens "in" a function. An
        // abort-on-bad-loadvm abort follows qemu_loadvm_state's return: its last read may be a header the generic
        // loop refused, or a type byte that named no device at all (idstr null), and no load function ran.
        String where = last != null && LoadStep.ABORTED.equals(last.status()) ? " in " + functionOf(last) : "";
        out.add(new Diagnostic(DiagnosticCode.LOADER_ABORTED, run.endOffset(), run.endLength(), run.endSection(),
                texts(profile.qemu() + " dies" + where + ": " + abort.message() + owner,
                        () -> abort.explanation() + notRestored(true))));
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
        out.add(new Diagnostic(DiagnosticCode.SILENT_PARTIAL_LOAD, at, Math.max(0, size - at),
                rejected == null ? run.endSection() : rejected.section(),
                texts(() -> profile.qemu() + " loads with result 0 but stops at offset " + Hex.offset(report.stoppedAt())
                        + " of " + size + "; not restored: " + lost.get(),
                        () -> (rejected == null ? "" : rejected.idstr() + " v" + rejected.version() + ": "
                                + rejected.message() + ". ")
                                + "qemu_loadvm_state (QT savevm.c) ignores a load function's error and reads the next "
                                + "byte as a section type; the byte at " + at + " is 0x00, which it takes for the EOF "
                                + "marker, and it returns 0. qemu-dm logs nothing and resumes the guest with these "
                                + "devices in their power-on state: " + lost.get() + ".")));
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
            out.add(new Diagnostic(DiagnosticCode.LOADER_PORTS, offset, length, entry.getKey(),
                    events.get(0).device() + " moves I/O ports: " + summary,
                    why(s)
                            + (overflow ? " Part of the range lies beyond port 0xFFFF: register_ioport_* has no "
                                    + "bounds check, so qemu-dm overwrites memory next to its port tables "
                                    + "(QT vl.c:register_ioport_write) without any message." : "")));
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
