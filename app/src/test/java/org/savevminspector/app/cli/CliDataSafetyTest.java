package org.savevminspector.app.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.savevminspector.fixtures.FaultyStorage;
import org.savevminspector.app.FileSnapshot;
import org.savevminspector.fixtures.Fixtures;
import org.savevminspector.io.AtomicFileWriter;

/**
 * The CLI's data-safety guarantees: every command leaves its input exactly as it was (bytes, mtime, mode) and
 * adds nothing next to it; repaired files get the umask's mode, or keep the mode of the file they replace with
 * {@code --force}; a write that fails (full disk, read-only directory) leaves no partial output and says what
 * happened (exit 2, one line naming the output and the reason).
 *
 * <p>A new command that reads a file is one more row of {@link #commands()}: {@code IN} stands for the input,
 * {@code OUT} for an output path in a directory of its own.
 */
class CliDataSafetyTest {
    private static final String IN = "{in}";
    private static final String OUT = "{out}";

    @TempDir
    Path dir;

    /** Every command and output format, on inputs that are repairable, truncated, and not savevm at all. */
    static Stream<List<String>> commands() {
        return Stream.of(
                List.of("inspect", IN),
                List.of("inspect", "--format", "json", IN),
                List.of("inspect", "--format", "sarif", IN),
                List.of("check", IN),
                List.of("check", "--fail-on", "warn", IN),
                List.of("repair", IN, "-o", OUT),
                List.of("repair", IN, "-o", OUT, "--strategy", "upgrade", "--trim-trailing", "--format", "json"),
                List.of("repair", IN, "-o", IN, "--force"), // refused: never onto the input
                List.of("check", "--all-loaders", IN),
                List.of("inspect", "--loader", "xenserver-6.5+", "--format", "json", IN),
                List.of("repair", IN, "-o", OUT, "--strategy", "to-upstream"),
                List.of("extract", IN, "-o", OUT),
                List.of("extract", IN, "-o", IN, "--force"), // refused: never onto the input
                List.of("diff", IN, IN),
                List.of("diff", "--format", "json", "--ignore-volatile", "--all", IN, IN));
    }

    private static final byte[][] INPUTS = {
        Fixtures.sample(),
        Arrays.copyOf(Fixtures.sample(), 5000),
        "not a savevm file\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
    };

    @ParameterizedTest
    @MethodSource("commands")
    void theInputIsUnchangedAndNothingAppearsNextToIt(List<String> command) throws IOException {
        for (int i = 0; i < INPUTS.length; i++) {
            Path inDir = dir.resolve("in-" + i);
            FileSnapshot in = FileSnapshot.prepare(inDir.resolve("guest.qevm"), INPUTS[i]);
            Path out = dir.resolve("out-" + i).resolve("result.qevm");
            Files.createDirectories(out.getParent());
            List<String> args = new ArrayList<>();
            for (String a : command) {
                args.add(a.equals(IN) ? in.path().toString() : a.equals(OUT) ? out.toString() : a);
            }
            CliRun r = CliRun.of(args.toArray(String[]::new));
            assertTrue(r.exit() >= 0 && r.exit() <= 2, r.toString());
            assertNull(in.changes(), args + " changed its input\n" + r);
            try (Stream<Path> s = Files.list(inDir)) {
                assertEquals(List.of(in.path()), s.toList(), args + " left a file next to its input\n" + r);
            }
        }
    }

    /** The mode a plain create gives a new file in {@code dir}: 0666 minus the umask. */
    private Set<PosixFilePermission> umaskMode() throws IOException {
        Path probe = Files.createFile(dir.resolve("umask-probe"));
        Set<PosixFilePermission> m = Files.getPosixFilePermissions(probe);
        Files.delete(probe);
        return m;
    }

