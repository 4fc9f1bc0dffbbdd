package org.savevminspector.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;

/**
 * A private temporary copy of an input that can be read only once (a pipe, a FIFO, standard input, a procfs
 * file): created exclusively with mode 0600 in one step ({@code O_CREAT|O_EXCL} with the mode, so no other user
 * can open it even for a moment), registered with {@link TempFiles} so that it never outlives the process, and
 * removed by {@link #close()}.
 */
public final class PrivateCopy implements Input {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final InputName name;
    private final Path original;
    private final Path file;
    private FileChannel writing;
    private long size;
    private boolean closed;

    private PrivateCopy(InputName name, Path original, Path file, FileChannel writing) {
        this.name = name;
        this.original = original;
        this.file = file;
        this.writing = writing;
    }

    /** Creates an empty copy in {@code dir}, for writing. */
    static PrivateCopy create(Path dir, InputName name, Path original) throws IOException {
        byte[] r = new byte[8];
        RANDOM.nextBytes(r);
        Path file = dir.resolve("savevm-inspector-" + HexFormat.of().formatHex(r) + ".spool");
        FileChannel ch = TempFiles.create(file, () -> FileChannel.open(file,
                Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))));
        return new PrivateCopy(name, original, file, ch);
    }

    /** Appends {@code buf}'s remaining bytes; a failure names the copy's directory (a full /tmp, say). */
    void write(ByteBuffer buf) throws IOException {
        try {
            while (buf.hasRemaining()) {
                size += writing.write(buf);
            }
        } catch (IOException e) {
            String why = e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : e.getMessage();
            FileSystemException f = new FileSystemException(name.shown(), null, why + " (while copying it to "
                    + file.getParent() + ")");
            f.initCause(e);
            throw f;
        }
    }

    /** The copy as a stream (unbuffered: wrap it); closing it does not end the copy. */
    OutputStream output() {
        return Channels.newOutputStream(new WritableByteChannel() {
            @Override
            public int write(ByteBuffer src) throws IOException {
                int n = src.remaining();
                PrivateCopy.this.write(src);
                return n;
            }

            @Override
            public boolean isOpen() {
                return writing != null;
            }

            @Override
            public void close() {
                // finish() ends the copy
            }
        });
    }

    /** Ends writing: the copy is complete and can be {@link #open() opened}. */
    PrivateCopy finish() throws IOException {
        writing.close();
        writing = null;
        return this;
    }

    @Override
    public InputName name() {
        return name;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public ByteSource open() throws IOException {
        if (writing != null || closed) {
            throw new IllegalStateException("the copy of " + name.shown() + " is "
                    + (closed ? "removed" : "unfinished"));
        }
        return MappedByteSource.open(file);
    }

    @Override
    public Path file() {
        return file;
    }

    @Override
    public Path original() {
        return original;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (writing != null) {
                writing.close();
            }
        } catch (IOException e) {
            // the copy goes anyway
        }
        try {
            TempFiles.delete(file);
        } catch (IOException e) {
            // the shutdown hook tries again; a stale private copy (mode 0600) is not worth failing a report for
        }
    }
}
