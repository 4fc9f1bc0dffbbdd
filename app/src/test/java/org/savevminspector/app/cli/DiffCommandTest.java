package org.savevminspector.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.savevminspector.fixtures.Edit;
import org.savevminspector.fixtures.Fixtures;
import org.savevminspector.fixtures.SaveImageWriter;
import org.savevminspector.fixtures.SaveImageWriter.Kind;
import org.savevminspector.fixtures.Stream;

/** {@code diff A B}: reports and exit codes as diff(1) — 0 no differences, 1 differences, 2 trouble. */
class DiffCommandTest {
    @TempDir
    Path dir;

    private Path file(String name, byte[] bytes) throws Exception {
        return Files.write(dir.resolve(name), bytes);
    }

    @Test
    void identicalFilesExitZero() throws Exception {
        Path a = file("a.qevm", Fixtures.defaultGuest().bytes());
        Path b = file("b.qevm", Fixtures.defaultGuest().bytes());
        CliRun r = CliRun.of("diff", a.toString(), b.toString());
        assertEquals(0, r.exit(), r.toString());
        assertEquals("a: " + a + " (7525 bytes, qevm-v3, 24 sections)\n"
                + "b: " + b + " (7525 bytes, qevm-v3, 24 sections)\n"
                + "Sections: 24 same, 0 changed, 0 only in a, 0 only in b\n", r.out());
        assertEquals("", r.err());
    }

    @Test
    void aRelabelledCopyExitsOneAndNamesTheField() throws Exception {
        Path a = file("xs62.qevm", Fixtures.piix4acpiCase().bytes());
        Path b = file("fixed.qevm", Fixtures.piix4acpiRelabelled());
        CliRun r = CliRun.of("diff", a.toString(), b.toString());
        assertEquals(1, r.exit(), r.toString());
        List<String> lines = r.out().lines().toList();
        assertEquals("changed  \"piix4acpi\" instance 0 — a: #23 at 7211 (0x1C2B), v2≠1, body 278; "
                + "b: #23 at 7211 (0x1C2B), v1, body 278", lines.get(2));
        assertEquals("  header › version_id  a: 0x00000002", lines.get(3));
        assertEquals("                       b: 0x00000001", lines.get(4));
        assertEquals("Sections: 23 same, 1 changed, 0 only in a, 0 only in b", lines.get(5));
        assertEquals("Loader (upstream): outcomes differ", lines.get(6));
    }

    @Test
    void jsonCarriesSchemaVersionOneAndTheGivenPaths() throws Exception {
        Path a = file("a.qevm", Fixtures.piix4acpiCase().bytes());
        Path b = file("b.qevm", Fixtures.piix4acpiUpgraded());
        CliRun r = CliRun.of("diff", "--format", "json", a.toString(), b.toString());
        assertEquals(1, r.exit(), r.toString());
        JsonNode root = r.json();
        assertEquals(1, root.get("schemaVersion").intValue());
        assertEquals(a.toString(), root.at("/a/path").textValue());
        assertEquals(7517, root.at("/b/size").longValue());
        assertEquals("pm1a_evt_blk_address", root.at("/sections/0/fields/0/path").textValue());
        assertEquals("onlyB", root.at("/sections/0/fields/0/status").textValue());
        assertEquals(1, root.at("/summary/changed").intValue());
    }

    @Test
    void ignoreAndTheVolatileSetDecideTheExitCode() throws Exception {
        Stream s = Fixtures.defaultGuest();
        Path a = file("a.qevm", s.bytes());
        Path later = file("later.qevm", Edit.of(s).bodyBe32("timer", 4, 0x12345678L)
                .bodyU8("mc146818rtc", 0x00, 0x59).bodyU8("uhci", 288, 0x7F).bytes());
        assertEquals(1, CliRun.of("diff", a.toString(), later.toString()).exit());
        CliRun quiet = CliRun.of("diff", "--ignore-volatile", a.toString(), later.toString());
        assertEquals(0, quiet.exit(), quiet.toString());
        CliRun globs = CliRun.of("diff", "--ignore", "timer", "--ignore", "mc146818rtc.cmos_data", "--ignore",
                "uhci.fr*", a.toString(), later.toString());
        assertEquals(0, globs.exit(), globs.toString());
        assertEquals("Sections: 23 same, 0 changed, 0 only in a, 0 only in b", globs.out().lines().toList().get(2),
                "the ignored timer section is left out");
    }

    @Test
    void anImageAgainstItsStreamShowsTheContainer() throws Exception {
        byte[] qevm = Fixtures.defaultGuest().bytes();
        byte[] image = SaveImageWriter.image(Kind.XL_LEGACY, qevm, 4);
        assertEquals(16730, image.length - qevm.length, "DeviceModelRecord0002 ends the image");
        Path img = file("guest.xl", image);
        Path bare = file("qemu.sav", qevm);
        CliRun r = CliRun.of("diff", img.toString(), bare.toString());
        assertEquals(1, r.exit(), r.toString());
        List<String> lines = r.out().lines().toList();
        assertEquals("a: " + img + " (24255 bytes, xl-legacy image, qevm-v3 stream of 7525 bytes at 16730 (0x415A), "
                + "24 sections)", lines.get(0));
        assertEquals("changed  container", lines.get(2));
        assertEquals("  kind                       a: xl-legacy", lines.get(3));
        assertEquals("                             b: raw", lines.get(4));
        assertEquals("Sections: 24 same, 0 changed, 0 only in a, 0 only in b", lines.get(lines.size() - 1));
    }

    @Test
    void theLoaderProfileAppliesToBothFiles() throws Exception {
        Path a = file("a.qevm", Fixtures.xenServer62().bytes());
        Path b = file("b.qevm", Fixtures.xenServer65().bytes());
        CliRun r = CliRun.of("diff", "--loader", "xenserver-6.5+", "--format", "json", a.toString(), b.toString());
        assertEquals(1, r.exit(), r.toString());
        assertEquals("xenserver-6.5+", r.json().at("/loader/a/profile").textValue());
        assertEquals("xenserver-6.5+", r.json().at("/loader/b/profile").textValue());
    }

    @Test
    void troubleExitsTwoWithOneLine() throws Exception {
        Path a = file("a.qevm", Fixtures.defaultGuest().bytes());
        CliRun missing = CliRun.of("diff", a.toString(), dir.resolve("nope.qevm").toString());
        assertEquals(2, missing.exit());
        assertTrue(missing.oneErrorLine(), missing.toString());
        assertEquals("savevm-inspector: cannot read " + dir.resolve("nope.qevm") + ": no such file\n", missing.err());
        assertEquals("", missing.out());
        CliRun dirArg = CliRun.of("diff", dir.toString(), a.toString());
        assertEquals(2, dirArg.exit());
        CliRun usage = CliRun.of("diff", a.toString());
        assertEquals(2, usage.exit());
        assertTrue(usage.err().startsWith("savevm-inspector: Missing required parameter: 'B'"), usage.err());
        assertEquals(2, CliRun.of("diff", "--format", "sarif", a.toString(), a.toString()).exit());
    }
}
