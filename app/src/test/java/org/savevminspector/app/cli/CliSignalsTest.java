package org.savevminspector.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.savevminspector.fixtures.Fixtures;
import org.savevminspector.fixtures.SaveImageWriter;

/**
 * Issue 13, point 4: {@code extract} or {@code repair} stopped by SIGTERM or Ctrl+C (SIGINT) removes its temporary
 * file — the atomic writer's {@code .NAME.<random>.tmp} next to the output, the private copy of a piped input —
 * says {@code interrupted} in one line and exits 143 / 130. Each test signals a real child while the temporary file
 * exists, then looks at the directory.
 */
class CliSignalsTest {
    @TempDir
    Path dir;

    /** Large enough that writing and syncing the copy takes a while, sparse so that it costs no disk. */
    private static final long LARGE = 64L << 20;

    private List<Path> listing(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.toList();
        }
    }

    /** Waits until a file matching {@code what} appears in {@code d} (the child is then mid-write). */
    private void awaitFile(Process child, Path d, Predicate<String> what) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (listing(d).stream().anyMatch(p -> what.test(p.getFileName().toString()))) {
                return;
            }
            if (!child.isAlive()) {
                throw new AssertionError("the child ended (exit " + child.exitValue() + ") before its temporary file "
                        + "was seen: " + Files.readString(dir.resolve(".child-err")));
            }
            Thread.sleep(5);
        }
        throw new AssertionError("no temporary file within 60 s");
    }

    private static void signal(Process child, String name) throws Exception {
        assertEquals(0, new ProcessBuilder("kill", "-" + name, Long.toString(child.pid())).start().waitFor());
    }

    /**
     * Delivers {@code name} while the child is mid-write: it is stopped the moment its temporary file is seen, so
     * that however fast the machine, the signal cannot arrive after the write has finished.
     */
    private static void interruptMidWrite(Process child, String name) throws Exception {
        signal(child, "STOP");
        signal(child, name);
        signal(child, "CONT");
    }

    /**
     * The java command with SIGINT back to its default disposition: a background job of a non-interactive shell
     * (as CI may start the build) inherits SIGINT ignored, and the JVM then leaves it ignored.
     */
    private static List<String> javaWithDefaultSignals() throws Exception {
        List<String> cmd = new ArrayList<>();
        if (new ProcessBuilder("env", "--default-signal=INT", "true").start().waitFor() == 0) {
            cmd.addAll(List.of("env", "--default-signal=INT"));
        }
        cmd.addAll(ChildCli.java());
        return cmd;
    }

    @Test
    void sigtermDuringAnExtractRemovesItsTemporaryFileAndExits143() throws Exception {
        Path big = dir.resolve("big.img");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.write(Fixtures.sample());
            f.setLength(LARGE);
        }
        Path out = Files.createDirectories(dir.resolve("out"));
        List<String> cmd = ChildCli.java();
        cmd.addAll(List.of("extract", big.toString(), "--offset", "0", "-o", out.resolve("qemu.bin").toString()));
        Process child = ChildCli.start(cmd, dir, Map.of());
        awaitFile(child, out, n -> n.startsWith(".qemu.bin.") && n.endsWith(".tmp"));
        interruptMidWrite(child, "TERM");
        ChildCli.Result r = ChildCli.finish(child, dir);
        assertEquals(143, r.exit(), r.toString());
        assertTrue(r.err().endsWith("savevm-inspector: interrupted\n"), r.err());
        assertEquals(List.of(), listing(out), "no temporary file, no output");
    }

    @Test
    void sigintDuringARepairOfALargeImageRemovesItsTemporaryFileAndExits130() throws Exception {
        Path image = dir.resolve("guest.xl");
        try (FileChannel ch = FileChannel.open(image, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            SaveImageWriter.FileSink sink = new SaveImageWriter.FileSink(ch, true);
            SaveImageWriter.write(new SaveImageWriter(sink), SaveImageWriter.Kind.XL_V2, Fixtures.sample(),
                    LARGE / SaveImageWriter.PAGE, 8, false);
            sink.finish();
        }
        Path out = Files.createDirectories(dir.resolve("out"));
        List<String> cmd = javaWithDefaultSignals();
        cmd.addAll(List.of("repair", image.toString(), "-o", out.resolve("fixed.xl").toString()));
        Process child = ChildCli.start(cmd, dir, Map.of());
        awaitFile(child, out, n -> n.startsWith(".fixed.xl.") && n.endsWith(".tmp"));
        interruptMidWrite(child, "INT");
        ChildCli.Result r = ChildCli.finish(child, dir);
        assertEquals(130, r.exit(), r.toString());
        assertTrue(r.err().endsWith("savevm-inspector: interrupted\n"), r.err());
        assertEquals("", r.outText(), "no report: the repair did not finish");
        assertEquals(List.of(), listing(out), "no temporary file, no output");
    }

    @Test
    void sigtermWhileReadingStandardInputRemovesItsPrivateCopy() throws Exception {
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Path out = Files.createDirectories(dir.resolve("out"));
        List<String> cmd = ChildCli.java();
        cmd.addAll(List.of("extract", "-", "-o", out.resolve("qemu.bin").toString()));
        Process child = ChildCli.start(cmd, dir, Map.of("TMPDIR", tmp.toString()));
        OutputStream stdin = child.getOutputStream();
        stdin.write(Fixtures.sample());
        stdin.write(new byte[20 << 20]); // past what is kept in memory: the rest goes to a private copy
        stdin.flush();
        awaitFile(child, tmp, n -> n.startsWith("savevm-inspector-") && n.endsWith(".spool"));
        child.destroy(); // SIGTERM, while the child waits for more input
        ChildCli.Result r = ChildCli.finish(child, dir);
        stdin.close();
        assertEquals(143, r.exit(), r.toString());
        assertEquals("savevm-inspector: interrupted\n", r.err());
        assertEquals(List.of(), listing(tmp), "the private copy is removed");
        assertEquals(List.of(), listing(out));
    }

    @Test
    void ctrlCDuringAFleetCheckEndsWithTheSummarySoFar() throws Exception {
        Path a = Files.write(dir.resolve("a.qevm"), Fixtures.defaultGuest().bytes());
        Path b = Files.write(dir.resolve("b.qevm"), Fixtures.sample());
        Path fifo = dir.resolve("c.fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        List<String> cmd = javaWithDefaultSignals();
        // the FIFO has no writer: its check waits for ever, after the first two files were reported
        cmd.addAll(List.of("check", a.toString(), b.toString(), fifo.toString(), "--recursive", "--jobs", "1"));
        Process child = ChildCli.start(cmd, dir, Map.of());
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (Files.readAllLines(dir.resolve(".child-out")).size() < 2 && System.nanoTime() < deadline) {
            assertTrue(child.isAlive(), () -> "ended early: " + readQuietly(dir.resolve(".child-err")));
            Thread.sleep(10);
        }
        signal(child, "INT");
        ChildCli.Result r = ChildCli.finish(child, dir);
        assertEquals(130, r.exit(), r.toString());
        List<String> lines = r.outText().lines().toList();
        assertEquals(3, lines.size(), r.toString());
        assertTrue(lines.get(0).startsWith(a + ": ok "), lines.get(0));
        assertTrue(lines.get(1).startsWith(b + ": FAIL "), lines.get(1));
        assertTrue(lines.get(2).matches("Interrupted after 2 files in \\d+\\.\\d s: 1 ok, 1 with errors, 0 skipped, "
                + "0 unreadable"), lines.get(2));
        assertEquals("savevm-inspector: interrupted\n", r.err());
    }

    private static String readQuietly(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
