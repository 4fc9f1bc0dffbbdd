package org.savevminspector.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.savevminspector.app.common.AppVersion;

/** Usage, version, and every "cannot read" / "readable but not a savefile" case of the three commands. */
class CliBasicsTest {
    @TempDir
    Path dir;

    private Path file(String name, byte[] content) throws Exception {
        return Files.write(dir.resolve(name), content);
    }

    private Path textFile() throws Exception {
        return file("notes.txt", "hello, world\n".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void versionComesFromTheMavenProject() {
        CliRun r = CliRun.of("--version");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().matches("savevm-inspector \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\R"), r.out());
        assertEquals(AppVersion.version(), r.out().trim().substring("savevm-inspector ".length()));
    }

    @Test
    void helpListsTheCommands() {
        CliRun r = CliRun.of("--help");
        assertEquals(0, r.exit());
        for (String c : new String[] {"inspect", "check", "repair"}) {
            assertTrue(r.out().contains(c), r.out());
        }
        CliRun sub = CliRun.of("repair", "--help");
        assertEquals(0, sub.exit());
        assertTrue(sub.out().contains("--strategy"), sub.out());
    }

    @Test
    void usageErrorsExitTwoWithAShortMessage() throws Exception {
        Path f = textFile();
        CliRun[] runs = {CliRun.of("--bogus"), CliRun.of("frobnicate", f.toString()), CliRun.of("frobnicate"),
            CliRun.of("inspect"),
            CliRun.of("inspect", "--format", "xml", f.toString()), CliRun.of("check"),
            CliRun.of("check", "--fail-on", "note", f.toString()), CliRun.of("repair", f.toString()),
            CliRun.of("repair", f.toString(), "-o", dir.resolve("o").toString(), "--strategy", "magic"),
            CliRun.of("repair", f.toString(), "-o", dir.resolve("o").toString(), "--format", "sarif"),
            CliRun.of()};
        for (CliRun r : runs) {
            assertEquals(2, r.exit(), r.toString());
            assertTrue(r.err().startsWith("savevm-inspector: "), r.toString());
            assertTrue(r.err().contains("--help' for more information."), r.toString());
            assertEquals("", r.out(), r.toString());
        }
    }

    @Test
    void missingFileIsExitTwoOnEveryCommand() {
        String missing = dir.resolve("absent.sav").toString();
        for (CliRun r : new CliRun[] {CliRun.of("inspect", missing), CliRun.of("check", missing),
            CliRun.of("repair", missing, "-o", dir.resolve("out.sav").toString())}) {
            assertEquals(2, r.exit(), r.toString());
            assertTrue(r.oneErrorLine(), r.toString());
            assertEquals("savevm-inspector: cannot read " + missing + ": no such file", r.err().trim());
        }
        assertFalse(Files.exists(dir.resolve("out.sav")));
    }

    @Test
    void directoryIsExitTwo() {
        CliRun r = CliRun.of("inspect", "--format", "json", dir.toString());
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.oneErrorLine(), r.toString());
        assertTrue(r.err().contains(dir + ": it is a directory"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void unreadableFileIsExitTwo() throws Exception {
        Path f = textFile();
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("---------"));
        assumeFalse(Files.isReadable(f), "running as root: permissions do not stop reads");
        CliRun r = CliRun.of("inspect", f.toString());
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.oneErrorLine(), r.toString());
        assertTrue(r.err().contains("permission denied"), r.err());
    }

    @Test
    void emptyFileIsReportedNotRefused() throws Exception {
        Path f = file("empty.sav", new byte[0]);
        CliRun text = CliRun.of("inspect", f.toString());
        assertEquals(0, text.exit(), text.toString());
        assertTrue(text.out().contains("TRUNCATED at 0"), text.out());
        CliRun json = CliRun.of("inspect", "--format", "json", f.toString());
        assertEquals(0, json.exit());
        JsonNode root = json.json();
        assertEquals(0, root.at("/file/size").intValue());
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                root.at("/file/sha256").textValue(), "SHA-256 of no bytes");
        assertEquals(2, root.get("diagnostics").size(), "no header for the walk, no magic for the loader");
        assertEquals("LOADER_FAILED", root.at("/diagnostics/0/code").textValue());
        assertEquals("TRUNCATED", root.at("/diagnostics/1/code").textValue());
        assertEquals(0, root.at("/diagnostics/1/offset").intValue());
        assertTrue(root.has("loader"), "mandatory key, null or the simulated load of no bytes");
        CliRun check = CliRun.of("check", f.toString());
        assertEquals(1, check.exit(), check.toString());
        assertTrue(check.out().startsWith(f + ": FAIL"), check.out());
    }

    @Test
    void nonQevmFileIsReportedAndFailsTheCheck() throws Exception {
        Path f = textFile();
        CliRun json = CliRun.of("inspect", "--format", "json", f.toString());
        assertEquals(0, json.exit(), json.toString());
        JsonNode root = json.json();
        assertEquals("unknown", root.get("format").textValue());
        assertEquals("BAD_MAGIC", root.at("/diagnostics/0/code").textValue());
        assertEquals(0, root.at("/diagnostics/0/offset").intValue());
        assertEquals("error", root.at("/diagnostics/0/severity").textValue());
        assertEquals("", json.err());

        CliRun sarif = CliRun.of("inspect", "--format", "SARIF", f.toString());
        assertEquals(0, sarif.exit());
        assertEquals("BAD_MAGIC", sarif.json().at("/runs/0/results/0/ruleId").textValue());

        CliRun check = CliRun.of("check", f.toString());
        assertEquals(1, check.exit(), check.toString());
        assertEquals(1, check.out().lines().count());
        assertTrue(check.out().contains("BAD_MAGIC at 0"), check.out());
    }

    @Test
    void checkGoesOnAfterAnUnreadableFileAndExitsTwo() throws Exception {
        Path f = textFile();
        String missing = dir.resolve("gone.sav").toString();
        CliRun r = CliRun.of("check", missing, f.toString());
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.oneErrorLine(), r.toString());
        assertTrue(r.out().startsWith(f + ": FAIL"), "the readable file is still checked: " + r);
    }

    @Test
    void repairOfANonSavefileIsAnInputErrorAndWritesNothing() throws Exception {
        Path out = dir.resolve("out.sav");
        for (Path f : new Path[] {textFile(), file("empty.sav", new byte[0])}) {
            CliRun r = CliRun.of("repair", f.toString(), "-o", out.toString());
            assertEquals(2, r.exit(), r.toString());
            assertTrue(r.oneErrorLine(), r.toString());
            assertTrue(r.err().startsWith("savevm-inspector: cannot repair " + f + ": not a QEVM stream ("),
                    r.err());
            assertTrue(r.err().contains(" at offset 0: "), r.err());
            assertEquals("", r.out());
            assertFalse(Files.exists(out));
        }
    }
}
