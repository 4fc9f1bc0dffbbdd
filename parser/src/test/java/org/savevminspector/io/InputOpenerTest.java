package org.savevminspector.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The input layer on every kind of input it can be given: read in place (regular file), read once into memory or
 * a private copy (a FIFO fed by another process, standard input, procfs), refused in one sentence (character
 * devices, directories, sockets, link loops), capped, and extended by pipeline steps.
 */
class InputOpenerTest {
    @TempDir
    Path dir;

    private static final byte[] DATA = bytes(300_000);

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        new Random(13).nextBytes(b);
        return b;
    }

    private InputOpener opener(int memoryLimit, long cap, InputStream stdin, List<Long> progress) {
        return new InputOpener(new InputOpener.Options(cap, memoryLimit, dir.resolve("tmp"),
                (name, n) -> progress.add(n), stdin));
    }

    private InputOpener opener(int memoryLimit) throws IOException {
        Files.createDirectories(dir.resolve("tmp"));
        return opener(memoryLimit, InputOpener.DEFAULT_MAX_COPY, InputStream.nullInputStream(), new ArrayList<>());
    }

    private static byte[] read(Input in) throws IOException {
        try (ByteSource s = in.open()) {
            return s.bytes(0, (int) s.size());
        }
    }

    private List<Path> tmp() throws IOException {
        try (Stream<Path> s = Files.list(dir.resolve("tmp"))) {
            return s.toList();
        }
    }

    private static String reason(IOException e) {
        return e instanceof FileSystemException f ? f.getReason() : e.getMessage();
    }

    @Test
    void aRegularFileIsReadInPlace() throws IOException {
        Path f = Files.write(dir.resolve("guest.qevm"), DATA);
        try (Input in = opener(0).open(InputName.of(f))) {
            assertInstanceOf(Input.InPlace.class, in);
            assertEquals(f, in.file());
            assertEquals(f, in.original());
            assertEquals(DATA.length, in.size());
            assertArrayEquals(DATA, read(in));
        }
        assertEquals(List.of(), tmp());
    }

    @Test
    void aFifoFedByAnotherProcessIsReadOnceIntoAPrivateCopyRemovedOnClose() throws Exception {
        Path src = Files.write(dir.resolve("src.bin"), DATA);
        Path fifo = dir.resolve("fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        Process writer = new ProcessBuilder("sh", "-c", "cat \"$0\" > \"$1\"", src.toString(), fifo.toString()).start();
        List<Long> progress = new ArrayList<>();
        Files.createDirectories(dir.resolve("tmp"));
        InputOpener o = opener(1000, InputOpener.DEFAULT_MAX_COPY, InputStream.nullInputStream(), progress);
        Input in = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> o.open(InputName.of(fifo)));
        assertEquals(0, writer.waitFor());
        try (in) {
            assertInstanceOf(PrivateCopy.class, in);
            assertEquals(DATA.length, in.size());
            assertArrayEquals(DATA, read(in));
            assertArrayEquals(DATA, read(in), "read again: the copy, not the FIFO");
            assertEquals(fifo, in.original());
            assertEquals(List.of(in.file()), tmp());
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(in.file())));
            assertEquals(List.of(in.file()), TempFiles.live().stream().filter(p -> p.equals(in.file())).toList());
        }
        assertEquals(List.of(), tmp(), "the copy is removed on close");
        assertEquals(List.of(), progress, "no progress line for 300 KB");
    }

    @Test
    void standardInputFromAPipeIsReadOnceAndOnlyOnce() throws IOException {
        FileType fd0 = FileType.of(Path.of("/proc/self/fd/0"));
        assumeTrue(fd0 == FileType.FIFO || fd0 == FileType.SOCKET, "the test JVM's standard input is " + fd0.words()
                + ", not a pipe: the opener would not read the stream given here (the CLI tests pipe into a child)");
        InputOpener o = opener(1 << 20, InputOpener.DEFAULT_MAX_COPY, new ByteArrayInputStream(DATA),
                new ArrayList<>());
        try (Input in = o.open(new InputName("-", null))) {
            assertEquals("-", in.name().shown());
            assertNull(in.original());
            assertArrayEquals(DATA, read(in));
        }
        IOException again = assertThrows(IOException.class, () -> o.open(new InputName("-", null)));
        assertEquals("standard input can be read only once", reason(again));
    }

    @Test
    void aCopyOverTheMemoryLimitGoesToAPrivateFile() throws IOException {
        Files.createDirectories(dir.resolve("tmp"));
        Spooler s = new Spooler(InputOpener.DEFAULT_MAX_COPY, 1000, dir.resolve("tmp"), InputOpener.ReadProgress.NONE);
        try (Input small = s.spool(new InputName("-", null), null, java.nio.channels.Channels.newChannel(
                new ByteArrayInputStream(DATA, 0, 1000)))) {
            assertInstanceOf(Input.InMemory.class, small);
            assertEquals(1000, small.size());
            assertNull(small.file());
        }
        try (Input big = s.spool(new InputName("-", null), null, java.nio.channels.Channels.newChannel(
                new ByteArrayInputStream(DATA, 0, 1001)))) {
            assertInstanceOf(PrivateCopy.class, big);
            assertEquals(1001, big.size());
            assertArrayEquals(java.util.Arrays.copyOf(DATA, 1001), read(big));
        }
        Spooler always = new Spooler(InputOpener.DEFAULT_MAX_COPY, 0, dir.resolve("tmp"),
                InputOpener.ReadProgress.NONE);
        try (Input empty = always.spool(new InputName("-", null), null, java.nio.channels.Channels.newChannel(
                InputStream.nullInputStream()))) {
            assertInstanceOf(PrivateCopy.class, empty, "memory limit 0: a file, even for nothing");
            assertEquals(0, Files.size(empty.file()));
        }
        assertEquals(List.of(), tmp());
    }

    @Test
    void anInputPastTheCapIsRefusedAndItsPartialCopyRemoved() throws IOException {
        Files.createDirectories(dir.resolve("tmp"));
        List<Long> progress = new ArrayList<>();
        Spooler s = new Spooler(200_000, 1000, dir.resolve("tmp"), (n, b) -> progress.add(b));
        InputTooLargeException e = assertThrows(InputTooLargeException.class, () -> s.spool(
                new InputName("-", null), null, java.nio.channels.Channels.newChannel(new ByteArrayInputStream(DATA))));
        assertEquals(200_000, e.cap());
        assertEquals("- is longer than 200000 bytes, the cap on inputs read from a stream", e.getMessage());
        assertEquals(List.of(), tmp());
        assertEquals(List.of(), progress);
    }

    @Test
    void progressIsReportedEverySixteenMebibytes() throws IOException {
        Files.createDirectories(dir.resolve("tmp"));
        List<Long> progress = new ArrayList<>();
        Spooler s = new Spooler(InputOpener.DEFAULT_MAX_COPY, 1 << 20, dir.resolve("tmp"), (n, b) -> progress.add(b));
        long size = 3 * Spooler.PROGRESS_STEP + 5;
        InputStream zeros = new InputStream() {
            long left = size;

            @Override
            public int read() {
                return left-- > 0 ? 0 : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + n, (byte) 0);
                left -= n;
                return n;
            }
        };
        try (Input in = s.spool(new InputName("-", null), null, java.nio.channels.Channels.newChannel(zeros))) {
            assertEquals(size, in.size());
        }
        assertEquals(List.of(Spooler.PROGRESS_STEP, 2 * Spooler.PROGRESS_STEP, 3 * Spooler.PROGRESS_STEP), progress);
    }

    @Test
    void procfsFilesAreReadForWhatTheyHoldNotTheirSizeOfZero() throws IOException {
        Path cmdline = Path.of("/proc/self/cmdline");
        byte[] expected = Files.readAllBytes(cmdline);
        try (Input in = opener(1 << 20).open(InputName.of(cmdline))) {
            assertEquals(0, Files.size(cmdline), "procfs says 0 bytes");
            assertEquals(expected.length, in.size());
            assertArrayEquals(expected, read(in));
        }
    }

    @Test
    void characterDevicesSocketsAndDirectoriesAreRefusedInOneSentence() throws Exception {
        InputOpener o = opener(0);
        for (String dev : new String[] {"/dev/zero", "/dev/urandom", "/dev/null"}) {
            IOException e = assertTimeoutPreemptively(Duration.ofSeconds(5),
                    () -> assertThrows(IOException.class, () -> o.open(InputName.of(Path.of(dev)))));
            assertEquals("it is a character device, not a save file", reason(e), dev);
        }
        assertEquals("it is a directory, not a file",
                reason(assertThrows(IOException.class, () -> o.open(InputName.of(dir)))));
        Path socket = dir.resolve("sock");
        try (var ch = java.nio.channels.ServerSocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
            ch.bind(java.net.UnixDomainSocketAddress.of(socket));
            assertEquals("it is a socket, not a save file",
                    reason(assertThrows(IOException.class, () -> o.open(InputName.of(socket)))));
        }
    }

    @Test
    void aSymbolicLinkLoopIsNamedAsSuch() throws IOException {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        Files.createSymbolicLink(a, b);
        Files.createSymbolicLink(b, a);
        IOException e = assertThrows(IOException.class, () -> opener(0).open(InputName.of(a)));
        assertEquals("too many levels of symbolic links", reason(e));
        assertInstanceOf(NoSuchFileException.class,
                assertThrows(IOException.class, () -> opener(0).open(InputName.of(dir.resolve("none")))));
    }

    @Test
    void stepsRunInOrderAndOwnTheInputTheyReplace() throws IOException {
        Path f = Files.write(dir.resolve("guest.qevm.gz"), DATA);
        List<String> seen = new ArrayList<>();
        InputStep untouched = (in, ctx) -> {
            seen.add("first " + in.getClass().getSimpleName());
            return in;
        };
        // stands for decompression: the bytes become a copy of other bytes, under the same name and original
        InputStep replace = (in, ctx) -> {
            seen.add("second " + in.getClass().getSimpleName());
            Input copy = ctx.copy(in, java.nio.channels.Channels.newChannel(new ByteArrayInputStream(DATA, 0, 10)));
            in.close();
            return copy;
        };
        Files.createDirectories(dir.resolve("tmp"));
        InputOpener o = new InputOpener(new InputOpener.Options(InputOpener.DEFAULT_MAX_COPY, 0, dir.resolve("tmp"),
                InputOpener.ReadProgress.NONE, InputStream.nullInputStream()), List.of(untouched, replace));
        try (Input in = o.open(InputName.of(f))) {
            assertEquals(List.of("first InPlace", "second InPlace"), seen);
            assertEquals(10, in.size());
            assertEquals(f.toString(), in.name().shown());
            assertSame(f, in.original());
        }
        assertEquals(List.of(), tmp());
        assertEquals(List.of(org.savevminspector.io.compress.Decompression.class,
                org.savevminspector.io.vhd.VhdView.class), InputOpener.STEPS.stream().map(Object::getClass).toList(),
                "decompression, then the VHD view (issue 17)");
    }
}
