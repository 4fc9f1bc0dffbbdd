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
     * @param status what happened
     * @param output the output path as the user gave it
     * @param reason why it was refused, {@code null} otherwise
     */
    public record Outcome(Status status, String output, String reason) {
        public Outcome {
            Objects.requireNonNull(status, "status");
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
                out.append(String.format(Locale.ROOT, "  at %d (%s): [%s] -> [%s]  %s%n", e.offset(),
                        Hex.padded(e.offset()), e.beforeHex(), e.afterHex(), escape(e.reason())));
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
                    out.append("written to ").append(escape(outcome.output())).append(" (")
                            .append(Integer.toString(plan.result().length)).append(" bytes)");
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
     * "status":"written|nothing-to-repair|refused","reason","resultSize","resultSha256","edits":[{"offset",
     * "before","after","delta","reason"}],"fixed":[…],"remaining":[…],"introduced":[…]}}; {@code before} and
     * {@code after} are plain upper-case hex; {@code resultSize}/{@code resultSha256} describe the repaired
     * bytes and are {@code null} unless written.
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
                g.writeNumberField("resultSize", plan.result().length);
                g.writeStringField("resultSha256", Sha256.of(plan.result()));
            } else {
                g.writeNullField("resultSize");
                g.writeNullField("resultSha256");
            }
            g.writeArrayFieldStart("edits");
            for (ByteEdit e : plan.edits()) {
                g.writeStartObject();
                g.writeNumberField("offset", e.offset());
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
