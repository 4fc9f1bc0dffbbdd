package org.savevminspector.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.inspect.Inspection;
import org.savevminspector.io.ByteSource;
import org.savevminspector.model.Field;
import org.savevminspector.model.FieldType;
import org.savevminspector.model.Section;
import org.savevminspector.model.SectionType;
import org.savevminspector.model.Span;
import org.savevminspector.stream.ParseResult;

class JsonReportTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode report(Inspection i, byte[] bytes) throws Exception {
        String json = new JsonReport(SampleInspections.TOOL).toJson(i, FileInfo.of("sample.sav", bytes),
                ByteSource.of(bytes));
        return MAPPER.readTree(json);
    }

    @Test
    void topLevelNamesAndFileIdentity() throws Exception {
        JsonNode root = report(SampleInspections.withProblems(), SampleInspections.BYTES);
        List<String> names = new ArrayList<>();
        root.fieldNames().forEachRemaining(names::add);
        assertTrue(names.containsAll(List.of("schemaVersion", "tool", "file", "format", "sections", "eof",
                "diagnostics", "loader")), names.toString());
        assertTrue(root.get("schemaVersion").isInt());
        assertEquals(2, root.get("schemaVersion").intValue());
        assertEquals("savevm-inspector", root.at("/tool/name").textValue());
        assertEquals("9.9.9-test", root.at("/tool/version").textValue());
        assertEquals("sample.sav", root.at("/file/path").textValue());
        assertEquals(62, root.at("/file/size").longValue());
        assertTrue(root.at("/file/size").isIntegralNumber());
        // SHA-256 of the sample bytes, computed independently of FileInfo
        String expected = java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(SampleInspections.BYTES));
        assertEquals(expected, root.at("/file/sha256").textValue());
        assertEquals("qevm-v3", root.get("format").textValue());
        assertEquals(59, root.at("/eof/offset").intValue());
    }

    @Test
    void sectionsCarryHeaderBodyAndStatus() throws Exception {
        JsonNode sections = report(SampleInspections.withProblems(), SampleInspections.BYTES).get("sections");
        assertEquals(2, sections.size());
        JsonNode vga = sections.get(1);
        assertEquals(1, vga.get("index").intValue());
        assertEquals("full", vga.get("type").textValue());
        assertEquals(2, vga.get("sectionId").intValue());
        assertEquals("vga", vga.get("idstr").textValue());
        assertEquals(0, vga.get("instanceId").intValue());
        assertEquals(2, vga.get("versionId").intValue());
        assertEquals(35, vga.get("offset").intValue());
        assertEquals(17, vga.get("headerLength").intValue());
        assertEquals(52, vga.get("bodyOffset").intValue());
        assertEquals(7, vga.get("bodyLength").intValue());
        assertTrue(vga.get("decoded").booleanValue());
        assertEquals("error", vga.get("status").textValue(), "the mismatch error belongs to section 1");
        assertEquals("ok", sections.get(0).get("status").textValue());
        for (String k : List.of("offset", "headerLength", "bodyOffset", "bodyLength", "sectionId")) {
            assertTrue(vga.get(k).isIntegralNumber(), k);
        }
    }

    @Test
    void fieldValuesIntegersHexAndBytes() throws Exception {
        JsonNode sections = report(SampleInspections.withProblems(), SampleInspections.BYTES).get("sections");
        JsonNode ticks = sections.get(0).get("fields").get(0);
        assertEquals("ticks", ticks.get("name").textValue());
        assertEquals("be64", ticks.get("type").textValue());
        assertTrue(ticks.get("value").isTextual(), "0x0123456789ABCDEF does not fit 53 bits");
        assertEquals("0x0123456789ABCDEF", ticks.get("value").textValue());

        JsonNode fields = sections.get(1).get("fields");
        JsonNode mode = fields.get(0);
        assertTrue(mode.get("value").isInt());
        assertEquals(7, mode.get("value").intValue());
        assertEquals(52, mode.get("offset").intValue());
        assertEquals(1, mode.get("length").intValue());
        assertEquals("text mode", mode.get("meaning").textValue());
        assertTrue(mode.get("display").textValue().contains("text mode"));
        JsonNode palette = fields.get(1);
        assertEquals("bytes", palette.get("type").textValue());
        assertEquals("DEADBEEF", palette.get("value").textValue(), "bytes are read from the source by span");
        JsonNode regs = fields.get(2);
        assertTrue(regs.get("value").isNull());
        assertEquals(0x1234, regs.at("/fields/0/value").intValue());
        assertEquals("reg0", regs.at("/fields/0/name").textValue());
    }

    @Test
    void signedAndUnsignedWideValues() throws Exception {
        Inspection i = withFields(List.of(
                Field.scalar("neg", FieldType.SBE32, 27, -5, null),
                Field.scalar("max53", FieldType.BE64, 27, (1L << 53) - 1, null),
                Field.scalar("top", FieldType.BE64, 27, -1L, null)));
        JsonNode f = report(i, SampleInspections.BYTES).at("/sections/0/fields");
        assertTrue(f.get(0).get("value").isIntegralNumber());
        assertEquals(-5, f.get(0).get("value").intValue());
        assertTrue(f.get(1).get("value").isIntegralNumber());
        assertEquals((1L << 53) - 1, f.get(1).get("value").longValue());
        assertEquals("0xFFFFFFFFFFFFFFFF", f.get(2).get("value").textValue(), "unsigned 2^64-1 is hex");
    }

    @Test
    void largeByteArraysAreNotInlined() throws Exception {
        byte[] big = new byte[JsonReport.MAX_INLINE_BYTES + 100];
        Inspection i = withFields(List.of(Field.bytes("vram", 0, big.length),
                Field.bytes("small", 0, 3)));
        JsonNode f = report(i, big).at("/sections/0/fields");
        assertTrue(f.get(0).get("value").isNull());
        assertTrue(f.get(0).get("truncatedValue").booleanValue());
        assertEquals(big.length, f.get(0).get("length").intValue());
        assertEquals("000000", f.get(1).get("value").textValue());
        assertFalse(f.get(1).has("truncatedValue"));
    }

    @Test
    void diagnosticsAndLoader() throws Exception {
        JsonNode root = report(SampleInspections.withProblems(), SampleInspections.BYTES);
        JsonNode d = root.get("diagnostics");
        assertEquals(2, d.size());
        JsonNode first = d.get(0);
        assertEquals("VERSION_LABEL_MISMATCH", first.get("code").textValue());
        assertEquals("error", first.get("severity").textValue());
        assertEquals("Protocol", first.get("group").textValue());
        assertEquals(35, first.get("offset").intValue());
        assertEquals(24, first.get("length").intValue());
        assertEquals(1, first.get("section").intValue());
        assertEquals("The loader reads a v2 body.", first.get("explanation").textValue());
        assertTrue(d.get(1).get("section").isNull(), "file-level diagnostics have section null");
        assertEquals("warn", d.get(1).get("severity").textValue());

        JsonNode loader = root.get("loader");
        assertEquals("upstream", loader.get("profile").textValue());
        assertEquals("failed", loader.get("outcome").textValue());
        assertEquals(-22, loader.get("result").intValue());
        assertEquals(59, loader.get("stoppedAt").intValue());
        assertEquals(0, loader.get("overrunBytes").intValue());
        assertEquals("vga", loader.at("/reads/0/idstr").textValue());
        assertEquals(7, loader.at("/reads/0/bytesRead").intValue());
        assertEquals(0x3C0, loader.at("/ports/0/start").intValue());
        assertEquals("map", loader.at("/ports/0/action").textValue());
        assertEquals("error", root.at("/summary/highestSeverity").textValue());
        assertEquals(1, root.at("/summary/counts/warn").intValue());
    }

    @Test
    void notQevmHasNullLoaderAndEof() throws Exception {
        byte[] text = "hello world\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        JsonNode root = report(SampleInspections.notQevm(text.length), text);
        assertTrue(root.get("loader").isNull());
        assertTrue(root.get("eof").isNull());
        assertEquals("unknown", root.get("format").textValue());
        assertEquals(0, root.get("sections").size());
        assertEquals("BAD_MAGIC", root.at("/diagnostics/0/code").textValue());
    }

    @Test
    void partSectionsHaveNullInstanceAndVersion() throws Exception {
        Section part = new Section(0, SectionType.PART, 7, "ram", -1, -1, Span.of(8, 5), Span.of(13, 0), false,
                -1, List.of(), List.of());
        ParseResult parse = new ParseResult(SampleInspections.BYTES.length, SampleInspections.header(),
                List.of(part), null, null, null, List.of());
        JsonNode s = report(new Inspection(parse, null, List.of()), SampleInspections.BYTES).at("/sections/0");
        assertEquals("part", s.get("type").textValue());
        assertEquals("ram", s.get("idstr").textValue());
        assertTrue(s.get("instanceId").isNull());
        assertTrue(s.get("versionId").isNull());
    }

    @Test
    void outputIsDeterministic() {
        JsonReport r = new JsonReport(SampleInspections.TOOL);
        Inspection i = SampleInspections.withProblems();
        String a = r.toJson(i, SampleInspections.FILE, ByteSource.of(SampleInspections.BYTES));
        String b = r.toJson(i, SampleInspections.FILE, ByteSource.of(SampleInspections.BYTES));
        assertEquals(a, b);
        assertTrue(a.endsWith("}\n"));
        assertTrue(a.indexOf("\"schemaVersion\"") < a.indexOf("\"tool\""), "fixed key order");
    }

    private static Inspection withFields(List<Field> fields) {
        Section s = new Section(0, SectionType.FULL, 1, "x", 0, 1, Span.of(0, 0), Span.of(0, 0), true, 1,
                List.of(), fields);
        List<Diagnostic> none = List.of();
        ParseResult parse = new ParseResult(0, SampleInspections.header(), List.of(s), null, null, null, none);
        return new Inspection(parse, null, none);
    }
}
