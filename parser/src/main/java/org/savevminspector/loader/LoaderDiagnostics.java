package org.savevminspector.loader;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.diagnostics.DiagnosticCode;
import org.savevminspector.model.Field;
import org.savevminspector.model.Hex;
import org.savevminspector.model.Section;
import org.savevminspector.model.SectionType;
import org.savevminspector.stream.ParseResult;

/** Turns a replay into the findings people read: how the load ends, what it skips, what it reads past the end. */
final class LoaderDiagnostics {
    private final ParseResult parse;
    private final LoaderRun run;
    private final LoaderReport report;
    private final long size;
    private final LoaderProfile profile;

    LoaderDiagnostics(ParseResult parse, LoaderRun run, LoaderProfile profile) {
        this.profile = profile;
        this.parse = parse;
        this.run = run;
        this.report = run.report();
        this.size = parse.size();
    }

    List<Diagnostic> all() {
        List<Diagnostic> out = new ArrayList<>();
        newerThanUpstream(out);
        overruns(out);
        ending(out);
        portMoves(out);
        return out;
    }

    /** Every section whose label exceeds upstream's registered version, whether or not the loader got there. */
    private void newerThanUpstream(List<Diagnostic> out) {
        for (Section s : parse.sections()) {
            if (!s.type().hasFullHeader() || s.idstr() == null || s.versionId() < 0) {
                continue;
            }
            Optional<DeviceLoadFacts> facts = UpstreamDevices.facts(s.idstr());
            if (facts.isEmpty() || s.versionId() <= facts.get().registeredVersion()) {
                continue;
            }
            long reg = facts.get().registeredVersion();
            out.add(new Diagnostic(DiagnosticCode.VERSION_NEWER_THAN_UPSTREAM, s.versionOffset(), 4, s.index(),
                    "'" + s.idstr() + "' is labelled version " + s.versionId() + "; upstream registers v" + reg,
                    "Upstream qemu-xen-traditional registers '" + s.idstr() + "' with version " + reg + " ("
                            + facts.get().loadFunction() + "). Its qemu_loadvm_state (QT savevm.c) refuses a "
                            + "larger label with 'savevm: unsupported version " + s.versionId() + " for '"
                            + s.idstr() + "' v" + reg + "' and returns -EINVAL, unless it has stopped earlier. "
                            + "Labels above upstream's come from a private numbering such as XenServer's "
                            + "(XenServer's patch queue: docs/FORMAT.md, part X)."));
        }
    }

