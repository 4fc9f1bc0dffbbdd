package org.savevminspector.report;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import org.savevminspector.diff.ContainerDiff;
import org.savevminspector.diff.ContentDiff;
import org.savevminspector.diff.DiffPair;
import org.savevminspector.diff.DiffResult;
import org.savevminspector.diff.DiffStatus;
import org.savevminspector.diff.FieldPair;
import org.savevminspector.diff.FileSummary;
import org.savevminspector.diff.PartPair;
import org.savevminspector.diff.SectionPair;
import org.savevminspector.io.ByteSource;
import org.savevminspector.loader.LoaderReport;
import org.savevminspector.model.Field;
import org.savevminspector.model.Section;

/**
 * The JSON form of a {@link DiffResult} (diff schema version {@value #SCHEMA_VERSION}), a public contract like the
 * inspect JSON's: {@code schemaVersion}, {@code a} and {@code b} (path, size, format), {@code summary} (section
 * counts), {@code sections} (the differing pairs, every pair with {@code all}), then {@code header}, {@code eof},
 * {@code trailing} and {@code unparsed} (the stream's other parts, {@code null} when neither file has one),
 * {@code container} (save images; {@code null} for two bare streams) and {@code loader}. Offsets are absolute
 * in each file; a field {@code value} follows the inspect JSON's rules ({@link JsonReport#writeValue}).
 */
public final class DiffJson {
    public static final int SCHEMA_VERSION = 1;

    private DiffJson() {
    }

    public static String of(DiffResult r, ByteSource a, ByteSource b, boolean all) {
        return JsonParts.asString(out -> write(r, a, b, all, out));
    }

    /**
     * Writes the report and a final newline; {@code out} is flushed, not closed.
     *
     * @param a the first file's bytes (read for the value of byte-array fields)
     * @param b the second file's
     */
    public static void write(DiffResult r, ByteSource a, ByteSource b, boolean all, Writer out) throws IOException {
        try (JsonGenerator g = JsonParts.generator(out)) {
            g.writeStartObject();
            g.writeNumberField("schemaVersion", SCHEMA_VERSION);
            writeFile(g, "a", r.a());
            writeFile(g, "b", r.b());
            g.writeObjectFieldStart("summary");
            for (DiffStatus s : DiffStatus.values()) {
                g.writeNumberField(s.json(), r.count(s));
            }
            g.writeEndObject();
            g.writeArrayFieldStart("sections");
            for (SectionPair p : r.sections()) {
                if (all || p.status().isDifference()) {
                    writeSection(g, p, a, b);
                }
            }
            g.writeEndArray();
            writePart(g, PartPair.Part.FILE_HEADER, r.header(), a, b);
            writePart(g, PartPair.Part.EOF, r.eof(), a, b);
            writePart(g, PartPair.Part.TRAILING, r.trailing(), a, b);
            writePart(g, PartPair.Part.UNPARSED, r.unparsed(), a, b);
            writeContainer(g, r.container());
            g.writeObjectFieldStart("loader");
            writeLoader(g, "a", r.loader().a());
            writeLoader(g, "b", r.loader().b());
            g.writeEndObject();
            g.writeEndObject();
        }
        out.write('\n');
        out.flush();
    }

    private static void writeFile(JsonGenerator g, String name, FileSummary f) throws IOException {
        g.writeObjectFieldStart(name);
        g.writeStringField("path", f.path());
        g.writeNumberField("size", f.size());
        g.writeStringField("format", f.format());
        g.writeEndObject();
    }

    private static void writeSection(JsonGenerator g, SectionPair p, ByteSource a, ByteSource b) throws IOException {
        g.writeStartObject();
        g.writeStringField("idstr", p.idstr());
        JsonParts.writeIndexOrNull(g, "instanceId", p.instanceId());
        g.writeStringField("status", p.status().json());
        writeSide(g, "a", p.a());
        writeSide(g, "b", p.b());
        writeFields(g, p, a, b);
        g.writeEndObject();
    }

