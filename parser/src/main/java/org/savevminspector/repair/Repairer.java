package org.savevminspector.repair;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.savevminspector.devices.known.KnownDevices;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.diagnostics.DiagnosticCode;
import org.savevminspector.inspect.Inspection;
import org.savevminspector.inspect.Inspector;
import org.savevminspector.io.AtomicFileWriter;
import org.savevminspector.io.ByteSource;
import org.savevminspector.io.OutputTarget;
import org.savevminspector.model.Section;
import org.savevminspector.model.Span;

/**
 * Plans, verifies and writes repairs. A repair is a list of byte edits applied to a copy; the copy is
 * inspected again before anything is written, and the plan is refused if it did not remove what it targets or
 * if it brings a warning or error the input did not have.
 */
public final class Repairer {
    /** Savevm streams are kilobytes (4 MiB with a VRAM dump); a repair holds the copy in memory. */
    static final long MAX_IN_MEMORY = 256L << 20;

    private final Inspector inspector;
    private final AtomicFileWriter writer;

    public Repairer(Inspector inspector) {
        this(inspector, AtomicFileWriter.standard());
    }

    /** With the writer that puts repaired copies on disk (tests give one whose disk fails). */
    public Repairer(Inspector inspector, AtomicFileWriter writer) {
        this.inspector = inspector;
        this.writer = writer;
    }

    public static Repairer standard() {
        return new Repairer(Inspector.standard());
    }

    /** Works out the edits for {@code options}, applies them to a copy and re-inspects the copy. */
    public RepairPlan plan(ByteSource src, Inspection before, RepairOptions options) {
        if (src.size() > MAX_IN_MEMORY) {
            return refused(options, before, "the file is " + src.size() + " bytes; repairs work on savevm streams of "
                    + "at most " + MAX_IN_MEMORY + " bytes (extract the QEVM stream from its container first)");
        }
        if (options.strategy().converts()) {
            return new ConversionPlanner(inspector).plan(src, before, options);
        }
        List<ByteEdit> edits = new ArrayList<>();
        Set<DiagnosticCode> targets = new HashSet<>();
        Map<String, String> reasons = new HashMap<>(); // one string per distinct reason, not per copy
        for (Section s : before.sections()) {
            // Only a diagnosed mismatch is repaired, not a body of unknown version shown with a known layout.
            if (s.labelMismatch() && before.diagnosticsFor(s.index()).stream()
                    .anyMatch(d -> d.code() == DiagnosticCode.VERSION_LABEL_MISMATCH)) {
                planSection(s, src, options.strategy(), reasons).ifPresent(e -> {
                    edits.add(e);
                    targets.add(DiagnosticCode.VERSION_LABEL_MISMATCH);
                });
            }
        }
        trimEdit(before, src, options).ifPresent(e -> {
            edits.add(e);
            targets.add(DiagnosticCode.TRAILING_BYTES);
        });
        if (edits.isEmpty()) {
            return new RepairPlan(options, List.of(), src.bytes(0, (int) src.size()), before, before, List.of(),
                    before.diagnostics(), List.of(), null);
        }
        edits.sort(Comparator.comparingLong(ByteEdit::offset));
        for (int k = 1; k < edits.size(); k++) {
            ByteEdit prev = edits.get(k - 1);
            if (edits.get(k).offset() < prev.offset() + prev.before().length) {
                // two edits of one byte range: no order of applying them means anything
                return refused(options, before, "the edits at offsets " + prev.offset() + " and "
                        + edits.get(k).offset() + " overlap");
            }
        }
        byte[] result = apply(src, edits);
        Inspection after = inspector.inspect(ByteSource.of(result));
        return verify(options, edits, result, before, after, targets);
    }

    /** Removing the bytes after the EOF marker, when asked and when there are any. */
    static Optional<ByteEdit> trimEdit(Inspection before, ByteSource original, RepairOptions options) {
        Span trailing = before.parse().trailing();
        if (!options.trimTrailing() || trailing == null || before.parse().eof() == null) {
            return Optional.empty();
        }
        return Optional.of(new ByteEdit(trailing.offset(), original.bytes(trailing.offset(), (int) trailing.length()),
                new byte[0], "remove " + trailing.length() + " byte(s) after the EOF marker"));
    }

    private Optional<ByteEdit> planSection(Section s, ByteSource original, RepairStrategy strategy,
                                           Map<String, String> reasons) {
        long versionOffset = s.versionOffset();
        if (strategy == RepairStrategy.RELABEL) {
            byte[] now = original.bytes(versionOffset, 4);
            byte[] want = HeaderEdits.be32(s.shapeVersion());
            String why = "relabel '" + s.idstr() + "' version " + s.versionId() + " → " + s.shapeVersion()
                    + " to match its " + s.body().length() + "-byte body";
            return Optional.of(new ByteEdit(versionOffset, now, want, reasons.computeIfAbsent(why, w -> w)));
        }
        // the missing field and its value come from the device's descriptor; the place is found by the decoded
        // field, not a fixed offset: a body whose field is missing (cut short) gets no edit
        return KnownDevices.standard().find(s.idstr()).flatMap(d -> d.upgrade(s.shapeVersion(), s.versionId()))
                .flatMap(u -> s.fields().stream()
                .filter(f -> f.name().equals(u.afterField()) && f.span().end() <= s.body().end()).findFirst()
                .map(f -> new ByteEdit(f.span().end(), new byte[0], u.insert(), u.reason())));
    }

