package org.savevminspector.report;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.savevminspector.container.ContainerIndex;
import org.savevminspector.diagnostics.Severity;
import org.savevminspector.devices.checks.CheckCatalog;
import org.savevminspector.devices.checks.SectionCheck;
import org.savevminspector.inspect.Inspection;
import org.savevminspector.io.ByteSource;
import org.savevminspector.io.InputLayer;
import org.savevminspector.loader.LoaderRead;
import org.savevminspector.loader.LoaderReport;
import org.savevminspector.loader.PortEvent;
import org.savevminspector.model.Field;
import org.savevminspector.model.FieldType;
import org.savevminspector.model.FileHeader;
import org.savevminspector.model.Hex;
import org.savevminspector.model.Section;
import org.savevminspector.model.Span;
import org.savevminspector.stream.ParseResult;

/**
 * The JSON form of an {@link Inspection} (schema version {@value #SCHEMA_VERSION}); the names are a public
 * contract shared by {@code inspect --format json}, the GUI's export and scripts.
 *
 * <p>Written with Jackson's streaming generator so that key order is fixed, output is deterministic and
 * integers stay JSON integers. Every offset and length is an absolute file offset written as a JSON integer.
 * Field values: scalars that fit in 53 bits are integers, wider ones a {@code 0x}-prefixed hex string of the
 * raw bits; {@code ascii} fields their text; {@code bytes} fields the bytes as plain hex (two upper-case digits
 * per byte, no separator) read from the {@link ByteSource}, except that arrays longer than
 * {@value #MAX_INLINE_BYTES} bytes (a 4 MiB VRAM dump…) are written as {@code "value":null} with
 * {@code "truncatedValue":true}; {@code struct}/{@code array} fields have {@code "value":null} and their
 * children in {@code fields}. A negative instance/version/section in the model (PART/END sections, file-level
 * diagnostics) is written as {@code null}.
 *
 * <p>Schema version 2 differs from 1 in these:
 * <ul>
 *   <li>the lowest severity is {@code info} (it was Wireshark's {@code chat}), in a diagnostic's
 *       {@code severity}, a section's {@code status} and the summary's counts;
 *   <li>{@code file} describes the file as stored and what was judged ({@link JsonParts#writeFile}):
 *       {@code file.sha256} is the stored file's and may be {@code null} (a save image is hashed whole only on
 *       request), {@code file.size} is the stored file's also for a compressed file or a VHD (it was the
 *       decoded bytes'), and {@code file.modified} and {@code file.qevm} (the judged stream's place and hash)
 *       are new;
 *   <li>{@code container.records[].pages.minPfn}/{@code maxPfn} are {@code null} when the pfn arrays were not
 *       read ({@code --pfn-arrays}).
 * </ul>
 */
public final class JsonReport {
    public static final int SCHEMA_VERSION = 2;
    /** Byte arrays longer than this are not inlined (see class comment). */
    public static final int MAX_INLINE_BYTES = 64 * 1024;

    private final ToolInfo tool;

    public JsonReport(ToolInfo tool) {
        this.tool = tool;
    }

    /** Convenience for tests and the GUI's clipboard: the whole report as a string. */
    public String toJson(Inspection inspection, FileInfo file, ByteSource src) {
        return JsonParts.asString(out -> write(inspection, file, src, out));
    }

    /**
     * Writes the report and a final newline to {@code out}, which is flushed but not closed.
     *
     * @param src the bytes {@code inspection} describes (read for the value of byte-array fields)
     * @throws java.io.UncheckedIOException when {@code src} cannot be read
     */
    public void write(Inspection inspection, FileInfo file, ByteSource src, Writer out) throws IOException {
        write(inspection, file, src, out, null);
    }

    /**
     * As {@link #write(Inspection, FileInfo, ByteSource, Writer)}, with the {@code "container"} object of a save
     * image after {@code "format"} ({@code inspection} then speaks of absolute image offsets, {@code src} is the
     * whole image).
     */
    public void write(Inspection inspection, FileInfo file, ByteSource src, Writer out, ContainerIndex container)
            throws IOException {
        write(inspection, file, src, out, container, List.of());
    }

