package org.savevminspector.io;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Set;

/**
 * Writes a file so that it is complete or absent, never half-written: the bytes go to a temporary file in the
 * target's directory (so the final rename stays on one file system), are flushed and synced to disk
 * ({@link FileChannel#force}), and the temporary file is then renamed onto the target (atomically where the file
 * system can). On any failure the temporary file is removed, the target is left as it was, and the exception
 * names the target, the step that failed and the reason.
 *
 * <p>Mode of the result: when the target already exists (the user chose to replace it) it keeps that file's
 * permissions; a new file gets the default mode of the process (0666 minus the umask), as {@code cp} or an
 * editor would give it. ({@link Files#createTempFile} would give 0600, and a rename would carry that over.)
 *
 * <p>Every file this tool writes goes through here: the repaired copy, the JSON export, the recent-files list.
 * It never replaces anything that is not a regular file ({@link OutputTarget}): a symbolic link's target is
 * written (the link stays), standard output, a FIFO or a character device such as {@code /dev/null} is written to
 * directly as a stream ({@link StreamOutput}), and a directory, block device, socket or terminal is refused. An
 * encoded output (a compression) is decoded again and compared before the rename ({@link EncodedOutput}). The temporary file is
 * registered with {@link TempFiles}, so that an interrupted process removes it too.
 */
public final class AtomicFileWriter {

    /**
     * The bytes to write. The stream is buffered; a {@code Writer} wrapped around it must be flushed before
     * returning. Closing it is allowed but not needed: the writer syncs and closes the file afterwards.
     */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * A look at the complete, synced temporary file before it replaces anything (e.g. walking a written save
     * image again). What it throws passes through unchanged after the temporary file was removed.
     */
    @FunctionalInterface
    public interface Check {
        void verify(Path written) throws IOException;
    }

    /**
     * A transformation of every byte written, undone to verify the written file (a compression: the output is
     * named {@code fixed.qevm.gz}).
     */
    public interface Encoding {
        /** Encodes into {@code out}; closing the encoder ends the encoding (and closes {@code out}). */
        OutputStream encoder(OutputStream out) throws IOException;

        /** Decodes what {@link #encoder} wrote. */
        InputStream decoder(InputStream in) throws IOException;
    }

    /** The temporary file being written: a channel that can be synced to disk. */
    public interface TempOutput extends WritableByteChannel {
        /** Forces the written bytes (and metadata) to the storage device. */
        void force() throws IOException;
    }

    /**
     * The two file-system steps whose failures matter (a full disk, a read-only directory, a failing rename).
     * Tests substitute a failing one; {@link #STANDARD} is the real file system.
     */
    public interface Storage {
        /** Creates {@code tmp}, which must not exist yet, for writing; its mode is the process default. */
        TempOutput create(Path tmp) throws IOException;

        /** Renames {@code tmp} onto {@code target}, replacing it. */
        void replace(Path tmp, Path target) throws IOException;

        /** Opens a FIFO or character device for writing; never creates or truncates anything. */
        default WritableByteChannel openStream(Path stream) throws IOException {
            return FileChannel.open(stream, StandardOpenOption.WRITE);
        }

        /**
         * The process's standard output (never closed by the writer): its descriptor itself, not
         * {@code System.out}, whose {@code PrintStream} would swallow a failed write (a closed pipe, a full disk).
         */
        default WritableByteChannel standardOutput() {
            return Channels.newChannel(new FileOutputStream(FileDescriptor.out));
        }
    }