    private RepairPlan verify(RepairOptions options, List<ByteEdit> edits, byte[] result, Inspection before,
                              Inspection after, Set<DiagnosticCode> targets) {
        DiagnosticDiff.Result diff = DiagnosticDiff.of(before, after, new OffsetMap(edits), code -> false);
        String refusal = null;
        for (Diagnostic d : after.diagnostics()) {
            if (targets.contains(d.code())) {
                refusal = "the repaired copy still has " + d.code() + " (" + d.message() + ")";
                break;
            }
        }
        if (refusal == null && !diff.introduced().isEmpty()) {
            refusal = "the repaired copy has " + diff.introduced().size() + " new problem(s), first: "
                    + diff.introduced().get(0).code() + " (" + diff.introduced().get(0).message() + ")";
        }
        return new RepairPlan(options, edits, result, before, after, diff.fixed(), after.diagnostics(),
                diff.introduced(), refusal, ConversionPlanner.acceptedBy(inspector, ByteSource.of(result), after));
    }

    /** Maps an offset of the repaired bytes back to the original file; offsets inside an edit map to its start. */
    static long originalOffset(List<ByteEdit> sortedEdits, long repairedOffset) {
        return new OffsetMap(sortedEdits).originalOffset(repairedOffset);
    }

    private static RepairPlan refused(RepairOptions options, Inspection before, String why) {
        return new RepairPlan(options, List.of(), new byte[0], before, before, List.of(), before.diagnostics(),
                List.of(), why);
    }

    static byte[] apply(byte[] original, List<ByteEdit> sortedEdits) {
        return apply(ByteSource.of(original), sortedEdits);
    }

    /** The bytes of {@code original} with the edits applied, read piece by piece (the input is not copied whole). */
    static byte[] apply(ByteSource original, List<ByteEdit> sortedEdits) {
        long growth = sortedEdits.stream().mapToLong(ByteEdit::delta).sum();
        byte[] out = new byte[(int) (original.size() + growth)];
        long from = 0;
        int to = 0;
        for (ByteEdit e : sortedEdits) {
            to += copy(original, from, e.offset() - from, out, to);
            byte[] after = e.after();
            System.arraycopy(after, 0, out, to, after.length);
            to += after.length;
            from = e.offset() + e.before().length;
        }
        copy(original, from, original.size() - from, out, to);
        return out;
    }

    private static int copy(ByteSource src, long from, long n, byte[] out, int to) {
        int done = 0;
        while (done < n) {
            int k = src.read(from + done, out, to + done, (int) (n - done));
            if (k <= 0) {
                throw new IllegalStateException("the input ended at offset " + (from + done) + " while copying");
            }
            done += k;
        }
        return done;
    }

    /**
     * Writes {@code plan.result()} to {@code out} with the {@link AtomicFileWriter} (temporary file in the target
     * directory, fsync, rename; an existing output keeps its permissions, a new one gets the umask's mode).
     * Refuses to write onto {@code input} (same path or same file), onto an existing file unless {@code force},
     * or a plan that is not {@link RepairPlan#acceptable() acceptable}. The input is never
     * opened for writing.
     *
     * @throws RepairRefusedException with the reason when it refuses
     * @throws IOException            when writing fails: names {@code out}, the failed step and the reason (the
     *                                temporary file is removed; {@code out} is untouched)
     */
    public void write(RepairPlan plan, Path input, Path out, boolean force)
            throws IOException, RepairRefusedException {
        write(plan, input, OutputTarget.of(out), force);
    }

    /**
     * As {@link #write(RepairPlan, Path, Path, boolean)} to a resolved target: also standard output, a FIFO or a
     * character device, written as a stream. {@code input} may be {@code null} (standard input, a pipe).
     */
    public void write(RepairPlan plan, Path input, OutputTarget out, boolean force)
            throws IOException, RepairRefusedException {
        if (!plan.hasEdits()) {
            throw new RepairRefusedException(plan.refusal() != null ? plan.refusal() : "nothing to repair");
        }
        if (plan.refusal() != null) {
            throw new RepairRefusedException(plan.refusal());
        }
        writer.write(checkTarget(input, out, force), o -> o.write(plan.result()), null);
    }

    /**
     * The output every writer of a repaired or extracted copy accepts: never the input itself (also through
     * another name), never anything {@link OutputTarget} refuses (a directory, a block device, a socket, a
     * terminal, a link to nothing), not an existing file without {@code force}. A stream (standard output, a
     * FIFO, a character device) replaces nothing, so it needs no {@code force}.
     *
     * @param input the input file, or {@code null} when it has no name (standard input, a pipe)
     * @return {@code out}
     */
    public static OutputTarget checkTarget(Path input, OutputTarget out, boolean force) throws IOException,
            RepairRefusedException {
        Path target = out.path();
        if (input != null && target != null) {
            Path in = input.toAbsolutePath().normalize();
            if (in.equals(target) || (Files.exists(target) && Files.exists(in) && Files.isSameFile(in, target))) {
                // named as the output was given: the input may be standard input, read through /proc/self/fd/0
                throw new RepairRefusedException("refusing to write onto the input file " + out.shown()
                        + ": the original is never modified; choose another output path");
            }
        }
        if (out.kind() == OutputTarget.Kind.REFUSED) {
            throw new RepairRefusedException(out.refusal());
        }
        if (out.kind() == OutputTarget.Kind.REPLACE_FILE && !force) {
            throw new RepairRefusedException(out.shown() + " already exists (use --force to overwrite it)");
        }
        return out;
    }
}
