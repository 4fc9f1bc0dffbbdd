package org.savevminspector.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.savevminspector.fixtures.FaultyStorage;

/**
 * Complete or absent: every failing step (no space while writing, a failing fsync, a read-only directory, a
 * failing rename, an exception from the content) leaves no temporary file and no partial output, the message
 * names the target, the step and the reason; successful writes get the umask's mode for new files and keep the
 * mode of a replaced file.
 */
class AtomicFileWriterTest {
    @TempDir
    Path dir;

    private static final byte[] DATA = bytes(200_000);

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 31 + 7);
        }
        return b;
    }

    private List<Path> listing() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    /** The process umask, read the way the JDK applies it: the mode a plain create gives a new file. */
    private Set<PosixFilePermission> defaultMode() throws IOException {
        Path probe = Files.createFile(dir.resolve("umask-probe"));
        Set<PosixFilePermission> mode = Files.getPosixFilePermissions(probe);
        Files.delete(probe);
        return mode;
    }

    @Test
    void writesAllBytesAndLeavesNoTemporaryFile() throws IOException {
        Path out = dir.resolve("out.qevm");
        AtomicFileWriter.standard().write(out, DATA);
        assertArrayEquals(DATA, Files.readAllBytes(out));
        assertEquals(List.of(out), listing());
    }

    @Test
    void aNewFileGetsTheUmasksModeNotTheTemporaryFilesPrivateOne() throws IOException {
        Set<PosixFilePermission> expected = defaultMode();
        Path out = dir.resolve("new.qevm");
        AtomicFileWriter.standard().write(out, DATA);
        assertEquals(PosixFilePermissions.toString(expected),
                PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
        // the umask of a build machine is 022 or 002: group can read, so 0600 would show here
        assertTrue(expected.contains(PosixFilePermission.GROUP_READ), "umask hides group read: " + expected);
    }

    @Test
    void aReplacedFileKeepsItsPermissions() throws IOException {
        Path out = Files.write(dir.resolve("chosen.qevm"), new byte[] {1, 2, 3});
        Set<PosixFilePermission> mode = PosixFilePermissions.fromString("rw-r-----");
        Files.setPosixFilePermissions(out, mode);
        AtomicFileWriter.standard().write(out, DATA);
        assertArrayEquals(DATA, Files.readAllBytes(out));
        assertEquals(mode, Files.getPosixFilePermissions(out));

        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxrwxr--"));
        AtomicFileWriter.standard().write(out, new byte[] {9});
        assertEquals("rwxrwxr--", PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
    }

    @Test
    void contentThatWrapsAWriterAndClosesTheStreamIsStillComplete() throws IOException {
        Path out = dir.resolve("report.json");
        AtomicFileWriter.standard().write(out, o -> {
            try (var w = new java.io.OutputStreamWriter(o, java.nio.charset.StandardCharsets.UTF_8)) {
                w.write("{\"ok\": true}\n");
            }
        });
        assertEquals("{\"ok\": true}\n", Files.readString(out));
    }

    // ---------------------------------------------------------------- failures

    @Test
    void aFullDiskLeavesNoPartialOutputAndSaysSo() throws IOException {
        Path out = dir.resolve("out.qevm");
        FileSystemException e = assertThrows(FileSystemException.class,
                () -> new AtomicFileWriter(FaultyStorage.diskFullAfter(70_000)).write(out, DATA));
        assertEquals(List.of(), listing(), "no output and no temporary file");
        assertEquals(out.toString(), e.getFile());
        assertTrue(e.getMessage().startsWith(out + ": No space left on device (while writing)"), e.getMessage());
        assertTrue(e.getMessage().endsWith("nothing was written"), e.getMessage());
    }

    @Test
    void aFullDiskWhenReplacingLeavesTheOldFileIntact() throws IOException {
        byte[] old = {1, 2, 3, 4};
        Path out = Files.write(dir.resolve("out.qevm"), old);
        FileSystemException e = assertThrows(FileSystemException.class,
                () -> new AtomicFileWriter(FaultyStorage.diskFullAfter(10)).write(out, DATA));
        assertArrayEquals(old, Files.readAllBytes(out));
        assertEquals(List.of(out), listing());
        assertTrue(e.getMessage().endsWith("the existing file was not changed"), e.getMessage());
    }

    @Test
    void aReadOnlyDirectorySaysSoAndLeavesNothing() throws IOException {
        // tests run as root in CI, where chmod cannot make a directory unwritable: the refusal is injected as the
        // kernel reports it (EACCES on the exclusive create in that directory)
        AtomicFileWriter w = new AtomicFileWriter(new AtomicFileWriter.Storage() {
            @Override
            public AtomicFileWriter.TempOutput create(Path tmp) throws IOException {
                throw new AccessDeniedException(tmp.toString());
            }

            @Override
            public void replace(Path tmp, Path target) {
                throw new AssertionError("no rename without a temporary file");
            }
        });
        Path out = dir.resolve("out.qevm");
        FileSystemException e = assertThrows(FileSystemException.class, () -> w.write(out, DATA));
        assertEquals(List.of(), listing());
        assertTrue(e.getMessage().contains(out.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("access denied (while creating a temporary file in " + dir + ")"),
                e.getMessage());
    }

    @Test
    void aFailingSyncLeavesNothing() throws IOException {
        AtomicFileWriter.Storage s = FaultyStorage.failingSync();
        Path out = dir.resolve("out.qevm");
        FileSystemException e = assertThrows(FileSystemException.class, () -> new AtomicFileWriter(s).write(out, DATA));
        assertEquals(List.of(), listing());
        assertTrue(e.getMessage().contains("Input/output error (while syncing to disk)"), e.getMessage());
    }

    @Test
    void aFailingRenameLeavesNothing() throws IOException {
        AtomicFileWriter.Storage s = new AtomicFileWriter.Storage() {
            @Override
            public AtomicFileWriter.TempOutput create(Path tmp) throws IOException {
                return AtomicFileWriter.STANDARD.create(tmp);
            }

            @Override
            public void replace(Path tmp, Path target) throws IOException {
                throw new FileSystemException(tmp.toString(), target.toString(), "Read-only file system");
            }
        };
        Path out = dir.resolve("out.qevm");
        FileSystemException e = assertThrows(FileSystemException.class, () -> new AtomicFileWriter(s).write(out, DATA));
        assertEquals(List.of(), listing());
        assertTrue(e.getMessage().contains("Read-only file system (while renaming the temporary file onto it)"),
                e.getMessage());
    }

    @Test
    void anExceptionFromTheContentPassesThroughAndLeavesNothing() throws IOException {
        Path out = dir.resolve("out.json");
        UncheckedIOException boom = new UncheckedIOException(new IOException("source went away"));
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> AtomicFileWriter.standard().write(out, o -> {
                    o.write(DATA);
                    throw boom;
                }));
        assertEquals(boom, e);
        assertEquals(List.of(), listing());
    }

    @Test
    void aMissingDirectoryIsNamed() {
        Path out = dir.resolve("no-such-dir").resolve("out.qevm");
        FileSystemException e = assertThrows(FileSystemException.class,
                () -> AtomicFileWriter.standard().write(out, DATA));
        assertTrue(e.getMessage().contains("the directory " + dir.resolve("no-such-dir") + " does not exist"),
                e.getMessage());
        assertFalse(Files.exists(out));
    }
}
