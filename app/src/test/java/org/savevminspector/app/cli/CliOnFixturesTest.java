package org.savevminspector.app.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.savevminspector.app.common.AppVersion;
import org.savevminspector.fixtures.Fixtures;
import org.savevminspector.fixtures.SectionRecord;
import org.savevminspector.fixtures.Stream;

/** The three commands on real fixture files (FORMAT.md E.1 default guest, the FORMAT.md C piix4acpi case). */
class CliOnFixturesTest {
    @TempDir
    Path dir;

    private Path write(String name, byte[] bytes) throws Exception {
        return Files.write(dir.resolve(name), bytes);
    }

    // ------------------------------------------------------------------ inspect

    @Test
    void inspectJsonMatchesWhereTheWriterPutEverySection() throws Exception {
        Stream guest = Fixtures.defaultGuest();
        Path f = write("default.sav", guest.bytes());
        CliRun r = CliRun.of("inspect", f.toString(), "--format", "json");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("", r.err());
        JsonNode root = r.json();
        assertEquals(2, root.get("schemaVersion").intValue());
        assertEquals("savevm-inspector", root.at("/tool/name").textValue());
        assertEquals(AppVersion.version(), root.at("/tool/version").textValue());
        assertEquals(f.toString(), root.at("/file/path").textValue());
        assertEquals(guest.length(), root.at("/file/size").intValue());
        String sha = HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(guest.bytes()));
        assertEquals(sha, root.at("/file/sha256").textValue());
        assertEquals("qevm-v3", root.get("format").textValue());
        assertTrue(root.has("loader"), "loader is a mandatory key (null or an object)");

