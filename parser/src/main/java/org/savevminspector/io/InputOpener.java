package org.savevminspector.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * Turns an input as the user named it into bytes that can be read at random, the same way for every command and
 * the viewer:
 * <ol>
 *   <li>classify what the name resolves to ({@link FileType}; a symbolic-link loop is named as such);
 *   <li>read a regular file or a block device in place (read-only; a device's size is the device's);
 *       refuse, in one sentence, a directory, a socket and a character device (a terminal, {@code /dev/zero}:
 *       it may never end);
 *   <li>read anything that can be read only once or whose size cannot be trusted — standard input ({@code -}),
 *       a FIFO, a pipe such as {@code /dev/fd/63}, a procfs or sysfs file — exactly once into memory (small)
 *       or a {@link PrivateCopy} (mode 0600, removed on close and at exit), up to a cap;
 *   <li>hand the result to each {@link InputStep} in turn ({@link #STEPS}).
 * </ol>
 * An opener reads standard input at most once.
 */
public final class InputOpener {
    /** Default cap on a copied input: larger than any real save image, smaller than an endless pipe. */
    public static final long DEFAULT_MAX_COPY = 64L << 30;
    /** Copied inputs up to this size stay in memory (a QEVM stream is kilobytes to a few MiB). */
    public static final int DEFAULT_MEMORY_LIMIT = 16 << 20;

    /**
     * The stages after the bytes are readable, listed in {@code META-INF/services/org.savevminspector.io.InputStep}
     * and run in their {@link InputStep#order()}: decompression (gzip, xz, zstd, bzip2, by magic, into a private
     * copy through {@link InputStep.Context#copy}), then the view of a VHD's virtual disk. Found, not named, so
     * that the pipeline stands below the formats it undoes.
     */
    static final List<InputStep> STEPS = ServiceLoader.load(InputStep.class, InputStep.class.getClassLoader())
            .stream().map(ServiceLoader.Provider::get).sorted(Comparator.comparingInt(InputStep::order)).toList();

    /** Hears how many bytes of a copied input have been read so far (every few MiB). */
    @FunctionalInterface
    public interface ReadProgress {
        ReadProgress NONE = (name, bytes) -> { };

        void read(InputName name, long bytes);
    }

    /**
     * @param maxCopy     cap in bytes on an input that must be copied (regular files and devices are not copied)
     * @param memoryLimit copies up to this many bytes stay in memory; 0 = always a file (for code that reopens
     *                    the input by path)
     * @param tempDir     where private copies go
     * @param progress    progress of a copy
     * @param stdin       standard input
     * @param parents     the parents of a differencing virtual disk, nearest first (a parent that is itself a
     *                    differencing disk takes the next one)
     * @param reader      how a file read in place is opened ({@link Input.InPlaceReader#MAPPED})
     */
    public record Options(long maxCopy, int memoryLimit, Path tempDir, ReadProgress progress, InputStream stdin,
                          List<InputName> parents, Input.InPlaceReader reader) {
        public Options {
            Objects.requireNonNull(tempDir, "tempDir");
            Objects.requireNonNull(progress, "progress");
            Objects.requireNonNull(stdin, "stdin");
            Objects.requireNonNull(reader, "reader");
            parents = List.copyOf(parents);
        }

        /** Files read in place memory-mapped. */
        public Options(long maxCopy, int memoryLimit, Path tempDir, ReadProgress progress, InputStream stdin,
                       List<InputName> parents) {
            this(maxCopy, memoryLimit, tempDir, progress, stdin, parents, Input.InPlaceReader.MAPPED);
        }

        /** No parents for differencing disks. */
        public Options(long maxCopy, int memoryLimit, Path tempDir, ReadProgress progress, InputStream stdin) {
            this(maxCopy, memoryLimit, tempDir, progress, stdin, List.of());
        }

        /** The defaults: 64 GiB cap, 16 MiB in memory, {@code $TMPDIR} (else {@code java.io.tmpdir}), no progress. */
        public static Options defaults() {
            return new Options(DEFAULT_MAX_COPY, DEFAULT_MEMORY_LIMIT, defaultTempDir(), ReadProgress.NONE, System.in,
                    List.of());
        }

        public Options withMaxCopy(long bytes) {
            return new Options(bytes, memoryLimit, tempDir, progress, stdin, parents, reader);
        }

        public Options withMemoryLimit(int bytes) {
            return new Options(maxCopy, bytes, tempDir, progress, stdin, parents, reader);
        }

        public Options withProgress(ReadProgress p) {
            return new Options(maxCopy, memoryLimit, tempDir, p, stdin, parents, reader);
        }

        public Options withParents(List<InputName> p) {
            return new Options(maxCopy, memoryLimit, tempDir, progress, stdin, p, reader);
        }

        public Options withReader(Input.InPlaceReader r) {
            return new Options(maxCopy, memoryLimit, tempDir, progress, stdin, parents, r);
        }
    }

    private static final Path STDIN_FD = Path.of("/proc/self/fd/0");
    /** File systems whose files report a size that is not their content's (0 for procfs, 4096 for sysfs). */
    private static final Set<String> PSEUDO_FILE_SYSTEMS = Set.of("proc", "sysfs", "debugfs", "tracefs",
            "securityfs", "configfs", "cgroup", "cgroup2", "pstore", "bpf");

    private final Options options;
    private final List<InputStep> steps;
    private final Spooler spooler;
    private boolean stdinRead;

    public InputOpener(Options options) {
        this(options, STEPS);
    }

    InputOpener(Options options, List<InputStep> steps) {
        this.options = options;
        this.steps = List.copyOf(steps);
        this.spooler = new Spooler(options.maxCopy(), options.memoryLimit(), options.tempDir(), options.progress());
    }

    /**
     * Opens {@code name}; the caller closes the result.
     *
     * @throws IOException one whose reason ({@link FileSystemException#getReason()}, or the message) says in a
     *                     few words why it cannot be read: {@code no such file}, {@code too many levels of
     *                     symbolic links}, {@code it is a character device, not a save file}, …; an
     *                     {@link InputTooLargeException} past the cap
     */
    public Input open(InputName name) throws IOException {
        return open(name, 0);
    }

    /** Opens {@code name}, whose parent (if it is a differencing disk) is {@code parents[depth]}. */
    private Input open(InputName name, int depth) throws IOException {
        Input in = name.isStdin() ? standardInput(name) : named(name, name.path());
        try {
            InputStep.Context context = new InputStep.Context() {
                @Override
                public Input copy(Input from, ReadableByteChannel bytes) throws IOException {
                    return spooler.spool(from.name(), from.original(), bytes);
                }

                @Override
                public Input parent() throws IOException {
                    return depth < options.parents().size() ? open(options.parents().get(depth), depth + 1) : null;
                }
            };
            for (InputStep step : steps) {
                in = step.apply(in, context);
            }
            return in;
        } catch (IOException | RuntimeException | Error e) {
            in.close();
            throw e;
        }
    }

    private Input named(InputName name, Path p) throws IOException {
        FileType type = FileType.of(p);
        switch (type) {
            case REGULAR_FILE:
                if (!Files.isReadable(p)) {
                    throw new AccessDeniedException(name.shown());
                }
                long size = Files.size(p);
                return sizeIsTrue(p, size) ? new Input.InPlace(name, p, size, options.reader()) : copy(name, p);
            case BLOCK_DEVICE:
                try (ByteSource device = MappedByteSource.open(p)) {
                    return new Input.InPlace(name, p, device.size(), options.reader());
                }
            case FIFO:
                return copy(name, p);
            case DIRECTORY:
                throw refused(name, "it is a directory, not a file");
            default:
                throw refused(name, "it is " + type.words() + ", not a save file");
        }
    }

    private Input standardInput(InputName name) throws IOException {
        if (stdinRead) {
            throw refused(name, "standard input can be read only once");
        }
        stdinRead = true;
        FileType type;
        try {
            type = FileType.of(STDIN_FD);
        } catch (IOException e) {
            type = FileType.OTHER; // no procfs: all that is left is to read the stream
        }
        switch (type) {
            case REGULAR_FILE:
            case BLOCK_DEVICE:
                // redirected from a file: read it in place through the descriptor's link (its name stays "-"),
                // which reopens that very file whatever its path, and is the same file for "not onto the input"
                return named(name, STDIN_FD);
            case TERMINAL:
                throw refused(name, "standard input is a terminal; pipe or redirect a save file into it");
            case CHARACTER_DEVICE:
                throw refused(name, "standard input is a character device, not a save file");
            default:
                return spooler.spool(name, null, Channels.newChannel(options.stdin()));
        }
    }

    /** Reads {@code p} once, to its end, into memory or a private copy. */
    private Input copy(InputName name, Path p) throws IOException {
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ)) {
            return spooler.spool(name, p, ch);
        }
    }

    /** A regular file's size is its content's, except on procfs, sysfs and the like (0 and 4096 there). */
    private static boolean sizeIsTrue(Path p, long size) {
        if (size != 0 && size != 4096) {
            return true;
        }
        try {
            return !PSEUDO_FILE_SYSTEMS.contains(Files.getFileStore(p).type());
        } catch (IOException | RuntimeException e) {
            return true;
        }
    }

    private static FileSystemException refused(InputName name, String reason) {
        return new FileSystemException(name.shown(), null, reason);
    }

    /** {@code $TMPDIR} when it names a directory (as for mktemp and sort), else {@code java.io.tmpdir}. */
    static Path defaultTempDir() {
        String env = System.getenv("TMPDIR");
        if (env != null && !env.isBlank() && Files.isDirectory(Path.of(env))) {
            return Path.of(env);
        }
        return Path.of(System.getProperty("java.io.tmpdir"));
    }
}
