package org.savevminspector.app.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.savevminspector.fixtures.Fixtures;
import org.savevminspector.fixtures.SaveImageWriter;

/**
 * Issue 13, point 2: every command reads standard input ({@code -}), a FIFO, a process substitution
 * ({@code /dev/fd/N}) and procfs files exactly once, and reports them exactly as it reports the same bytes in a
 * regular file, except for the name, which is the one the user gave. Point 3's cap on such inputs
 * ({@code --max-input-size}) is checked here too. Pipes and FIFOs go through a real child process.
 */
class CliPipesTest {
    @TempDir
    Path dir;

    private static final byte[] SAMPLE = Fixtures.sample();

    private Path sample() throws Exception {
        return Files.write(dir.resolve("guest.qevm"), SAMPLE);
    }

    /** An empty directory given to the child as TMPDIR: whatever it copies must be gone when it ends. */
    private Map<String, String> privateTmp() throws Exception {
        return Map.of("TMPDIR", Files.createDirectories(dir.resolve("tmp")).toString());
    }

    private List<Path> leftInTmp() throws Exception {
        try (Stream<Path> s = Files.list(dir.resolve("tmp"))) {
            return s.toList();
        }
    }

    @Test
    void checkReadsAFifoAndAProcessSubstitutionLikeTheFileAndRefusesADeviceAndWhatIsOverTheCap() throws Exception {
        Path f = sample();
        String script = "mkfifo fifo big && { cat guest.qevm > fifo & head -c 70000 /dev/zero > big & } && "
                + "\"$@\" check --max-input-size 64K fifo - <(cat guest.qevm) big guest.qevm < /dev/urandom";
        ChildCli.Result r = ChildCli.run(ChildCli.bash(script), dir, privateTmp());
        String regular = CliRun.of("check", f.toString()).out().lines().findFirst().orElseThrow();
        String verdict = regular.substring(f.toString().length()); // ": FAIL (qevm-v3, 24 sections, …"
        List<String> lines = r.outText().lines().toList();
        assertEquals(3, lines.size(), r.toString());
        assertEquals("fifo" + verdict, lines.get(0));
        assertTrue(lines.get(1).matches("/dev/fd/\\d+" + java.util.regex.Pattern.quote(verdict)), lines.get(1));
        assertEquals("guest.qevm" + verdict, lines.get(2));
        assertEquals("savevm-inspector: cannot read -: standard input is a character device, not a save file\n"
                + "savevm-inspector: cannot read big: it is longer than --max-input-size 64K (65536 bytes); "
                + "give a larger --max-input-size to read it\n", r.err());
        assertEquals(2, r.exit(), "the worst of 1 (findings) and 2 (unreadable inputs)");
        assertEquals(List.of(), leftInTmp());
    }

    @Test
    void inspectOfAProcessSubstitutionReportsWhatTheFileReports() throws Exception {
        Path f = sample();
        ChildCli.Result r = ChildCli.run(ChildCli.bash("\"$@\" inspect <(cat guest.qevm)"), dir, privateTmp());
        assertEquals(0, r.exit(), r.toString());
        List<String> got = r.outText().lines().toList();
        List<String> expected = CliRun.of("inspect", f.toString()).out().lines().toList();
        String name = got.get(0).substring("File: ".length(), got.get(0).indexOf(" ("));
        assertTrue(name.matches("/dev/fd/\\d+"), got.get(0));
        // a pipe has no modification time to report
        assertEquals(expected.get(0).replace("File: " + f, "File: " + name).replaceFirst(", modified [^,]*", ""),
                got.get(0));
        assertEquals(expected.subList(1, expected.size()), got.subList(1, got.size()));
        assertEquals("", r.err());
        assertEquals(List.of(), leftInTmp());
    }

    @Test
    void repairFromStandardInputToStandardOutputWritesWhatTheFileRepairWrites() throws Exception {
        Path f = sample();
        Path out = dir.resolve("fixed.qevm");
        CliRun regular = CliRun.of("repair", f.toString(), "-o", out.toString());
        assertEquals(0, regular.exit(), regular.toString());

        List<String> cmd = ChildCli.java();
        cmd.addAll(List.of("repair", "-", "-o", "-"));
        ChildCli.Result r = ChildCli.run(cmd, dir, privateTmp(), SAMPLE);
        assertEquals(0, r.exit(), r.toString());
        assertArrayEquals(Files.readAllBytes(out), r.out(), "the repaired bytes, alone, on standard output");
        assertEquals(regular.out().replace("Repair of " + f, "Repair of -").replaceFirst(", modified [^,]*", "")
                .replace("written to " + out, "written to -"), r.err(), "the report moves to standard error");
        assertEquals(List.of(), leftInTmp());
    }

