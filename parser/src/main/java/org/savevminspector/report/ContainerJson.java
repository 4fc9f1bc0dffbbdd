package org.savevminspector.report;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import org.savevminspector.container.ContainerIndex;
import org.savevminspector.container.ContainerRecord;
import org.savevminspector.container.LengthField;
import org.savevminspector.container.PageRun;
import org.savevminspector.io.ByteSource;
import org.savevminspector.model.Field;
import org.savevminspector.model.FieldType;
import org.savevminspector.model.Hex;

/**
 * The {@code "container"} object of the JSON report: the save image around the QEVM stream. Offsets are absolute
 * JSON integers; record fields are written as in {@code sections[].fields}, except that byte runs longer than
 * {@value #MAX_INLINE} bytes (configs, HVM contexts) are {@code "value":null} with {@code "truncatedValue":true}.
 */
final class ContainerJson {
    static final int MAX_INLINE = 256;

    private ContainerJson() {
    }

    static void write(JsonGenerator g, ContainerIndex c, ByteSource src) throws IOException {
        g.writeObjectFieldStart("container");
        if (c.kind() == null) {
            g.writeNullField("kind");
        } else {
            g.writeStringField("kind", c.kind().json());
        }
        g.writeArrayFieldStart("records");
        for (ContainerRecord r : c.records()) {
            writeRecord(g, r, src);
        }
        g.writeEndArray();
        if (c.qevm() == null) {
            g.writeNullField("qevm");
        } else {
            g.writeObjectFieldStart("qevm");
            g.writeNumberField("offset", c.qevm().offset());
            g.writeNumberField("length", c.qevm().length());
            g.writeEndObject();
        }
        g.writeArrayFieldStart("lengthFields");
        for (LengthField f : c.lengthFields()) {
            g.writeStartObject();
            g.writeStringField("name", f.name());
            g.writeNumberField("offset", f.offset());
            g.writeNumberField("width", f.width());
            g.writeStringField("byteOrder", f.bigEndian() ? "big" : "little");
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("embedded");
        for (long at : c.embedded()) {
            g.writeNumber(at);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void writeRecord(JsonGenerator g, ContainerRecord r, ByteSource src) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", r.type());
        g.writeStringField("name", r.name());
        g.writeNumberField("offset", r.span().offset());
        g.writeNumberField("length", r.span().length());
        g.writeArrayFieldStart("fields");
        for (Field f : r.fields()) {
            writeField(g, f, src);
        }
        g.writeEndArray();
        PageRun p = r.pages();
        if (p != null) {
            g.writeObjectFieldStart("pages");
            g.writeNumberField("batches", p.batches());
            g.writeNumberField("entries", p.entries());
            g.writeNumberField("withData", p.pagesWithData());
            if (p.pfnsRead()) {
                g.writeNumberField("minPfn", p.minPfn());
                g.writeNumberField("maxPfn", p.maxPfn());
            } else {
                // the pfn arrays were not read (inspect without --pfn-arrays): the range is unknown, not empty
                g.writeNullField("minPfn");
                g.writeNullField("maxPfn");
            }
            g.writeNumberField("payloadBytes", p.payloadBytes());
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void writeField(JsonGenerator g, Field f, ByteSource src) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", f.name());
        g.writeStringField("type", f.type().label());
        g.writeNumberField("offset", f.span().offset());
        g.writeNumberField("length", f.span().length());
        if (f.type().isScalar()) {
            if (FieldValues.fitsJsonInteger(f)) {
                g.writeNumberField("value", f.value());
            } else {
                g.writeStringField("value", FieldValues.hex(f));
            }
        } else if (f.type() == FieldType.ASCII) {
            g.writeStringField("value", f.text());
        } else if (f.span().length() <= MAX_INLINE) {
            g.writeStringField("value", Hex.run(src.bytes(f.span().offset(), (int) f.span().length())));
        } else {
            g.writeNullField("value");
            g.writeBooleanField("truncatedValue", true);
        }
        g.writeStringField("display", f.display());
        String meaning = f.meaningText();
        if (meaning != null) {
            g.writeStringField("meaning", meaning);
        }
        g.writeEndObject();
    }
}