    /**
     * As {@link #write(Inspection, FileInfo, ByteSource, Writer, ContainerIndex)}, for bytes read out of
     * {@code layers} (a compression, a VHD: {@link LayerReport}); {@code src} is then the decompressed data or the
     * virtual disk, which every offset outside {@code "compressed"} and {@code "disk"} addresses.
     */
    public void write(Inspection inspection, FileInfo file, ByteSource src, Writer out, ContainerIndex container,
                      List<InputLayer> layers) throws IOException {
        ParseResult parse = inspection.parse();
        try (JsonGenerator g = JsonParts.generator(out)) {
            g.writeStartObject();
            g.writeNumberField("schemaVersion", SCHEMA_VERSION);
            JsonParts.writeTool(g, tool);
            JsonParts.writeFile(g, "file", file);
            LayerReport.writeJson(g, layers, container == null ? null : container.qevm());
            g.writeStringField("format", parse.format().json());
            if (container != null) {
                ContainerJson.write(g, container, src);
            }
            writeHeader(g, parse.header(), src);
            g.writeArrayFieldStart("sections");
            for (Section s : parse.sections()) {
                writeSection(g, s, inspection, src);
            }
            g.writeEndArray();
            writeSpanOrNull(g, "eof", parse.eof(), false);
            writeSpanOrNull(g, "trailing", parse.trailing(), true);
            writeSpanOrNull(g, "unparsed", parse.unparsed(), true);
            JsonParts.writeDiagnostics(g, "diagnostics", inspection.diagnostics());
            writeLoader(g, inspection.loader());
            writeChecks(g, inspection);
            writeSummary(g, inspection);
            g.writeEndObject();
        }
        out.write('\n');
        out.flush();
    }

