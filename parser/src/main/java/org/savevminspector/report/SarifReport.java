package org.savevminspector.report;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.diagnostics.DiagnosticCode;
import org.savevminspector.inspect.Inspection;
import org.savevminspector.model.Section;

/**
 * The diagnostics of an {@link Inspection} as a SARIF 2.1.0 log (OASIS SARIF v2.1.0, section 3.13 sarifLog): one run,
 * the input as an artifact (length, modification time, SHA-256 when computed), the bytes decoded from a
 * compressed file or a VHD and a save image's QEVM stream as nested ones (offset, length and hash), one rule per
 * {@link DiagnosticCode} (in declaration order, so {@code ruleIndex} is the code's ordinal) and one result per
 * diagnostic whose
 * {@code physicalLocation.region} is {@code byteOffset}/{@code byteLength} (SARIF sections 3.30.13/14: binary artifacts are
 * addressed by bytes). Severity {@code info} maps to level {@code none}.
 */
public final class SarifReport {
    public static final String SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";

    private final ToolInfo tool;

    public SarifReport(ToolInfo tool) {
        this.tool = tool;
    }

    public String toJson(Inspection inspection, FileInfo file) {
        return JsonParts.asString(out -> write(inspection, file, out));
    }

    /** Writes the log and a final newline to {@code out}, which is flushed but not closed. */
    public void write(Inspection inspection, FileInfo file, Writer out) throws IOException {
        try (JsonGenerator g = JsonParts.generator(out)) {
            g.writeStartObject();
            g.writeStringField("$schema", SCHEMA_URI);
            g.writeStringField("version", "2.1.0");
            g.writeArrayFieldStart("runs");
            g.writeStartObject();
            writeDriver(g);
            writeArtifact(g, file);
            g.writeArrayFieldStart("results");
            for (Diagnostic d : inspection.diagnostics()) {
                writeResult(g, d, inspection, file);
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
        }
        out.write('\n');
        out.flush();
    }

    private void writeDriver(JsonGenerator g) throws IOException {
        g.writeObjectFieldStart("tool");
        g.writeObjectFieldStart("driver");
        g.writeStringField("name", tool.name());
        g.writeStringField("version", tool.version());
        g.writeArrayFieldStart("rules");
        for (DiagnosticCode c : DiagnosticCode.values()) {
            g.writeStartObject();
            g.writeStringField("id", c.name());
            g.writeObjectFieldStart("shortDescription");
            g.writeStringField("text", c.summary());
            g.writeEndObject();
            g.writeObjectFieldStart("defaultConfiguration");
            g.writeStringField("level", c.severity().sarifLevel());
            g.writeEndObject();
            g.writeObjectFieldStart("properties");
            g.writeStringField("group", c.group());
            g.writeStringField("severity", c.severity().json());
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
    }

    /**
     * The input (SARIF section 3.24: length, {@code lastModifiedTimeUtc}, {@code hashes} when the whole file was hashed); for a
     * file read out of layers, the bytes decoded from it as a nested artifact ({@code parentIndex} 0: the
     * decompressed data, a VHD's virtual disk), which the results' offsets address; and, unless it is the file
     * itself, the QEVM stream as a nested artifact of whichever of the two holds it ({@code offset} and
     * {@code length} there, its hash): what the results were judged on.
     */
    private static void writeArtifact(JsonGenerator g, FileInfo file) throws IOException {
        g.writeArrayFieldStart("artifacts");
        g.writeStartObject();
        g.writeObjectFieldStart("location");
        g.writeStringField("uri", file.uri());
        g.writeEndObject();
        g.writeNumberField("length", file.size());
        if (file.modified() != null) {
            g.writeStringField("lastModifiedTimeUtc", file.modified().toString());
        }
        writeHash(g, file.sha256());
        g.writeEndObject();
        if (file.decoded() != null) {
            g.writeStartObject();
            writeDescription(g, file.decoded().what());
            g.writeNumberField("parentIndex", 0);
            g.writeNumberField("length", file.decoded().size());
            g.writeEndObject();
        }
        FileInfo.StreamDigest q = file.qevm();
        if (q != null && !(file.sha256() != null && file.streamIsTheFile())) {
            g.writeStartObject();
            writeDescription(g, "QEVM device-model stream");
            g.writeNumberField("parentIndex", judged(file));
            g.writeNumberField("offset", q.offset());
            g.writeNumberField("length", q.length());
            writeHash(g, q.sha256());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** The artifact the results' byte offsets address: the file, or the bytes decoded from it. */
    private static int judged(FileInfo file) {
        return file.decoded() == null ? 0 : 1;
    }

    private static void writeDescription(JsonGenerator g, String text) throws IOException {
        g.writeObjectFieldStart("description");
        g.writeStringField("text", text);
        g.writeEndObject();
    }

    private static void writeHash(JsonGenerator g, String sha256) throws IOException {
        if (sha256 != null) {
            g.writeObjectFieldStart("hashes");
            g.writeStringField("sha-256", sha256);
            g.writeEndObject();
        }
    }

    private static void writeResult(JsonGenerator g, Diagnostic d, Inspection inspection, FileInfo file)
            throws IOException {
        g.writeStartObject();
        g.writeStringField("ruleId", d.code().name());
        g.writeNumberField("ruleIndex", d.code().ordinal());
        g.writeStringField("level", d.severity().sarifLevel());
        g.writeObjectFieldStart("message");
        g.writeStringField("text", d.message());
        g.writeEndObject();
        g.writeArrayFieldStart("locations");
        g.writeStartObject();
        g.writeObjectFieldStart("physicalLocation");
        g.writeObjectFieldStart("artifactLocation");
        if (file.decoded() == null) {
            g.writeStringField("uri", file.uri());
        }
        g.writeNumberField("index", judged(file));
        g.writeEndObject();
        g.writeObjectFieldStart("region");
        g.writeNumberField("byteOffset", d.offset());
        g.writeNumberField("byteLength", d.length());
        g.writeEndObject();
        g.writeEndObject();
        String section = sectionName(d, inspection);
        if (section != null) {
            g.writeArrayFieldStart("logicalLocations");
            g.writeStartObject();
            g.writeStringField("name", section);
            g.writeStringField("kind", "object");
            g.writeEndObject();
            g.writeEndArray();
        }
        g.writeEndObject();
        g.writeEndArray();
        g.writeObjectFieldStart("properties");
        g.writeStringField("severity", d.severity().json());
        g.writeStringField("group", d.code().group());
        JsonParts.writeIndexOrNull(g, "section", d.section());
        g.writeStringField("explanation", d.explanation());
        g.writeEndObject();
        g.writeEndObject();
    }

    /** "section 12 piix4acpi" for a diagnostic tied to a section, else {@code null}. */
    private static String sectionName(Diagnostic d, Inspection inspection) {
        if (d.section() < 0 || d.section() >= inspection.sections().size()) {
            return null;
        }
        Section s = inspection.sections().get(d.section());
        return "section " + s.index() + " " + s.idstr();
    }
}