    @Test
    void aRepairedFileGetsTheUmasksModeNot0600() throws IOException {
        Path in = Files.write(dir.resolve("in.qevm"), Fixtures.sample());
        Path out = dir.resolve("fixed.qevm");
        CliRun r = CliRun.of("repair", in.toString(), "-o", out.toString());
        assertEquals(0, r.exit(), r.toString());
        assertEquals(PosixFilePermissions.toString(umaskMode()),
                PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
        assertTrue(Files.getPosixFilePermissions(out).contains(PosixFilePermission.OTHERS_READ)
                        || !umaskMode().contains(PosixFilePermission.OTHERS_READ),
                "a temporary file's 0600 must not carry over");
    }

    @Test
    void forceOverAnExistingFileKeepsItsMode() throws IOException {
        Path in = Files.write(dir.resolve("in.qevm"), Fixtures.sample());
        Path out = Files.write(dir.resolve("fixed.qevm"), new byte[] {1});
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rw-rw----"));
        CliRun r = CliRun.of("repair", in.toString(), "-o", out.toString(), "--force");
        assertEquals(0, r.exit(), r.toString());
        assertEquals(Fixtures.sample().length, Files.size(out));
        assertEquals("rw-rw----", PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
    }

    // ------------------------------------------------------------------ failing writes

    /** Runs the CLI with a writer on {@code storage}. */
    private static CliRun runWith(AtomicFileWriter.Storage storage, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Cli.run(args, new PrintWriter(out, true), new PrintWriter(err, true), new AtomicFileWriter(storage));
        JsonSchemas.check(args, out.toString());
        return new CliRun(exit, out.toString(), err.toString());
    }

    private List<Path> listing(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.sorted().toList();
        }
    }

    @Test
    void aFullDiskLeavesNoPartialRepairAndSaysSo() throws IOException {
        Path in = Files.write(dir.resolve("in.qevm"), Fixtures.sample());
        Path outDir = Files.createDirectories(dir.resolve("out"));
        Path out = outDir.resolve("fixed.qevm");
        CliRun r = runWith(FaultyStorage.diskFullAfter(4096), "repair", in.toString(), "-o", out.toString());
        assertEquals(2, r.exit(), r.toString());
        assertEquals(List.of(), listing(outDir), "no output, no temporary file");
        assertTrue(r.oneErrorLine(), r.toString());
        assertEquals("savevm-inspector: cannot write " + out + ": No space left on device (while writing); "
                + "nothing was written" + System.lineSeparator(), r.err());
    }

    @Test
    void aFullDiskWithForceLeavesTheExistingFileAsItWas() throws IOException {
        Path in = Files.write(dir.resolve("in.qevm"), Fixtures.sample());
        byte[] old = {1, 2, 3};
        Path out = Files.write(dir.resolve("fixed.qevm"), old);
        CliRun r = runWith(FaultyStorage.diskFullAfter(100), "repair", in.toString(), "-o", out.toString(), "--force");
        assertEquals(2, r.exit(), r.toString());
        assertArrayEquals(old, Files.readAllBytes(out));
        assertEquals(List.of(out, in), listing(dir));
        assertTrue(r.err().endsWith("No space left on device (while writing); the existing file was not changed"
                + System.lineSeparator()), r.err());
    }

    @Test
    void aFullDiskLeavesNoPartialExtractAndSaysSo() throws IOException {
        Path in = Files.write(dir.resolve("in.qevm"), Fixtures.sample());
        Path out = dir.resolve("qemu.bin");
        CliRun r = runWith(FaultyStorage.diskFullAfter(4096), "extract", in.toString(), "-o", out.toString());
        assertEquals(2, r.exit(), r.toString());
        assertEquals(List.of(in), listing(dir));
        assertTrue(r.err().endsWith("No space left on device (while writing); nothing was written"
                + System.lineSeparator()), r.err());
    }

    @Test
    void aReadOnlyDirectoryLeavesNothingAndSaysSo() throws IOException {
        // CI runs the tests as root, for whom chmod cannot make a directory unwritable: the refusal comes from
        // the injected storage, exactly as the kernel reports EACCES on the create
        AtomicFileWriter.Storage readOnly = new AtomicFileWriter.Storage() {
            @Override
            public AtomicFileWriter.TempOutput create(Path tmp) throws IOException {
                throw new java.nio.file.AccessDeniedException(tmp.toString());
            }

            @Override
            public void replace(Path tmp, Path target) {
                throw new AssertionError("nothing to rename");
            }
        };
        Path in = Files.write(dir.resolve("in.qevm"), Fixtures.sample());
        Path outDir = Files.createDirectories(dir.resolve("ro"));
        Path out = outDir.resolve("fixed.qevm");
        CliRun r = runWith(readOnly, "repair", in.toString(), "-o", out.toString());
        assertEquals(2, r.exit(), r.toString());
        assertEquals(List.of(), listing(outDir));
        assertEquals("savevm-inspector: cannot write " + out + ": access denied (while creating a temporary file in "
                + outDir + "); nothing was written" + System.lineSeparator(), r.err());
    }

    @Test
    void aMissingOutputDirectoryIsNamed() throws IOException {
        Path in = Files.write(dir.resolve("in.qevm"), Fixtures.sample());
        Path out = dir.resolve("nowhere").resolve("fixed.qevm");
        CliRun r = CliRun.of("repair", in.toString(), "-o", out.toString());
        assertEquals(2, r.exit(), r.toString());
        assertEquals("savevm-inspector: cannot write " + out + ": the directory " + out.getParent()
                + " does not exist; nothing was written" + System.lineSeparator(), r.err());
    }
}