    @Test
    void standardOutputThatIsATerminalGetsNoBinaryData() throws Exception {
        assumeTrue(new ProcessBuilder("sh", "-c", "command -v script").start().waitFor() == 0,
                "script(1) (util-linux) is needed to give the child a terminal");
        sample();
        StringBuilder java = new StringBuilder();
        for (String a : ChildCli.java()) {
            java.append('\'').append(a).append("' ");
        }
        // script runs the command with a pseudo-terminal as its standard output
        List<String> cmd = List.of("script", "-qec", java + "repair guest.qevm -o -", "/dev/null");
        ChildCli.Result r = ChildCli.run(cmd, dir, Map.of());
        assertEquals(1, r.exit(), r.toString());
        List<String> lines = r.outText().lines().toList();
        assertEquals("Result: refused: standard output is a terminal, which is not written binary data; redirect it "
                + "to a file or a pipe", lines.get(lines.size() - 2));
        assertEquals("savevm-inspector: repair refused: standard output is a terminal, which is not written binary "
                + "data; redirect it to a file or a pipe", lines.get(lines.size() - 1));
    }

    @Test
    void extractFromAFifoToStandardOutputWritesTheStream() throws Exception {
        byte[] image = SaveImageWriter.image(SaveImageWriter.Kind.XL_V2, SAMPLE, 4200);
        Files.write(dir.resolve("guest.xl"), image);
        ChildCli.Result r = ChildCli.run(ChildCli.bash("mkfifo fifo && { cat guest.xl > fifo & } && "
                + "\"$@\" extract fifo -o - | cat > extracted.bin; exit ${PIPESTATUS[0]}"), dir, privateTmp());
        assertEquals(0, r.exit(), r.toString());
        assertArrayEquals(SAMPLE, Files.readAllBytes(dir.resolve("extracted.bin")));
        int at = indexOf(image, SAMPLE);
        assertEquals("wrote 7520 bytes (offset " + at + " of fifo) to -\n", r.err());
        assertEquals(List.of(), leftInTmp(), "the image went through a private copy (" + image.length
                + " bytes), removed again");
    }

    @Test
    void procfsFilesAreReadForTheirContentNotAsEmpty() throws Exception {
        // this JVM's command line does not change while it runs: its copy must give the very same report
        byte[] cmdline = Files.readAllBytes(Path.of("/proc/self/cmdline"));
        Path copy = Files.write(dir.resolve("cmdline"), cmdline);
        JsonNode proc = CliRun.of("inspect", "--format", "json", "/proc/self/cmdline").json();
        JsonNode file = CliRun.of("inspect", "--format", "json", copy.toString()).json();
        ((ObjectNode) file.get("file")).put("path", "/proc/self/cmdline");
        // a procfs file's time says nothing of its content: none is reported
        ((ObjectNode) file.get("file")).putNull("modified");
        assertEquals(file, proc);
        assertEquals(cmdline.length, proc.at("/file/size").longValue());

        // maps grows as the JVM maps more, but its first bytes (the java binary's mapping) stay
        byte[] maps = Files.readAllBytes(Path.of("/proc/self/maps"));
        CliRun r = CliRun.of("inspect", "/proc/self/maps");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("error BAD_MAGIC at 0 (0x0000) +4: not a QEVM stream: the file starts with "
                + String.format("%02X %02X %02X %02X", maps[0], maps[1], maps[2], maps[3]) + ", expected"), r.out());
        assertTrue(r.out().startsWith("File: /proc/self/maps ("), r.out());
    }

    @Test
    void aLongCopySaysHowFarItGotEvery256MiB() {
        java.io.StringWriter err = new java.io.StringWriter();
        org.savevminspector.io.InputOpener.ReadProgress p = IndexProgress.reading(new java.io.PrintWriter(err, true));
        org.savevminspector.io.InputName stdin = new org.savevminspector.io.InputName("-", null);
        org.savevminspector.io.InputName fifo = new org.savevminspector.io.InputName("/tmp/in\u001b.fifo", null);
        for (long mib : new long[] {16, 240, 256, 272, 768}) {
            p.read(stdin, mib << 20);
        }
        p.read(fifo, 256L << 20);
        assertEquals("savevm-inspector: reading -: 256 MiB so far\n"
                + "savevm-inspector: reading -: 768 MiB so far\n"
                + "savevm-inspector: reading in\\x1b.fifo: 256 MiB so far\n", err.toString().replace("\r", ""));
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        for (int i = 0; i + needle.length <= hay.length; i++) {
            if (Arrays.equals(hay, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }
}
