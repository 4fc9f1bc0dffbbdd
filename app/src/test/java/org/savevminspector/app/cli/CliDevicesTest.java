package org.savevminspector.app.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.savevminspector.fixtures.Fixtures;
import org.savevminspector.io.FileType;

/**
 * Issue 13, points 1 and 3: device nodes on both sides. As input a character device ({@code /dev/zero},
 * {@code /dev/urandom}) is refused in one sentence by every command instead of being read forever, and a block
 * device is read in place as a file of the device's size. As output nothing that is not a regular file is ever
 * replaced: {@code /dev/null}, {@code /dev/full} and FIFOs are written to as streams; sockets, block devices,
 * terminals and links to nothing are refused. Device nodes are made with {@code mknod} in a temporary directory
 * (root only).
 */
class CliDevicesTest {
    @TempDir
    Path dir;

    private static final byte[] SAMPLE = Fixtures.sample();
    private static final String NL = System.lineSeparator();

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static String sh(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, p.waitFor(), String.join(" ", cmd) + ": " + out);
        return out;
    }

    private Path mknod(String name, String type, int major, int minor) throws Exception {
        Path p = dir.resolve(name);
        sh("mknod", p.toString(), type, Integer.toString(major), Integer.toString(minor));
        return p;
    }

    private List<Path> listing() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    @Test
    void everyCommandRefusesAnEndlessDeviceInOneSentence() {
        Path out = dir.resolve("out.qevm");
        for (String dev : new String[] {"/dev/zero", "/dev/urandom"}) {
            String[][] commands = {{"inspect", dev}, {"inspect", "--format", "json", dev}, {"check", dev},
                {"repair", dev, "-o", out.toString()}, {"extract", dev, "-o", out.toString()}};
            for (String[] args : commands) {
                CliRun r = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> CliRun.of(args));
                assertEquals(2, r.exit(), Arrays.toString(args) + r);
                assertEquals("savevm-inspector: cannot read " + dev + ": it is a character device, not a save file"
                        + NL, r.err(), Arrays.toString(args));
                assertEquals("", r.out());
            }
        }
        assertFalse(Files.exists(out));
    }

    @Test
    void aBlockDeviceIsReadInPlaceAsAFileOfTheDevicesSize() throws Exception {
        assumeTrue(root(), "attaching a loop device and mknod need root; running as "
                + System.getProperty("user.name"));
        // a loop device has whole 512-byte sectors: the sample plus zeros to 8 KiB, as a regular file too
        Path backing = Files.write(dir.resolve("backing.qevm"), Arrays.copyOf(SAMPLE, 8192));
        String loop;
        try {
            loop = sh("losetup", "--read-only", "--find", "--show", backing.toString());
        } catch (AssertionError e) {
            assumeTrue(false, "no loop device can be attached here: " + e.getMessage());
            return;
        }
        try {
            String[] majorMinor = sh("stat", "-c", "%t %T", loop).split(" ");
            Path disk = mknod("disk", "b", Integer.parseInt(majorMinor[0], 16), Integer.parseInt(majorMinor[1], 16));
            CliRun device = CliRun.of("inspect", disk.toString());
            CliRun file = CliRun.of("inspect", backing.toString());
            assertEquals(0, device.exit(), device.toString());
            // a device node's time says nothing of the bytes on the device: none is reported
            assertEquals(file.out().replace("File: " + backing, "File: " + disk).replaceFirst(", modified [^,]*", ""),
                    device.out());
            assertEquals(FileType.BLOCK_DEVICE, FileType.of(disk));
        } finally {
            sh("losetup", "--detach", loop);
        }
    }

    @Test
    void fifosAndLinksToThemAreWrittenAsStreams() throws Exception {
        Path in = Files.write(dir.resolve("in.qevm"), SAMPLE);
        Path regular = dir.resolve("regular.qevm");
        assertEquals(0, CliRun.of("repair", in.toString(), "-o", regular.toString()).exit());
        byte[] repaired = Files.readAllBytes(regular);
        Files.delete(regular);
        Path fifo = dir.resolve("fifo");
        sh("mkfifo", fifo.toString());
        Path link = Files.createSymbolicLink(dir.resolve("link"), fifo.getFileName());
        for (Path target : List.of(fifo, link)) {
            CompletableFuture<byte[]> reader = CompletableFuture.supplyAsync(() -> {
                try (InputStream s = Files.newInputStream(fifo)) {
                    return s.readAllBytes();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            CliRun r = CliRun.of("repair", in.toString(), "-o", target.toString());
            assertEquals(0, r.exit(), r.toString());
            assertArrayEquals(repaired, reader.get(20, TimeUnit.SECONDS));
            assertEquals("Result: written to " + target + " (7520 bytes)", r.out().lines().reduce((a, b) -> b)
                    .orElseThrow());
        }
        assertEquals(FileType.FIFO, FileType.of(fifo));
        assertEquals(List.of(fifo, in, link), listing());
    }

    @Test
    void socketsAndLinksToNothingAreRefusedInOneSentence() throws Exception {
        Path in = Files.write(dir.resolve("in.qevm"), SAMPLE);
        Path socket = dir.resolve("sock");
        Path dangling = Files.createSymbolicLink(dir.resolve("dangling"), Path.of("nowhere.qevm"));
        try (ServerSocketChannel ch = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.bind(UnixDomainSocketAddress.of(socket));
            String sock = socket + " is a socket, which cannot be written to; give a file name";
            String link = dangling + " is a symbolic link to the missing nowhere.qevm, which is not written through; "
                    + "give a file name";
            for (String[] c : new String[][] {{socket.toString(), sock}, {dangling.toString(), link}}) {
                CliRun r = CliRun.of("repair", in.toString(), "-o", c[0]);
                assertEquals(1, r.exit(), r.toString());
                assertEquals("savevm-inspector: repair refused: " + c[1] + NL, r.err());
                CliRun x = CliRun.of("extract", in.toString(), "-o", c[0]);
                assertEquals(1, x.exit(), x.toString());
                assertEquals("savevm-inspector: " + c[1] + NL, x.err());
            }
            assertEquals(FileType.SOCKET, FileType.of(socket));
        }
        assertEquals(List.of(dangling, in, socket), listing());
    }

    @Test
    void deviceNodesAsOutputAreWrittenAsStreamsOrRefusedNeverReplaced() throws Exception {
        assumeTrue(root(), "mknod needs root (CAP_MKNOD); running as " + System.getProperty("user.name"));
        Path in = Files.write(dir.resolve("in.qevm"), SAMPLE);
        Path nul = mknod("null", "c", 1, 3);
        Path full = mknod("full", "c", 1, 7);
        Path tty = mknod("tty", "c", 5, 0);
        Path block = mknod("block", "b", 7, 250);
        Path toBlock = Files.createSymbolicLink(dir.resolve("to-block"), block.getFileName());

        // the cases: both used to exit 0 and leave a regular file where the device node was
        CliRun toNull = CliRun.of("extract", in.toString(), "-o", nul.toString(), "--force");
        assertEquals(0, toNull.exit(), toNull.toString());
        assertEquals("wrote 7520 bytes (offset 0 of " + in + ") to " + nul + NL, toNull.out());
        assertEquals(0, CliRun.of("repair", in.toString(), "-o", nul.toString()).exit(), "no --force needed");
        for (String cmd : new String[] {"repair", "extract"}) {
            CliRun r = CliRun.of(cmd, in.toString(), "-o", full.toString(), "--force");
            assertEquals(2, r.exit(), r.toString());
            assertEquals("savevm-inspector: cannot write " + full + ": No space left on device (while writing); the "
                    + "output is incomplete" + NL, r.err());
        }
        String[][] refused = {
            {tty.toString(), tty + " is a terminal, which is not written binary data; give a file name or a pipe"},
            {block.toString(), block + " is a block device, which is never written to; give a file name"},
            {toBlock.toString(), toBlock + " is a block device, which is never written to; give a file name"}};
        for (String[] c : refused) {
            CliRun r = CliRun.of("repair", in.toString(), "-o", c[0], "--force");
            assertEquals(1, r.exit(), r.toString());
            assertEquals("savevm-inspector: repair refused: " + c[1] + NL, r.err());
            CliRun x = CliRun.of("extract", in.toString(), "-o", c[0], "--force");
            assertEquals(1, x.exit(), x.toString());
            assertEquals("savevm-inspector: " + c[1] + NL, x.err());
        }
        assertEquals(FileType.CHARACTER_DEVICE, FileType.of(nul));
        assertEquals(FileType.CHARACTER_DEVICE, FileType.of(full));
        assertEquals(FileType.TERMINAL, FileType.of(tty));
        assertEquals(FileType.BLOCK_DEVICE, FileType.of(block));
        assertEquals(List.of(block, full, in, nul, toBlock, tty), listing(), "nothing replaced, nothing left over");
    }
}
