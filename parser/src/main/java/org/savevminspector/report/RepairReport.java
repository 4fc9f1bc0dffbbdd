package org.savevminspector.report;

import static org.savevminspector.report.PrintableText.escape;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.inspect.Inspection;
import org.savevminspector.model.Hex;
import org.savevminspector.repair.ByteEdit;
import org.savevminspector.repair.RepairPlan;

/**
 * What {@code repair} did: every byte edit (offset, old bytes, new bytes, why), the diagnostics it fixed, those
 * that remain and any it would introduce, and the outcome. Text and JSON carry the same content.
 */
public final class RepairReport {
    private final ToolInfo tool;

    public RepairReport(ToolInfo tool) {
        this.tool = tool;
    }

    /** How the command ended. */
    public enum Status {
        /** The repaired copy was written. */
        WRITTEN("written"),
        /** The input needs no repair; nothing was written. */
        NOTHING_TO_REPAIR("nothing-to-repair"),
        /** The repair (or the write) was refused; {@link Outcome#reason()} says why. */
        REFUSED("refused");

        private final String json;

        Status(String json) {
            this.json = json;
        }

        public String json() {
            return json;
        }
    }

    /**
     * @param status      what happened
     * @param output      the output path as the user gave it
     * @param reason      why it was refused, {@code null} otherwise
     * @param writtenSize   the size of the file written when it is not the repaired stream's (a save image around
     *                      it), or -1
     * @param writtenSha256 the SHA-256 of that file, or {@code null}
     * @param streamStart   where the repaired QEVM stream starts in the file (a save image), or -1 for a bare
     *                      stream: the plan is then at file offsets and each edit says its stream offset too
     */
    public record Outcome(Status status, String output, String reason, long writtenSize, String writtenSha256,
                          long streamStart) {
        public Outcome {
            Objects.requireNonNull(status, "status");
        }

        public Outcome(Status status, String output, String reason) {
            this(status, output, reason, -1, null, -1);
        }

        public Outcome(Status status, String output, String reason, long writtenSize) {
            this(status, output, reason, writtenSize, null, -1);
        }
    }

    public String text(RepairPlan plan, FileInfo input, Outcome outcome) {
        StringBuilder sb = new StringBuilder();
        writeText(plan, input, outcome, sb);
        return sb.toString();
    }

