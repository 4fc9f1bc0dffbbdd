package org.savevminspector.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An output never replaces anything that is not a regular file: a symbolic link's target is written (the link
 * stays), a FIFO and a character device are written to as streams, the rest is refused in one sentence; a stream
 * never carries bytes that failed the writer's check.
 */
class OutputTargetTest {
    @TempDir
    Path dir;

    private static final byte[] DATA = "repaired bytes\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private List<Path> listing() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    private Path mknod(String name, String type, int major, int minor) throws Exception {
        Path p = dir.resolve(name);
        Process pr = new ProcessBuilder("mknod", p.toString(), type, Integer.toString(major), Integer.toString(minor))
                .redirectErrorStream(true).start();
        assertEquals(0, pr.waitFor(), new String(pr.getInputStream().readAllBytes()));
        return p;
    }

    @Test
    void aNewFileARegularFileAndALinkToOne() throws IOException {
        Path fresh = dir.resolve("new.qevm");
        assertEquals(OutputTarget.Kind.NEW_FILE, OutputTarget.of(fresh).kind());
        Path real = Files.write(dir.resolve("real.qevm"), new byte[] {1});
        Path link = Files.createSymbolicLink(dir.resolve("link.qevm"), real.getFileName());
        OutputTarget t = OutputTarget.of(link);
        assertEquals(OutputTarget.Kind.REPLACE_FILE, t.kind());
        assertEquals(real.toRealPath(), t.path());
        assertEquals(link.toString(), t.shown());

        AtomicFileWriter.standard().write(link, DATA);
        assertTrue(Files.isSymbolicLink(link), "the link stays a link");
        assertArrayEquals(DATA, Files.readAllBytes(real), "its target got the bytes");
        assertEquals(List.of(link, real), listing(), "no temporary file left");
    }

    @Test
    void refusalsAreOneSentenceAndNothingIsReplaced() throws Exception {
        Path sub = Files.createDirectory(dir.resolve("sub"));
        assertEquals(sub + " is a directory; give a file name", OutputTarget.of(sub).refusal());
        Path dangling = Files.createSymbolicLink(dir.resolve("dangling"), Path.of("missing.qevm"));
        assertEquals(dangling + " is a symbolic link to the missing missing.qevm, which is not written through; "
                + "give a file name", OutputTarget.of(dangling).refusal());
        Path a = Files.createSymbolicLink(dir.resolve("a"), Path.of("b"));
        Files.createSymbolicLink(dir.resolve("b"), Path.of("a"));
        assertEquals(a + ": too many levels of symbolic links", OutputTarget.of(a).refusal());
        Path socket = dir.resolve("sock");
        try (ServerSocketChannel ch = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.bind(UnixDomainSocketAddress.of(socket));
            OutputTarget t = OutputTarget.of(socket);
            assertEquals(socket + " is a socket, which cannot be written to; give a file name", t.refusal());
            FileSystemException e = assertThrows(FileSystemException.class,
                    () -> AtomicFileWriter.standard().write(socket, DATA));
            assertEquals(t.refusal(), e.getReason());
            assertEquals(FileType.SOCKET, FileType.of(socket), "still a socket");
        }
        assertEquals(List.of(a, dir.resolve("b"), dangling, socket, sub), listing(), "the socket is still the socket");
    }

    @Test
    void aFifoIsWrittenAsAStream() throws Exception {
        Path fifo = dir.resolve("fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        assertEquals(OutputTarget.Kind.STREAM, OutputTarget.of(fifo).kind());
        CompletableFuture<byte[]> reader = CompletableFuture.supplyAsync(() -> {
            try (InputStream in = Files.newInputStream(fifo)) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        AtomicFileWriter.standard().write(fifo, DATA);
        assertArrayEquals(DATA, reader.get(20, TimeUnit.SECONDS));
        assertEquals(FileType.FIFO, FileType.of(fifo));
        assertEquals(List.of(fifo), listing());
    }

    @Test
    void aStreamGetsNothingThatFailedTheCheck() throws Exception {
        Path fifo = dir.resolve("fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        IOException refused = new IOException("the written image does not parse");
        IOException e = assertThrows(IOException.class, () -> AtomicFileWriter.standard().write(
                OutputTarget.of(fifo), o -> o.write(DATA), written -> {
                    assertArrayEquals(DATA, Files.readAllBytes(written));
                    assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                            Files.getPosixFilePermissions(written)), "the checked copy is private");
                    throw refused;
                }));
        assertEquals(refused, e, "the check's own exception, before the FIFO was even opened");
        assertEquals(List.of(fifo), listing());
    }

    @Test
    void deviceNodesMadeWithMknodAreNeverReplaced() throws Exception {
        assumeTrue(root(), "mknod needs root (CAP_MKNOD); running as " + System.getProperty("user.name"));
        Path nul = mknod("null", "c", 1, 3);
        Path full = mknod("full", "c", 1, 7);
        Path tty = mknod("tty", "c", 5, 0);
        Path block = mknod("block", "b", 7, 200);

        assertEquals(OutputTarget.Kind.STREAM, OutputTarget.of(nul).kind());
        AtomicFileWriter.standard().write(nul, DATA);

        FileSystemException noSpace = assertThrows(FileSystemException.class,
                () -> AtomicFileWriter.standard().write(full, DATA));
        assertEquals("No space left on device (while writing); the output is incomplete", noSpace.getReason());

        assertEquals(tty + " is a terminal, which is not written binary data; give a file name or a pipe",
                OutputTarget.of(tty).refusal());
        assertEquals(block + " is a block device, which is never written to; give a file name",
                OutputTarget.of(block).refusal());
        Path linkToBlock = Files.createSymbolicLink(dir.resolve("disk"), block.getFileName());
        assertEquals(linkToBlock + " is a block device, which is never written to; give a file name",
                OutputTarget.of(linkToBlock).refusal(), "a link is followed, then the same rule");
        assertThrows(FileSystemException.class, () -> AtomicFileWriter.standard().write(block, DATA));

        assertEquals(FileType.CHARACTER_DEVICE, FileType.of(nul));
        assertEquals(FileType.CHARACTER_DEVICE, FileType.of(full));
        assertEquals(FileType.TERMINAL, FileType.of(tty));
        assertEquals(FileType.BLOCK_DEVICE, FileType.of(block));
        assertEquals(List.of(block, linkToBlock, full, nul, tty), listing(), "nothing added, nothing replaced");
    }

    @Test
    void standardOutputIsAStreamUnlessItIsATerminal() throws IOException {
        OutputTarget t = OutputTarget.standardOutput();
        assertEquals("-", t.shown());
        assertNull(t.path());
        boolean terminal = FileType.of(Path.of("/proc/self/fd/1")) == FileType.TERMINAL;
        assertEquals(terminal ? OutputTarget.Kind.REFUSED : OutputTarget.Kind.STANDARD_OUTPUT, t.kind());
    }
}