        List<SectionRecord> written = guest.sections().stream()
                .filter(w -> w.kind() != SectionRecord.Kind.EOF).toList();
        JsonNode sections = root.get("sections");
        assertEquals(written.size(), sections.size());
        String startIdstr = null;
        for (int i = 0; i < written.size(); i++) {
            SectionRecord w = written.get(i);
            JsonNode s = sections.get(i);
            assertEquals(i, s.get("index").intValue());
            assertEquals(w.kind().name().toLowerCase(java.util.Locale.ROOT), s.get("type").textValue());
            if (w.kind() == SectionRecord.Kind.START) {
                startIdstr = w.idstr();
            }
            boolean live = w.kind() == SectionRecord.Kind.PART || w.kind() == SectionRecord.Kind.END;
            // PART/END carry no idstr on the wire: JSON gives that of their START, and no instance/version
            assertEquals(live ? startIdstr : w.idstr(), s.get("idstr").textValue());
            assertEquals(w.sectionId(), s.get("sectionId").longValue());
            if (live) {
                assertTrue(s.get("instanceId").isNull() && s.get("versionId").isNull(), s.toString());
            } else {
                assertEquals(w.instance(), s.get("instanceId").longValue());
                assertEquals(w.version(), s.get("versionId").longValue());
            }
            assertEquals(w.headerOffset(), s.get("offset").intValue());
            assertEquals(w.headerLength(), s.get("headerLength").intValue());
            assertEquals(w.bodyOffset(), s.get("bodyOffset").intValue());
            assertEquals(w.bodyLength(), s.get("bodyLength").intValue());
            for (String k : List.of("offset", "headerLength", "bodyOffset", "bodyLength")) {
                assertTrue(s.get(k).isIntegralNumber(), k + " must be a JSON integer");
            }
            assertTrue(s.get("decoded").isBoolean());
            assertTrue(List.of("ok", "note", "warn", "error", "info").contains(s.get("status").textValue()));
            assertFieldsWellFormed(s.get("fields"), w.bodyOffset(), w.endOffset());
        }
        assertEquals(guest.length() - 1, root.at("/eof/offset").intValue());
    }

    /** Every field: mandatory names, integer offsets inside the body, integer or hex-string values. */
    private static void assertFieldsWellFormed(JsonNode fields, int bodyStart, int bodyEnd) {
        for (JsonNode f : fields) {
            for (String k : List.of("name", "type", "offset", "length", "value", "display")) {
                assertTrue(f.has(k), k + " missing in " + f);
            }
            assertTrue(f.get("offset").isIntegralNumber() && f.get("length").isIntegralNumber(), f.toString());
            long off = f.get("offset").longValue();
            assertTrue(off >= bodyStart && off + f.get("length").longValue() <= bodyEnd, f.toString());
            JsonNode v = f.get("value");
            long length = f.get("length").longValue();
            // the type says what the value is: a number (or the raw bits as hex past 2^53), text, bytes, nothing
            switch (f.get("type").textValue()) {
                case "struct", "array" -> assertTrue(v.isNull(), f.toString());
                case "ascii" -> assertTrue(v.isTextual(), f.toString());
                case "bytes" -> assertTrue(v.isTextual() && v.textValue().length() == 2 * length
                        || f.path("truncatedValue").asBoolean() && (v.isNull() || v.isTextual()), f.toString());
                default -> assertTrue(v.isIntegralNumber() && Math.abs(v.longValue()) < (1L << 53)
                        || v.isTextual() && v.textValue().matches("0x[0-9A-F]{" + 2 * length + "}"), f.toString());
            }
            if (f.has("fields")) {
                assertFieldsWellFormed(f.get("fields"), bodyStart, bodyEnd);
            }
        }
    }

    @Test
    void inspectTextHasOneLinePerSection() throws Exception {
        Stream guest = Fixtures.defaultGuest();
        CliRun r = CliRun.of("inspect", write("default.sav", guest.bytes()).toString());
        assertEquals(0, r.exit(), r.toString());
        for (SectionRecord w : guest.fullSections()) {
            String prefix = String.format("  %10d  0x%04X ", w.headerOffset(), w.headerOffset());
            long lines = r.out().lines().filter(l -> l.contains(prefix)).count();
            assertEquals(1, lines, "one line for " + w + "\n" + r.out());
            assertTrue(r.out().contains("\"" + w.idstr() + "\""), w.idstr());
        }
    }

    @Test
    void inspectFindsThePiix4acpiProblemWithItsOffset() throws Exception {
        Stream bad = Fixtures.piix4acpiCase();
        SectionRecord acpi = bad.section("piix4acpi");
        Path f = write("xs62.sav", bad.bytes());
        CliRun json = CliRun.of("inspect", "--format", "json", f.toString());
        assertEquals(0, json.exit(), "a report was produced: exit 0 whatever it says");
        JsonNode mismatch = null;
        for (JsonNode d : json.json().get("diagnostics")) {
            if (d.get("code").textValue().equals("VERSION_LABEL_MISMATCH")) {
                mismatch = d;
            }
        }
        assertTrue(mismatch != null, json.out());
        assertEquals("error", mismatch.get("severity").textValue());
        int index = mismatch.get("section").intValue();
        JsonNode section = json.json().get("sections").get(index);
        assertEquals("piix4acpi", section.get("idstr").textValue());
        assertEquals(acpi.headerOffset(), section.get("offset").intValue());
        assertEquals("error", section.get("status").textValue());

        CliRun sarif = CliRun.of("inspect", "--format", "sarif", f.toString());
        assertEquals(0, sarif.exit());
        JsonNode run = sarif.json().at("/runs/0");
        boolean found = false;
        for (JsonNode res : run.get("results")) {
            if (res.get("ruleId").textValue().equals("VERSION_LABEL_MISMATCH")) {
                found = true;
                assertEquals("error", res.get("level").textValue());
                JsonNode region = res.at("/locations/0/physicalLocation/region");
                assertEquals(mismatch.get("offset").longValue(), region.get("byteOffset").longValue());
                assertEquals(mismatch.get("length").longValue(), region.get("byteLength").longValue());
            }
        }
        assertTrue(found, sarif.out());
    }

    @Test
    void fourMibVramIsNotInlinedInJson() throws Exception {
        Path f = write("vram.sav", Fixtures.cirrusWithVram().bytes());
        CliRun r = CliRun.of("inspect", "--format", "json", f.toString());
        assertEquals(0, r.exit(), r.err());
        List<JsonNode> big = new java.util.ArrayList<>();
        collectLargeFields(r.json().get("sections"), big);
        assertFalse(big.isEmpty(), "the VRAM dump is a field longer than 64 KiB");
        for (JsonNode f2 : big) {
            if (f2.get("type").textValue().equals("bytes")) {
                assertTrue(f2.get("value").isNull(), f2.toString());
                assertTrue(f2.get("truncatedValue").booleanValue(), f2.toString());
            }
        }
        assertTrue(r.out().length() < 1_000_000, "the report stays small: " + r.out().length() + " chars");
    }

    private static void collectLargeFields(JsonNode node, List<JsonNode> out) {
        if (node.isArray()) {
            node.forEach(n -> collectLargeFields(n, out));
        } else if (node.isObject()) {
            if (node.has("name") && node.has("length") && node.get("length").longValue() > 65536) {
                out.add(node);
            }
            node.fields().forEachRemaining(e -> collectLargeFields(e.getValue(), out));
        }
    }

    // ------------------------------------------------------------------ check

    @Test
    void checkExitCodes() throws Exception {
        Path good = write("default.sav", Fixtures.defaultGuest().bytes());
        Path bad = write("xs62.sav", Fixtures.piix4acpiCase().bytes());
        CliRun clean = CliRun.of("check", good.toString());
        assertEquals(0, clean.exit(), clean.toString());
        assertTrue(clean.out().startsWith(good + ": ok"), clean.out());

        CliRun both = CliRun.of("check", good.toString(), bad.toString());
        assertEquals(1, both.exit(), both.toString());
        List<String> lines = both.out().lines().toList();
        assertEquals(2, lines.size(), both.out());
        assertTrue(lines.get(0).startsWith(good + ": ok"));
        assertTrue(lines.get(1).startsWith(bad + ": FAIL"));
        assertTrue(lines.get(1).contains("at "), "the first failing diagnostic has its offset");
    }

    @Test
    void checkThresholdOnAWarningOnlyFile() throws Exception {
        Path trailing = write("trailing.sav", Fixtures.trailingBytes());
        CliRun atError = CliRun.of("check", trailing.toString());
        CliRun atWarn = CliRun.of("check", "--fail-on", "warn", trailing.toString());
        assertEquals(0, atError.exit(), atError.toString());
        assertEquals(1, atWarn.exit(), atWarn.toString());
        assertTrue(atWarn.out().contains("TRAILING_BYTES"), atWarn.out());
    }

    // ------------------------------------------------------------------ repair

    @Test
    void relabelWritesTheExpectedBytesAndListsTheEdit() throws Exception {
        Stream bad = Fixtures.piix4acpiCase();
        Path in = write("xs62.sav", bad.bytes());
        Path out = dir.resolve("fixed.sav");
        CliRun r = CliRun.of("repair", in.toString(), "-o", out.toString());
        assertEquals(0, r.exit(), r.toString());
        assertArrayEquals(Fixtures.piix4acpiRelabelled(), Files.readAllBytes(out));
        assertArrayEquals(bad.bytes(), Files.readAllBytes(in), "the input is never modified");
        int versionOffset = bad.section("piix4acpi").bodyOffset() - 4;
        assertTrue(r.out().contains(String.format("at %d (0x%04X): [00 00 00 02] -> [00 00 00 01]", versionOffset,
                versionOffset)), r.out());
        assertTrue(r.out().contains("Fixed: ") && r.out().contains("VERSION_LABEL_MISMATCH"), r.out());
        assertTrue(r.out().contains("Result: written to " + out), r.out());
        assertEquals(0, CliRun.of("check", out.toString()).exit(), "the repaired copy passes the check");
    }

    @Test
    void upgradeWithJsonOutput() throws Exception {
        Path in = write("xs62.sav", Fixtures.piix4acpiCase().bytes());
        Path out = dir.resolve("upgraded.sav");
        CliRun r = CliRun.of("repair", in.toString(), "-o", out.toString(), "--strategy", "upgrade",
                "--format", "json");
        assertEquals(0, r.exit(), r.toString());
        assertArrayEquals(Fixtures.piix4acpiUpgraded(), Files.readAllBytes(out));
        JsonNode root = r.json();
        assertEquals("written", root.get("status").textValue());
        assertEquals("upgrade", root.get("strategy").textValue());
        assertEquals(Fixtures.piix4acpiUpgraded().length, root.get("resultSize").intValue());
        JsonNode edit = root.at("/edits/0");
        assertTrue(edit.get("offset").isIntegralNumber());
        assertEquals(7512, edit.get("offset").intValue(), "after pm1_control, where the EOF marker was");
        assertEquals("", edit.get("before").textValue());
        assertEquals("00001F40", edit.get("after").textValue());
        assertEquals(4, edit.get("delta").intValue());
        assertEquals(3, root.get("fixed").size(), "the mismatch, the abort and the overrun");
        assertEquals(0, root.get("introduced").size());
    }

    @Test
    void trimTrailingOnTheBundledSample() throws Exception {
        Path in = write("sample.sav", Fixtures.sample());
        Path out = dir.resolve("sample-fixed.sav");
        CliRun r = CliRun.of("repair", in.toString(), "-o", out.toString(), "--trim-trailing");
        assertEquals(0, r.exit(), r.toString());
        assertArrayEquals(Fixtures.piix4acpiRelabelled(), Files.readAllBytes(out));
    }

    @Test
    void refusesToWriteOntoTheInput() throws Exception {
        byte[] bytes = Fixtures.piix4acpiCase().bytes();
        Path in = write("xs62.sav", bytes);
        CliRun r = CliRun.of("repair", in.toString(), "-o", in.toString(), "--force");
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.oneErrorLine(), r.toString());
        assertTrue(r.err().startsWith("savevm-inspector: repair refused: "), r.err());
        assertTrue(r.err().contains("input"), r.err());
        assertTrue(r.out().contains("Result: refused: "), r.out());
        assertArrayEquals(bytes, Files.readAllBytes(in));
    }

    @Test
    void refusesAnExistingOutputUnlessForced() throws Exception {
        Path in = write("xs62.sav", Fixtures.piix4acpiCase().bytes());
        Path out = write("exists.sav", new byte[] {42});
        CliRun refused = CliRun.of("repair", in.toString(), "-o", out.toString(), "--format", "json");
        assertEquals(1, refused.exit(), refused.toString());
        assertEquals("refused", refused.json().get("status").textValue());
        assertTrue(refused.json().get("reason").textValue().contains("--force"), refused.out());
        assertArrayEquals(new byte[] {42}, Files.readAllBytes(out));

        CliRun forced = CliRun.of("repair", in.toString(), "-o", out.toString(), "--force");
        assertEquals(0, forced.exit(), forced.toString());
        assertArrayEquals(Fixtures.piix4acpiRelabelled(), Files.readAllBytes(out));
    }

    @Test
    void nothingToRepairWritesNothing() throws Exception {
        Path in = write("default.sav", Fixtures.defaultGuest().bytes());
        Path out = dir.resolve("never.sav");
        CliRun r = CliRun.of("repair", in.toString(), "-o", out.toString());
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("nothing to repair"), r.out());
        assertFalse(Files.exists(out));
        CliRun json = CliRun.of("repair", in.toString(), "-o", out.toString(), "--format", "json");
        assertEquals("nothing-to-repair", json.json().get("status").textValue());
        assertEquals(0, json.json().get("edits").size());
        assertFalse(Files.exists(out));
    }

    @Test
    void cannotWriteIntoAMissingDirectoryIsExitTwo() throws Exception {
        Path in = write("xs62.sav", Fixtures.piix4acpiCase().bytes());
        Path out = dir.resolve("no/such/dir/out.sav");
        CliRun r = CliRun.of("repair", in.toString(), "-o", out.toString());
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.oneErrorLine(), r.toString());
        assertTrue(r.err().contains("cannot write " + out), r.err());
    }
}
