package org.savevminspector.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.savevminspector.fixtures.Fixtures;
import org.savevminspector.fixtures.SaveImageWriter;
import org.savevminspector.fixtures.VhdWriter;
import org.savevminspector.io.compress.Compression;

/**
 * {@code check DIR --recursive} over a generated tree of a few hundred files of mixed kinds — bare streams good and
 * bad, xl-v2 images, gzip- and zstd-compressed streams, fixed and dynamic VHDs holding images, text files, empty
 * files, and links to nothing (unreadable) — in nested directories: one result per file in name order, the JSON
 * lines field by field, the summary's counts, and the exit code.
 */
class CheckFleetTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final byte[] GOOD = Fixtures.defaultGuest().bytes();
    private static final byte[] XS62 = Fixtures.sample();
    private static final byte[] IMAGE = SaveImageWriter.image(SaveImageWriter.Kind.XL_V2, GOOD, 4);

    @TempDir
    Path dir;

    /** Expected status of every regular file and link, by path (sorted as the tree is walked). */
    private final Map<String, String> expected = new TreeMap<>();

    private static byte[] compress(Compression c, byte[] b) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream o = c.encoder(out)) {
            o.write(b);
        }
        return out.toByteArray();
    }

    private void put(String name, byte[] bytes, String status) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.write(p, bytes);
        expected.put(p.toString(), status);
    }

    @BeforeEach
    void tree() throws IOException {
        byte[] gz = compress(Compression.GZIP, XS62);
        byte[] zst = compress(Compression.ZSTD, GOOD);
        long disk = (IMAGE.length + 511) / 512 * 512;
        byte[] fixed = new VhdWriter(disk).put(0, IMAGE).fixed();
        byte[] dynamic = new VhdWriter(1 << 20).blockSize(64 << 10).put(0, IMAGE).dynamic();
        for (int host = 0; host < 12; host++) {
            String h = String.format("host%02d/", host);
            for (int vm = 0; vm < 4; vm++) {
                String v = h + String.format("vm%d/", vm);
                put(v + "a-good.qevm", GOOD, "ok");
                put(v + "b-xs62.qevm", XS62, "fail");
                put(v + "c-guest.xl", IMAGE, "ok");
                put(v + "d-xs62.gz", gz, "fail");
                put(v + "e-good.bin", zst, "ok");
            }
            put(h + "f-fixed.vhd", fixed, "ok");
            put(h + "g-dynamic.vhd", dynamic, "ok");
            put(h + "notes.txt", "suspended after the 8.2 upgrade\n".getBytes(StandardCharsets.UTF_8), "skipped");
            put(h + "zz-empty", new byte[0], "skipped");
            Path gone = dir.resolve(h + "lost.qevm");
            Files.createSymbolicLink(gone, dir.resolve(h + "nowhere"));
            expected.put(gone.toString(), "error");
        }
        Files.writeString(dir.resolve("README"), "fleet of suspended guests\n");
        expected.put(dir.resolve("README").toString(), "skipped");
    }

    @Test
    void jsonLinesOnePerFileInOrderThenTheSummary() throws IOException {
        CliRun r = CliRun.of("check", dir.toString(), "--recursive", "--jobs", "2", "--format", "jsonl");
        List<String> lines = r.out().lines().toList();
        assertEquals(expected.size() + 1, lines.size(), r.toString());
        assertEquals(301, expected.size());
        List<String> paths = new ArrayList<>();
        for (String line : lines.subList(0, lines.size() - 1)) {
            JsonNode j = MAPPER.readTree(line);
            paths.add(j.get("path").textValue());
            assertEquals(expected.get(j.get("path").textValue()), j.get("status").textValue(), line);
        }
        assertEquals(new ArrayList<>(expected.keySet()), paths, "input order: names sorted, depth first");

        JsonNode good = MAPPER.readTree(lines.get(5));
        assertEquals(dir.resolve("host00/vm0/a-good.qevm").toString(), good.get("path").textValue());
        assertEquals("{\"status\":\"ok\",\"format\":\"qevm-v3\",\"container\":\"raw\",\"compression\":null,"
                + "\"disk\":null,\"errors\":0,\"warnings\":0,\"first\":null,\"loader\":{\"profile\":\"upstream\","
                + "\"outcome\":\"loaded\",\"verdict\":\"OK\"},\"message\":null}", withoutPath(lines.get(5)));
        JsonNode gz = MAPPER.readTree(lines.get(8));
        assertEquals(dir.resolve("host00/vm0/d-xs62.gz").toString(), gz.get("path").textValue());
        assertEquals("fail", gz.get("status").textValue());
        assertEquals("gzip", gz.get("compression").textValue());
        assertEquals(3, gz.get("errors").intValue());
        assertEquals(1, gz.get("warnings").intValue());
        assertEquals("VERSION_LABEL_MISMATCH", gz.at("/first/code").textValue());
        assertEquals(7230, gz.at("/first/offset").longValue());
        assertEquals("aborted", gz.at("/loader/outcome").textValue());
        JsonNode vhd = MAPPER.readTree(lines.get(2));
        assertEquals(dir.resolve("host00/g-dynamic.vhd").toString(), vhd.get("path").textValue());
        assertEquals("vhd", vhd.get("disk").textValue());
        assertEquals("xl-v2", vhd.get("container").textValue());
        JsonNode lost = MAPPER.readTree(lines.get(3));
        assertEquals(dir.resolve("host00/lost.qevm").toString(), lost.get("path").textValue());
        assertEquals("error", lost.get("status").textValue());
        assertEquals("cannot read " + dir.resolve("host00/lost.qevm") + ": no such file",
                lost.get("message").textValue());
        JsonNode txt = MAPPER.readTree(lines.get(4));
        assertEquals("skipped", txt.get("status").textValue());
        assertEquals("no save-file signature", txt.get("message").textValue());

        JsonNode summary = MAPPER.readTree(lines.get(lines.size() - 1)).get("summary");
        assertEquals(301, summary.get("files").intValue());
        assertEquals(12 * (4 * 3 + 2) + 0, summary.get("ok").intValue());
        assertEquals(12 * 4 * 2, summary.get("fail").intValue());
        assertEquals(12 * 2 + 1, summary.get("skipped").intValue());
        assertEquals(12, summary.get("unreadable").intValue());
        assertTrue(summary.get("seconds").doubleValue() > 0);
        assertEquals(2, r.exit(), "a file that cannot be read outweighs the failures");
        assertEquals("", r.err());
    }

    @Test
    void textLinesAndASummary() {
        CliRun r = CliRun.of("check", dir.resolve("host03").toString(), "-r", "-j", "3");
        List<String> lines = r.out().lines().toList();
        assertEquals(4 * 5 + 5 + 1, lines.size(), r.toString());
        String vm0 = dir.resolve("host03/vm0/").toString();
        assertEquals(dir.resolve("host03/f-fixed.vhd") + ": ok (vhd fixed, qevm-v3, 24 sections, 0 errors, 1 warning, "
                + "0 notes)", lines.get(0));
        assertTrue(lines.get(1).startsWith(dir.resolve("host03/g-dynamic.vhd") + ": ok (vhd dynamic, qevm-v3, "),
                lines.get(1));
        assertEquals(dir.resolve("host03/lost.qevm") + ": ERROR cannot read " + dir.resolve("host03/lost.qevm")
                + ": no such file", lines.get(2));
        assertEquals(dir.resolve("host03/notes.txt") + ": skipped (no save-file signature)", lines.get(3));
        assertTrue(lines.get(4).startsWith(vm0 + "/a-good.qevm: ok (qevm-v3, 24 sections, "), lines.get(4));
        assertTrue(lines.get(7).startsWith(vm0 + "/d-xs62.gz: FAIL (gzip, qevm-v3, 24 sections, 3 errors, "
                + "1 warning, 2 notes) first: error VERSION_LABEL_MISMATCH at 7230 (0x1C3E) +4"), lines.get(7));
        assertEquals(dir.resolve("host03/zz-empty") + ": skipped (empty)", lines.get(24));
        assertTrue(lines.get(25).matches("Checked 25 files in \\d+\\.\\d s: 14 ok, 8 with errors, 2 skipped, "
                + "1 unreadable"), lines.get(25));
        assertEquals(2, r.exit());
    }

    @Test
    void aJsonDocumentHoldsTheFilesAndTheSummary() {
        CliRun r = CliRun.of("check", dir.resolve("host05/vm2").toString(), "--recursive", "--format", "json");
        JsonNode j = r.json();
        assertEquals(5, j.get("files").size());
        assertEquals("fail", j.at("/files/1/status").textValue());
        assertEquals(5, j.at("/summary/files").intValue());
        assertEquals(3, j.at("/summary/ok").intValue());
        assertEquals(2, j.at("/summary/fail").intValue());
        assertEquals(1, r.exit());
    }

    @Test
    void namedFilesAreNeverSkippedAndAllLoadersIsRefusedForAFleet() throws IOException {
        Path txt = dir.resolve("host00/notes.txt");
        CliRun r = CliRun.of("check", txt.toString());
        assertTrue(r.out().startsWith(txt + ": FAIL (unknown, 0 sections, 2 errors"), r.toString());
        CliRun refused = CliRun.of("check", dir.toString(), "-r", "--all-loaders");
        assertEquals(2, refused.exit());
        assertTrue(refused.err().startsWith("savevm-inspector: --all-loaders keeps a row per file in memory and "
                + "cannot be used with --recursive"), refused.toString());
    }

    private static String withoutPath(String line) throws IOException {
        JsonNode j = MAPPER.readTree(line);
        ((com.fasterxml.jackson.databind.node.ObjectNode) j).remove("path");
        return MAPPER.writeValueAsString(j);
    }
}
