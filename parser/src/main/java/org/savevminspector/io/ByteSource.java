package org.savevminspector.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Random access to the bytes of one file, addressed by {@code long} offsets so that multi-gigabyte save images
 * work the same as a 7 KB QEVM stream. Implementations never require the whole file in memory.
 *
 * <p>Reads past {@link #size()} are the caller's business: the parser checks bounds itself so that it can say
 * <em>where</em> the data ran out, and the loader simulation reads through a {@link ZeroExtendedSource} that
 * mimics qemu's zero-filling {@code qemu_get_byte}.
 */
public interface ByteSource extends AutoCloseable {

    /** Number of bytes available. */
    long size();

    /**
     * Copies up to {@code len} bytes starting at {@code pos} into {@code dst}. Returns how many were copied:
     * fewer than {@code len} only at the end of the data, 0 when {@code pos >= size()}.
     *
     * @throws java.io.UncheckedIOException when the underlying file cannot be read
     */
    int read(long pos, byte[] dst, int off, int len);

    /**
     * The first offset at or after {@code pos} whose byte may be other than zero ({@link #size()} when none): a
     * sparse source, such as a VHD's virtual disk with unallocated blocks, lets a byte scan leap over what it does
     * not hold. A hostile 2 KB VHD may claim a disk of terabytes; only its allocated blocks cost time to scan. The
     * default: every byte may be data.
     */
    default long nextData(long pos) {
        return pos;
    }

    /** Unsigned byte at {@code pos}; the caller guarantees {@code pos < size()}. */
    default int u8(long pos) {
        byte[] one = new byte[1];
        if (read(pos, one, 0, 1) != 1) {
            throw new IndexOutOfBoundsException("offset " + pos + " is past the end of the data (" + size() + " bytes)");
        }
        return one[0] & 0xFF;
    }

    default int be16(long pos) {
        return (u8(pos) << 8) | u8(pos + 1);
    }

    default long be32(long pos) {
        return ((long) be16(pos) << 16) | be16(pos + 2);
    }

    default long be64(long pos) {
        return (be32(pos) << 32) | be32(pos + 4);
    }

    default int le16(long pos) {
        return u8(pos) | (u8(pos + 1) << 8);
    }

    default long le32(long pos) {
        return le16(pos) | ((long) le16(pos + 2) << 16);
    }

    /** Copies {@code len} bytes at {@code pos}; shorter when the data ends first. */
    default byte[] bytes(long pos, int len) {
        long avail = Math.max(0, Math.min(len, size() - pos));
        byte[] out = new byte[(int) avail];
        int done = 0;
        while (done < out.length) {
            int n = read(pos + done, out, done, out.length - done);
            if (n <= 0) {
                break;
            }
            done += n;
        }
        return done == out.length ? out : Arrays.copyOf(out, done);
    }

    /** Whether {@code [pos, pos + len)} lies entirely inside the data. */
    default boolean has(long pos, long len) {
        return pos >= 0 && len >= 0 && pos + len <= size();
    }

    @Override
    default void close() {
        // in-memory sources hold nothing
    }

    /**
     * The same bytes for any number of threads at once, valid while this source is open: what an inspection keeps
     * to decode fields on demand (the FX thread and a worker may both ask). Reading this source directly meanwhile
     * stays the caller's business as before. The default serialises every read of the view on it; sources whose
     * reads are thread-safe return themselves, file-backed ones give each thread its own block cache.
     */
    default ByteSource concurrent() {
        return new SynchronizedByteSource(this);
    }

    static ByteSource of(byte[] data) {
        return new ArrayByteSource(data);
    }

    /** Opens a file read-only; the file is never opened for writing. */
    static ByteSource open(Path path) throws IOException {
        return FileByteSource.open(path);
    }
}