    private static void writeSide(JsonGenerator g, String name, Section s) throws IOException {
        if (s == null) {
            g.writeNullField(name);
            return;
        }
        g.writeObjectFieldStart(name);
        g.writeNumberField("index", s.index());
        g.writeNumberField("offset", s.header().offset());
        JsonParts.writeIndexOrNull(g, "versionId", s.versionId());
        JsonParts.writeIndexOrNull(g, "shapeVersion", s.shapeVersion());
        g.writeNumberField("bodyLength", s.body().length());
        g.writeEndObject();
    }

    private static void writeFields(JsonGenerator g, DiffPair p, ByteSource a, ByteSource b)
            throws IOException {
        g.writeArrayFieldStart("fields");
        for (FieldPair f : p.fields()) {
            g.writeStartObject();
            g.writeStringField("path", f.path());
            g.writeStringField("status", f.status().json());
            writeField(g, "a", f.a(), a);
            writeField(g, "b", f.b(), b);
            if (f.content() != null) {
                writeContent(g, f.content());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void writeField(JsonGenerator g, String name, Field f, ByteSource src) throws IOException {
        if (f == null) {
            g.writeNullField(name);
            return;
        }
        g.writeObjectFieldStart(name);
        g.writeNumberField("offset", f.span().offset());
        g.writeNumberField("length", f.span().length());
        JsonReport.writeValue(g, f, src);
        g.writeStringField("display", f.display());
        g.writeEndObject();
    }

    /** {@code {"lengthA","lengthB","differingBytes","rangeCount","ranges":[{"offset","length"}]}}, offsets relative. */
    private static void writeContent(JsonGenerator g, ContentDiff c) throws IOException {
        g.writeObjectFieldStart("content");
        g.writeNumberField("lengthA", c.lengthA());
        g.writeNumberField("lengthB", c.lengthB());
        g.writeNumberField("differingBytes", c.differingBytes());
        g.writeNumberField("rangeCount", c.rangeCount());
        g.writeArrayFieldStart("ranges");
        for (ContentDiff.Range r : c.ranges()) {
            g.writeStartObject();
            g.writeNumberField("offset", r.offset());
            g.writeNumberField("length", r.length());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** {@code {"status","a":{"offset","length"}|null,"b":…,"fields":[…]}} plus {@code content} for byte runs. */
    private static void writePart(JsonGenerator g, PartPair.Part part, PartPair p, ByteSource a, ByteSource b)
            throws IOException {
        if (p == null) {
            g.writeNullField(part.json());
            return;
        }
        g.writeObjectFieldStart(part.json());
        g.writeStringField("status", p.status().json());
        JsonReport.writeSpanOrNull(g, "a", p.spanA(), true);
        JsonReport.writeSpanOrNull(g, "b", p.spanB(), true);
        writeFields(g, p, a, b);
        if (p.content() != null) {
            writeContent(g, p.content());
        }
        g.writeEndObject();
    }

    private static void writeContainer(JsonGenerator g, ContainerDiff c) throws IOException {
        if (c == null) {
            g.writeNullField("container");
            return;
        }
        g.writeObjectFieldStart("container");
        g.writeStringField("status", c.status().json());
        g.writeArrayFieldStart("facts");
        for (ContainerDiff.Fact f : c.facts()) {
            g.writeStartObject();
            g.writeStringField("name", f.name());
            g.writeStringField("status", f.status().json());
            writeFact(g, "a", f.a());
            writeFact(g, "b", f.b());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void writeFact(JsonGenerator g, String name, Object v) throws IOException {
        if (v instanceof Long n) {
            g.writeNumberField(name, n);
        } else if (v == null) {
            g.writeNullField(name);
        } else {
            g.writeStringField(name, v.toString());
        }
    }

    private static void writeLoader(JsonGenerator g, String name, LoaderReport r) throws IOException {
        if (r == null) {
            g.writeNullField(name);
            return;
        }
        g.writeObjectFieldStart(name);
        g.writeStringField("profile", r.profile());
        g.writeStringField("outcome", r.outcome().json());
        g.writeStringField("verdict", r.verdict().word());
        g.writeEndObject();
    }
}