    /**
     * Body reads that go beyond the body the shape walk found — swallowing the EOF marker, trailing bytes, the
     * start of the next section or bytes past the end of the data — and a final section type read past the end.
     */
    private void overruns(List<Diagnostic> out) {
        for (LoaderRead r : report.reads()) {
            long end = r.bodyOffset() + r.bytesRead();
            Section s = section(r.section());
            long shapeEnd = s == null ? size : Math.min(s.body().end(), size);
            if (end <= shapeEnd) {
                continue;
            }
            long from = Math.max(r.bodyOffset(), shapeEnd);
            long past = Math.max(0, end - size);
            String values = r.values().stream().filter(v -> v.pastEnd() > 0 || v.offset() + v.length() > shapeEnd)
                    .map(v -> v.name() + " = " + Field.hex(v.value(), Math.max(1, v.length())))
                    .collect(Collectors.joining(", "));
            out.add(new Diagnostic(DiagnosticCode.LOADER_OVERRUN, from, end - from, r.section(),
                    r.idstr() + " v" + r.version() + " reads " + taken(from, end)
                            + (values.isEmpty() ? "" : ": " + values),
                    "The load function for version " + r.version() + " reads " + r.bytesRead() + " body bytes"
                            + (s == null ? "" : ", but the shape walk found " + s.body().length() + " before the "
                                    + "next structure")
                            + ". Bytes that belong to something else are taken as this device's state"
                            + (past > 0 ? "; past the end qemu's qemu_get_byte (QT savevm.c) returns 0 and sets "
                                    + "the QEMUFile error flag, so those values are zeros taken as real state, and "
                                    + "qemu_loadvm_state's result becomes -EIO if it returns at all" : "")
                            + "."));
        }
        boolean endedPastData = report.outcome() != LoadOutcome.ABORTED && run.abort() == null
                && run.endOffset() >= size && run.endLength() == 1;
        if (endedPastData && report.reads().stream().noneMatch(r -> r.bodyOffset() + r.bytesRead() > size)) {
            out.add(new Diagnostic(DiagnosticCode.LOADER_OVERRUN, size, 1, -1,
                    "the loader reads the next section type at offset " + Hex.offset(run.endOffset())
                            + ", past the end of the data, as 0 (EOF)",
                    "No EOF marker ends the stream where the loader looks for it. qemu_get_byte returns 0 past the "
                            + "end, which ends the loop as if it were the EOF marker, but it also sets the error "
                            + "flag, so qemu_loadvm_state returns -EIO (-5) (QT savevm.c, label out)."));
        }
    }

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
        for (Section next : parse.sections()) {
            if (next.header().offset() >= from && next.header().offset() < end) {
                taken.add("the start of section #" + next.index() + " '" + next.idstr() + "' at offset "
                        + Hex.offset(next.header().offset()));
                break;
            }
        }
        if (end > size) {
            taken.add((end - size) + " byte(s) past the end of the data");
        }
        return taken.isEmpty() ? (end - from) + " byte(s) beyond its body" : String.join(" and ", taken);
    }

    private void ending(List<Diagnostic> out) {
        switch (report.outcome()) {
            case LOADED -> silentPartial(out);
            case FAILED -> out.add(new Diagnostic(DiagnosticCode.LOADER_FAILED, run.endOffset(), run.endLength(),
                    run.endSection(), profile.qemu() + ": qemu_loadvm_state returns " + report.result() + ": "
                            + report.message(),
                    "xen-vl-extra.c:do_loadvm only logs 'Error " + report.result() + " while loading "
                            + "savevm file' and lets the guest run: sections loaded before this point keep their "
                            + "effect, the rest keep the state of a freshly started qemu-dm."
                            + notRestored(true)));
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

    private void aborted(List<Diagnostic> out) {
        PortModel.Abort abort = run.abort();
        String owner = abort.owner() == null ? "" : " (port " + Hex.padded(abort.port()) + " belongs to "
                + abort.owner().name() + ")";
        LoaderRead last = report.reads().isEmpty() ? null : report.reads().get(report.reads().size() - 1);
        String where = last == null ? "" : " in " + functionOf(last);
        out.add(new Diagnostic(DiagnosticCode.LOADER_ABORTED, run.endOffset(), run.endLength(), run.endSection(),
                profile.qemu() + " dies" + where + ": " + abort.message() + owner,
                abort.explanation() + notRestored(true)));
    }

    private String functionOf(LoaderRead r) {
        return profile.facts(r.idstr()).map(DeviceLoadFacts::loadFunction).orElse(r.idstr());
    }

    /** Result 0, yet sections were refused by their load functions or never reached. */
    private void silentPartial(List<Diagnostic> out) {
        List<String> lost = lostSections(false);
        if (lost.isEmpty()) {
            return;
        }
        LoaderRead rejected = report.reads().stream().filter(r -> LoadStep.REJECTED.equals(r.status()))
                .findFirst().orElse(null);
        long at = Math.max(0, report.stoppedAt() - 1);
        out.add(new Diagnostic(DiagnosticCode.SILENT_PARTIAL_LOAD, at, Math.max(0, size - at),
                rejected == null ? run.endSection() : rejected.section(),
                profile.qemu() + " loads with result 0 but stops at offset " + Hex.offset(report.stoppedAt()) + " of " + size
                        + "; not restored: " + String.join(", ", lost),
                (rejected == null ? "" : rejected.idstr() + " v" + rejected.version() + ": " + rejected.message()
                        + ". ")
                        + "qemu_loadvm_state (QT savevm.c) ignores a load function's error and reads the next "
                        + "byte as a section type; the byte at " + at + " is 0x00, which it takes for the EOF "
                        + "marker, and it returns 0. qemu-dm logs nothing and resumes the guest with these "
                        + "devices in their power-on state: " + String.join(", ", lost) + "."));
    }

    private String notRestored(boolean withPrefix) {
        List<String> lost = lostSections(true);
        return lost.isEmpty() ? "" : (withPrefix ? " Not restored: " : "") + String.join(", ", lost) + ".";
    }

    /** Sections of the shape walk that no load function read successfully, by name. */
    private List<String> lostSections(boolean neverReadOnly) {
        BitSet loaded = new BitSet(parse.sections().size()); // section indices; no Integer box per read
        Map<Integer, String> rejected = new LinkedHashMap<>();
        for (LoaderRead r : report.reads()) {
            if (r.section() < 0) {
                continue;
            }
            if (LoadStep.LOADED.equals(r.status())) {
                loaded.set(r.section());
            } else if (LoadStep.REJECTED.equals(r.status())) {
                rejected.put(r.section(), "rejected by its load function");
            } else {
                rejected.put(r.section(), r.status());
            }
        }
        List<String> out = new ArrayList<>();
        for (Section s : parse.sections()) {
            if (loaded.get(s.index())) {
                continue;
            }
            String name = "#" + s.index() + " " + s.idstr() + (s.type().hasFullHeader() && s.instanceId() != 0
                    ? " " + Hex.plain(s.instanceId()) : "")
                    + (s.type() == SectionType.PART || s.type() == SectionType.END ? " (" + s.type().json() + ")" : "");
            String why = rejected.get(s.index());
            if (why != null) {
                if (!neverReadOnly) {
                    out.add(name + " (" + why + ")");
                }
            } else {
                out.add(name);
            }
        }
        return out;
    }

    /** One note per section whose load moves ports away from where a fresh qemu-dm has them. */
    private void portMoves(List<Diagnostic> out) {
        Map<Integer, List<PortEvent>> bySection = new LinkedHashMap<>();
        for (PortEvent e : report.ports()) {
            bySection.computeIfAbsent(e.section(), k -> new ArrayList<>()).add(e);
        }
        for (Map.Entry<Integer, List<PortEvent>> entry : bySection.entrySet()) {
            List<PortEvent> events = entry.getValue();
            boolean moves = events.stream()
                    .anyMatch(e -> e.action().equals(PortEvent.UNMAP) || e.action().equals(PortEvent.OVERFLOW));
            if (!moves) {
                continue;
            }
            Section s = section(entry.getKey());
            LoaderRead read = report.reads().stream().filter(r -> r.section() == entry.getKey()).findFirst()
                    .orElse(null);
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
