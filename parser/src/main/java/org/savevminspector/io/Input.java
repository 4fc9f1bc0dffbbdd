package org.savevminspector.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The bytes of one input, ready for random access however they arrived: a regular file or a block device read in
 * place, or a pipe, FIFO, standard input or procfs file read once into memory or into a private temporary copy.
 * Made by {@link InputOpener}; closing it removes a private copy.
 */
public interface Input extends AutoCloseable {

    /** The input as the user named it. */
    InputName name();

    /** Number of bytes. */
    long size();

    /** A new, independent, read-only source over the bytes (each thread opens its own); the caller closes it. */
    ByteSource open() throws IOException;

    /**
     * A file holding exactly these bytes, for code that reads by path (hashing, the viewer's panes): the input
     * itself when read in place, the private copy when spooled, {@code null} when the bytes are in memory.
     */
    Path file();

    /**
     * The file the user named, when there is one, for "never write onto the input" checks; {@code null} for
     * standard input and pipes without a name.
     */
    Path original();

    /** Removes a private copy; sources opened before stay readable until they are closed. Idempotent. */
    @Override
    void close();

    /**
     * What the bytes were read out of, from the stored file inwards (a compression, a virtual disk); empty for an
     * input read as it is.
     */
    default List<InputLayer> layers() {
        return List.of();
    }

    /** Bytes of the input as stored: these bytes' number, or the outermost layer's ({@link InputLayer#storedSize}). */
    default long storedSize() {
        return layers().isEmpty() ? size() : layers().get(0).storedSize();
    }

    /**
     * The stored file's last modification time: that of the file the user named when it is a regular file of
     * {@link #storedSize()} bytes, i.e. still what was read; {@code null} for standard input, a pipe or FIFO, a
     * device and a procfs file, whose times say nothing of the bytes read.
     */
    default Instant modified() {
        Path stored = original();
        if (stored == null || !Files.isRegularFile(stored)) {
            return null;
        }
        try {
            return Files.size(stored) == storedSize() ? Files.getLastModifiedTime(stored).toInstant() : null;
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * A new source over the input as stored, before decompression and around a virtual disk, for a hash of the
     * whole file: {@link #open()} when nothing was decoded (for a pipe, the copy of what arrived), else the file
     * the user named reopened; {@code null} when no file holds those bytes any more (a compressed pipe, whose
     * decompressed copy alone is kept). The caller closes it.
     */
    default ByteSource openStored() throws IOException {
        if (layers().isEmpty()) {
            return open();
        }
        Path stored = original();
        FileType type = stored == null ? null : FileType.of(stored);
        return type == FileType.REGULAR_FILE || type == FileType.BLOCK_DEVICE ? MappedByteSource.open(stored) : null;
    }

    /** The layer of {@code type} among {@link #layers()}, or {@code null}. */
    default <L extends InputLayer> L layer(Class<L> type) {
        for (InputLayer l : layers()) {
            if (type.isInstance(l)) {
                return type.cast(l);
            }
        }
        return null;
    }

    /** {@code bytes} read out of {@code layer}: the layers of {@code from} and then {@code layer}. */
    static Input layered(Input bytes, List<InputLayer> from, InputLayer layer) {
        List<InputLayer> all = new ArrayList<>(from);
        all.add(layer);
        return new Layered(bytes, List.copyOf(all));
    }

    /** An input whose bytes are another input's, with the layers they were read out of. */
    record Layered(Input bytes, List<InputLayer> layers) implements Input {
        @Override
        public InputName name() {
            return bytes.name();
        }

        @Override
        public long size() {
            return bytes.size();
        }

        @Override
        public ByteSource open() throws IOException {
            return bytes.open();
        }

        @Override
        public Path file() {
            return bytes.file();
        }

        @Override
        public Path original() {
            return bytes.original();
        }

        @Override
        public void close() {
            bytes.close();
        }
    }

    /**
     * How a regular file or block device read in place is opened: {@link #MAPPED} (memory-mapped windows, so that
     * hops over a multi-GiB image fault in only the pages they touch); a test wraps it to count what is read.
     */
    @FunctionalInterface
    interface InPlaceReader {
        InPlaceReader MAPPED = MappedByteSource::open;

        ByteSource open(Path file) throws IOException;
    }

    /** A regular file or block device read in place through {@code reader}. */
    record InPlace(InputName name, Path file, long size, InPlaceReader reader) implements Input {
        /** Memory-mapped windows. */
        public InPlace(InputName name, Path file, long size) {
            this(name, file, size, InPlaceReader.MAPPED);
        }

        @Override
        public ByteSource open() throws IOException {
            return reader.open(file);
        }

        @Override
        public Path original() {
            return file;
        }

        @Override
        public void close() {
            // the user's file stays as it is
        }
    }

    /** A small input read into memory. */
    record InMemory(InputName name, Path original, byte[] bytes) implements Input {
        @Override
        public long size() {
            return bytes.length;
        }

        @Override
        public ByteSource open() {
            return new ArrayByteSource(bytes);
        }

        @Override
        public Path file() {
            return null;
        }

        @Override
        public void close() {
            // nothing outside the heap
        }
    }
}