    public void writeText(RepairPlan plan, FileInfo input, Outcome outcome, Appendable out) {
        try {
            out.append("Repair of ").append(escape(input.path())).append(" (").append(input.summary()).append(")\n");
            out.append("Strategy: ").append(plan.options().strategy().cliName())
                    .append(plan.options().trimTrailing() ? ", trim trailing bytes" : "").append('\n');
            out.append("Edits: ").append(plan.edits().isEmpty() ? "none" : Integer.toString(plan.edits().size()))
                    .append('\n');
            for (ByteEdit e : plan.edits()) {
                // in a save image the file offset first, as everywhere, the stream's after it
                String stream = outcome.streamStart() < 0 ? ""
                        : "; stream +" + Hex.padded(e.offset() - outcome.streamStart());
                out.append(String.format(Locale.ROOT, "  at %d (%s%s): [%s] -> [%s]  %s%n", e.offset(),
                        Hex.padded(e.offset()), stream, e.beforeHex(), e.afterHex(), escape(e.reason())));
            }
            textDiagnostics("Fixed", plan.fixed(), plan.before(), out);
            textDiagnostics("Remaining", plan.remaining(), plan.after(), out);
            textDiagnostics("Introduced", plan.introduced(), plan.after(), out);
            if (plan.hasEdits() && plan.after() != null && plan.after().loader() != null) {
                out.append("Verified on: ").append(plan.after().loader().profile()).append(" → ")
                        .append(plan.after().loader().verdict().word()).append('\n');
            }
            if (!plan.acceptedBy().isEmpty()) {
                out.append("Accepted by: ").append(String.join(", ", plan.acceptedBy())).append('\n');
            }
            out.append("Result: ");
            switch (outcome.status()) {
                case WRITTEN:
                    out.append("written to ").append(escape(outcome.output())).append(" (");
                    if (outcome.writtenSize() >= 0) {
                        // a save image: its size, then the size of the stream repaired in it
                        out.append(Long.toString(outcome.writtenSize())).append(" bytes; the QEVM stream in it ")
                                .append(Integer.toString(plan.result().length)).append(" bytes)");
                    } else {
                        out.append(Integer.toString(plan.result().length)).append(" bytes)");
                    }
                    break;
                case NOTHING_TO_REPAIR:
                    out.append("nothing to repair; nothing written");
                    break;
                default:
                    out.append("refused: ").append(escape(outcome.reason()));
                    break;
            }
            out.append('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void textDiagnostics(String title, List<Diagnostic> list, Inspection context, Appendable out)
            throws IOException {
        out.append(title).append(": ").append(list.isEmpty() ? "none" : Integer.toString(list.size())).append('\n');
        for (Diagnostic d : list) {
            out.append("  ").append(context == null ? escape(d.toString()) : TextReport.diagnosticLine(d, context))
                    .append('\n');
        }
    }

    public String json(RepairPlan plan, FileInfo input, Outcome outcome) {
        return JsonParts.asString(out -> writeJson(plan, input, outcome, out));
    }

    /**
     * {@code {"schemaVersion":2,"tool","input":{path,size,modified,sha256,qevm},"output","strategy","trimTrailing",
     * "status":"written|nothing-to-repair|refused","reason","resultSize","resultSha256","streamStart","edits":[
     * {"offset","streamOffset","before","after","delta","reason"}],"fixed":[…],"remaining":[…],"introduced":[…]}};
     * {@code before} and {@code after} are plain upper-case hex; {@code resultSize}/{@code resultSha256} describe
     * the file written (the whole image for a save image) and are {@code null} unless written. Offsets are file
     * offsets; in a save image {@code streamStart} says where the QEVM stream starts and each edit's
     * {@code streamOffset} where it lies in the stream (both absent for a bare stream).
     */
    public void writeJson(RepairPlan plan, FileInfo input, Outcome outcome, Writer out) throws IOException {
        try (JsonGenerator g = JsonParts.generator(out)) {
            g.writeStartObject();
            g.writeNumberField("schemaVersion", JsonReport.SCHEMA_VERSION);
            JsonParts.writeTool(g, tool);
            JsonParts.writeFile(g, "input", input);
            g.writeStringField("output", outcome.output());
            g.writeStringField("strategy", plan.options().strategy().cliName());
            g.writeBooleanField("trimTrailing", plan.options().trimTrailing());
            g.writeStringField("target", plan.options().strategy().target());
            g.writeArrayFieldStart("acceptedBy");
            for (String p : plan.acceptedBy()) {
                g.writeString(p);
            }
            g.writeEndArray();
            g.writeStringField("status", outcome.status().json());
            g.writeStringField("reason", outcome.reason());
            if (outcome.status() == Status.WRITTEN) {
                // the file written: the repaired stream, or the whole save image around it
                g.writeNumberField("resultSize", outcome.writtenSize() >= 0 ? outcome.writtenSize()
                        : plan.result().length);
                g.writeStringField("resultSha256", outcome.writtenSha256() != null ? outcome.writtenSha256()
                        : Sha256.of(plan.result()));
            } else {
                g.writeNullField("resultSize");
                g.writeNullField("resultSha256");
            }
            if (outcome.streamStart() >= 0) {
                g.writeNumberField("streamStart", outcome.streamStart());
            }
            g.writeArrayFieldStart("edits");
            for (ByteEdit e : plan.edits()) {
                g.writeStartObject();
                g.writeNumberField("offset", e.offset());
                if (outcome.streamStart() >= 0) {
                    g.writeNumberField("streamOffset", e.offset() - outcome.streamStart());
                }
                g.writeStringField("before", Hex.run(e.before()));
                g.writeStringField("after", Hex.run(e.after()));
                g.writeNumberField("delta", e.delta());
                g.writeStringField("reason", e.reason());
                g.writeEndObject();
            }
            g.writeEndArray();
            JsonParts.writeDiagnostics(g, "fixed", plan.fixed());
            JsonParts.writeDiagnostics(g, "remaining", plan.remaining());
            JsonParts.writeDiagnostics(g, "introduced", plan.introduced());
            g.writeEndObject();
        }
        out.write('\n');
        out.flush();
    }
}