    /**
     * The named sanity checks ({@code devices.checks.CheckCatalog}) with what each did in this file, so that "no
     * finding" says which checks ran: {@code sections} is how many sections it looked at (0 = did not apply).
     */
    private static void writeChecks(JsonGenerator g, Inspection inspection) throws IOException {
        g.writeArrayFieldStart("checks");
        for (CheckCatalog.Result r : inspection.parse().checks()) {
            SectionCheck c = r.check();
            g.writeStartObject();
            g.writeStringField("id", c.id());
            g.writeStringField("title", c.title());
            g.writeStringField("devices", c.devices());
            g.writeArrayFieldStart("codes");
            for (var code : c.codes()) {
                g.writeString(code.name());
            }
            g.writeEndArray();
            g.writeBooleanField("ran", r.ran());
            g.writeNumberField("sections", r.sectionsChecked());
            g.writeNumberField("findings", r.findings());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private void writeHeader(JsonGenerator g, FileHeader h, ByteSource src) throws IOException {
        if (h == null) {
            g.writeNullField("header");
            return;
        }
        g.writeObjectFieldStart("header");
        g.writeNumberField("offset", h.span().offset());
        g.writeNumberField("length", h.span().length());
        writeFields(g, h.fields(), src);
        g.writeEndObject();
    }

    private void writeSection(JsonGenerator g, Section s, Inspection inspection, ByteSource src) throws IOException {
        g.writeStartObject();
        g.writeNumberField("index", s.index());
        g.writeStringField("type", s.type().json());
        g.writeNumberField("sectionId", s.sectionId());
        g.writeStringField("idstr", s.idstr());
        JsonParts.writeIndexOrNull(g, "instanceId", s.instanceId());
        JsonParts.writeIndexOrNull(g, "versionId", s.versionId());
        g.writeNumberField("offset", s.header().offset());
        g.writeNumberField("headerLength", s.header().length());
        g.writeNumberField("bodyOffset", s.body().offset());
        g.writeNumberField("bodyLength", s.body().length());
        g.writeBooleanField("decoded", s.decoded());
        JsonParts.writeIndexOrNull(g, "shapeVersion", s.shapeVersion());
        g.writeBooleanField("labelMismatch", s.labelMismatch());
        Severity status = inspection.sectionStatus(s.index());
        g.writeStringField("status", status == null ? "ok" : status.json());
        g.writeArrayFieldStart("headerFields");
        for (Field f : s.headerFields()) {
            writeField(g, f, src);
        }
        g.writeEndArray();
        writeFields(g, s.fields(), src);
        g.writeEndObject();
    }

    private void writeFields(JsonGenerator g, List<Field> fields, ByteSource src) throws IOException {
        g.writeArrayFieldStart("fields");
        for (Field f : fields) {
            writeField(g, f, src);
        }
        g.writeEndArray();
    }

    private void writeField(JsonGenerator g, Field f, ByteSource src) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", f.name());
        g.writeStringField("type", f.type().label());
        g.writeNumberField("offset", f.span().offset());
        g.writeNumberField("length", f.span().length());
        writeValue(g, f, src);
        g.writeStringField("display", f.display());
        String meaning = f.meaningText();
        if (meaning != null) {
            g.writeStringField("meaning", meaning);
        }
        if (!f.children().isEmpty() || FieldValues.isGroup(f.type())) {
            writeFields(g, f.children(), src);
        }
        g.writeEndObject();
    }

    /** A field's {@code value} (and {@code truncatedValue} for long or cut arrays); shared with {@link DiffJson}. */
    static void writeValue(JsonGenerator g, Field f, ByteSource src) throws IOException {
        FieldType t = f.type();
        if (t.isScalar()) {
            if (FieldValues.fitsJsonInteger(f)) {
                g.writeNumberField("value", f.value());
            } else {
                g.writeStringField("value", FieldValues.hex(f));
            }
        } else if (t == FieldType.ASCII) {
            g.writeStringField("value", f.text());
        } else if (t == FieldType.BYTES) {
            writeBytes(g, f.span(), src);
        } else {
            g.writeNullField("value");
        }
    }

    private static void writeBytes(JsonGenerator g, Span span, ByteSource src) throws IOException {
        if (span.length() > MAX_INLINE_BYTES) {
            g.writeNullField("value");
            g.writeBooleanField("truncatedValue", true);
            return;
        }
        byte[] data = src.bytes(span.offset(), (int) span.length());
        g.writeStringField("value", Hex.run(data));
        if (data.length < span.length()) {
            // the span runs past the data (a truncated file): say how much of it the value covers
            g.writeBooleanField("truncatedValue", true);
            g.writeNumberField("valueLength", data.length);
        }
    }

    static void writeSpanOrNull(JsonGenerator g, String name, Span span, boolean withLength)
            throws IOException {
        if (span == null) {
            g.writeNullField(name);
            return;
        }
        g.writeObjectFieldStart(name);
        g.writeNumberField("offset", span.offset());
        if (withLength) {
            g.writeNumberField("length", span.length());
        }
        g.writeEndObject();
    }

    private static void writeLoader(JsonGenerator g, LoaderReport r) throws IOException {
        if (r == null) {
            g.writeNullField("loader");
            return;
        }
        g.writeObjectFieldStart("loader");
        g.writeStringField("profile", r.profile());
        g.writeStringField("outcome", r.outcome().json());
        if (r.result() == null) {
            g.writeNullField("result");
        } else {
            g.writeNumberField("result", r.result());
        }
        g.writeStringField("message", r.message());
        g.writeNumberField("stoppedAt", r.stoppedAt());
        g.writeNumberField("overrunBytes", r.overrunBytes());
        g.writeStringField("verdict", r.verdict().word());
        g.writeArrayFieldStart("notRestored");
        for (LoaderReport.NotRestored n : r.notRestored()) {
            g.writeStartObject();
            g.writeNumberField("section", n.section());
            g.writeStringField("idstr", n.idstr());
            g.writeNumberField("instanceId", n.instance());
            g.writeStringField("reason", n.reason());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("misreads");
        for (LoaderReport.Misread m : r.misreads()) {
            g.writeStartObject();
            JsonParts.writeIndexOrNull(g, "section", m.section());
            g.writeStringField("idstr", m.idstr());
            g.writeNumberField("offset", m.offset());
            JsonParts.writeIndexOrNull(g, "bodyLength", m.bodyLength());
            g.writeNumberField("bytesRead", m.bytesRead());
            g.writeStringField("message", m.message());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("consequences");
        for (String c : r.consequences()) {
            g.writeString(c);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("reads");
        for (LoaderRead read : r.reads()) {
            writeRead(g, read);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("ports");
        for (PortEvent p : r.ports()) {
            g.writeStartObject();
            JsonParts.writeIndexOrNull(g, "section", p.section());
            g.writeStringField("device", p.device());
            g.writeStringField("action", p.action());
            g.writeNumberField("start", p.start());
            g.writeNumberField("length", p.length());
            g.writeStringField("owner", p.owner());
            g.writeStringField("message", p.message());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void writeRead(JsonGenerator g, LoaderRead read) throws IOException {
        g.writeStartObject();
        JsonParts.writeIndexOrNull(g, "section", read.section());
        g.writeStringField("idstr", read.idstr());
        g.writeNumberField("instanceId", read.instanceId());
        g.writeNumberField("versionId", read.version());
        g.writeNumberField("headerOffset", read.headerOffset());
        g.writeNumberField("bodyOffset", read.bodyOffset());
        g.writeNumberField("bytesRead", read.bytesRead());
        g.writeStringField("status", read.status());
        g.writeStringField("message", read.message());
        g.writeArrayFieldStart("values");
        for (LoaderRead.LoadedValue v : read.values()) {
            g.writeStartObject();
            g.writeStringField("name", v.name());
            g.writeNumberField("offset", v.offset());
            g.writeNumberField("length", v.length());
            if (Math.abs(v.value()) <= FieldValues.MAX_EXACT) {
                g.writeNumberField("value", v.value());
            } else {
                g.writeStringField("value", Field.hex(v.value(), 8));
            }
            g.writeNumberField("pastEnd", v.pastEnd());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** Counts per severity and the gravest one: what {@code check} decides on, handy for scripts. */
    private static void writeSummary(JsonGenerator g, Inspection inspection) throws IOException {
        g.writeObjectFieldStart("summary");
        g.writeNumberField("sections", inspection.sections().size());
        Severity max = inspection.highestSeverity();
        g.writeStringField("highestSeverity", max == null ? "ok" : max.json());
        g.writeObjectFieldStart("counts");
        for (Severity s : Severity.values()) {
            g.writeNumberField(s.json(), inspection.count(s));
        }
        g.writeEndObject();
        g.writeEndObject();
    }
}
