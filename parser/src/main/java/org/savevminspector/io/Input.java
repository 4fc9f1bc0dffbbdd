package org.savevminspector.io;

import java.io.IOException;
import java.nio.file.Path;
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

    /** A regular file or block device read in place (memory-mapped windows, positional reads). */
    record InPlace(InputName name, Path file, long size) implements Input {
        @Override
        public ByteSource open() throws IOException {
            return MappedByteSource.open(file);
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