    /** The real file system: {@code O_CREAT|O_EXCL} creation and rename(2), atomic where supported. */
    public static final Storage STANDARD = new Storage() {
        @Override
        public TempOutput create(Path tmp) throws IOException {
            FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            return new ChannelOutput(ch);
        }

        @Override
        public void replace(Path tmp, Path target) throws IOException {
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                // some network and FUSE file systems: still one rename, just without the atomic guarantee
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    };

    static final int BUFFER = 64 * 1024;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final AtomicFileWriter STANDARD_WRITER = new AtomicFileWriter(STANDARD);

    private final Storage storage;
    private final Encoding encoding;

    public AtomicFileWriter(Storage storage) {
        this(storage, null);
    }

    private AtomicFileWriter(Storage storage, Encoding encoding) {
        this.storage = Objects.requireNonNull(storage, "storage");
        this.encoding = encoding;
    }

    /**
     * This writer, encoding what it writes with {@code e} ({@code null}: as is). Every file it writes is decoded
     * again before the rename and must give back exactly the bytes that were encoded (length and SHA-256); a
     * {@link Check} then looks at the decoded bytes, in a private temporary copy.
     */
    public AtomicFileWriter encoded(Encoding e) {
        return e == null ? this : new AtomicFileWriter(storage, e);
    }

    /** The writer on the real file system. */
    public static AtomicFileWriter standard() {
        return STANDARD_WRITER;
    }

    /** Writes {@code bytes} to {@code target} atomically. */
    public void write(Path target, byte[] bytes) throws IOException {
        write(target, out -> out.write(bytes));
    }

    /**
     * Writes what {@code content} produces to {@code target} atomically, replacing {@code target} if it exists
     * (callers decide whether replacing is allowed). The target is resolved first ({@link OutputTarget}): a
     * symbolic link's target is written, a FIFO or character device is written to as a stream, and anything else
     * that is not a regular file is refused, never replaced.
     *
     * @throws FileSystemException naming {@code target}, with a reason that says which step failed and why, and
     *                             that the target was not changed; other exceptions of {@code content} pass
     *                             through unchanged, also after the temporary file was removed
     */
    public void write(Path target, Content content) throws IOException {
        write(target, content, null);
    }

    /** As {@link #write(Path, Content)}, running {@code check} on the synced temporary file before the rename. */
    public void write(Path target, Content content, Check check) throws IOException {
        write(OutputTarget.of(target), content, check);
    }

    /**
     * Writes what {@code content} produces to {@code target}: a file atomically, with {@code check} run on the
     * synced temporary file before the rename; a stream directly, or — with a {@code check} — after the bytes
     * were written to a private temporary copy and checked there, so that a stream never carries bytes that fail
     * the check. {@code check} may be {@code null}.
     */
    public void write(OutputTarget target, Content content, Check check) throws IOException {
        if (encoding != null) {
            EncodedOutput encoded = new EncodedOutput(encoding);
            content = encoded.encode(content);
            check = encoded.decodeAndVerify(target, check);
        }
        switch (target.kind()) {
            case REFUSED:
                throw new FileSystemException(target.shown(), null, target.refusal());
            case STREAM:
            case STANDARD_OUTPUT:
                StreamOutput.write(storage, target, content, check);
                return;
            default:
                writeFile(target.path(), target.kind() == OutputTarget.Kind.REPLACE_FILE, content, check);
        }
    }

    private void writeFile(Path abs, boolean replacing, Content content, Check check) throws IOException {
        Path dir = abs.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw failure(abs, replacing, "the directory " + (dir == null ? "/" : dir) + " does not exist", null);
        }
        Set<PosixFilePermission> keep = replacing ? permissionsOf(abs) : null;
        Path tmp = dir.resolve(tempName(abs));
        String step = "creating a temporary file in " + dir;
        boolean created = false;
        try {
            try (TempOutput ch = TempFiles.create(tmp, () -> storage.create(tmp))) {
                created = true;
                step = "writing";
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(new Unclosable(ch)), BUFFER);
                content.writeTo(out);
                out.flush();
                step = "syncing to disk";
                ch.force();
                step = "closing the temporary file";
            }
            if (check != null) {
                try {
                    check.verify(tmp);
                } catch (IOException e) {
                    throw new CheckFailed(e);
                }
            }
            if (keep != null) {
                step = "copying the permissions of the file it replaces";
                Files.setPosixFilePermissions(tmp, keep);
            }
            step = "renaming the temporary file onto it";
            TempFiles.commit(tmp, () -> {
                storage.replace(tmp, abs);
                return null;
            });
            created = false;
        } catch (CheckFailed e) {
            removeTemp(tmp, created, e.getCause());
            throw (IOException) e.getCause();
        } catch (IOException e) {
            IOException f = failure(abs, replacing, reason(e) + " (while " + step + ")", e);
            removeTemp(tmp, created, f);
            throw f;
        } catch (RuntimeException | Error e) {
            removeTemp(tmp, created, e);
            throw e;
        }
        syncDirectory(dir);
    }

    /** Carries a {@link Check}'s own exception past the handler that words file-system failures. */
    private static final class CheckFailed extends RuntimeException {
        CheckFailed(IOException cause) {
            super(cause);
        }
    }

    private static IOException failure(Path target, boolean replacing, String reason, IOException cause) {
        String outcome = replacing ? "; the existing file was not changed" : "; nothing was written";
        FileSystemException f = new FileSystemException(target.toString(), null, reason + outcome);
        if (cause != null) {
            f.initCause(cause);
        }
        return f;
    }

    /** The operating system's words (e.g. {@code No space left on device}), without the path Java repeats. */
    static String reason(IOException e) {
        if (e instanceof FileAlreadyExistsException) {
            return "a temporary file of the same name exists";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        if (e instanceof FileSystemException) {
            return e.getClass().getSimpleName().replace("Exception", "").replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private static void removeTemp(Path tmp, boolean created, Throwable failure) {
        if (!created) {
            return;
        }
        try {
            TempFiles.delete(tmp);
        } catch (IOException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    /** {@code null} on file systems without POSIX permissions (nothing to keep there). */
    private static Set<PosixFilePermission> permissionsOf(Path p) throws IOException {
        try {
            return Files.getPosixFilePermissions(p);
        } catch (UnsupportedOperationException e) {
            return null;
        }
    }

    /**
     * {@code .NAME.<random>.tmp}: hidden, next to the target, unguessable (a planted file or symlink of that
     * name makes the exclusive create fail instead of writing through it), and short enough for NAME_MAX.
     */
    private static String tempName(Path target) {
        String name = target.getFileName().toString();
        if (name.length() > 200) {
            name = name.substring(0, 200);
        }
        byte[] r = new byte[6];
        RANDOM.nextBytes(r);
        return "." + name + "." + HexFormat.of().formatHex(r) + ".tmp";
    }

    /** Makes the rename itself durable; best effort (not every platform lets a directory be opened). */
    private static void syncDirectory(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | RuntimeException e) {
            // the data is synced and the rename done; only a crash in the next moments could undo the rename
        }
    }

    /** A real file channel. */
    private static final class ChannelOutput implements TempOutput {
        private final FileChannel ch;

        ChannelOutput(FileChannel ch) {
            this.ch = ch;
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            return ch.write(src);
        }

        @Override
        public void force() throws IOException {
            ch.force(true);
        }

        @Override
        public boolean isOpen() {
            return ch.isOpen();
        }

        @Override
        public void close() throws IOException {
            ch.close();
        }
    }
}
