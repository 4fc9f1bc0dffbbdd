package org.savevminspector.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A read-only file seen through one memory-mapped window at a time, for walking multi-GiB save images: a read
 * of a 4-byte chunk id faults in one page of the file instead of copying a 64 KiB block, so a walk that hops
 * over page payloads touches only the pages holding headers. Memory stays bounded whatever the file size: one
 * window of {@value #WINDOW} bytes is mapped, and it is replaced when a read falls outside it.
 *
 * <p>Where mapping is not possible (a file system without mmap, a pipe-like file, address space exhausted) the
 * source falls back to positional {@link FileChannel} reads, once and for good. Not thread-safe.
 */
public final class MappedByteSource implements ByteSource {
    /** Window size: big enough that header hops rarely remap, small enough for a 32-bit-style address budget. */
    static final long WINDOW = 64L << 20;

    private final Path path;
    private final FileChannel channel;
    private final long size;
    private final long windowSize;
    private MappedByteBuffer window;
    private long windowStart = -1;
    private long windowEnd = -1;
    private boolean mappingFailed;

    private MappedByteSource(Path path, FileChannel channel, long size, long windowSize) {
        this.path = path;
        this.channel = channel;
        this.size = size;
        this.windowSize = windowSize;
    }

    public static MappedByteSource open(Path path) throws IOException {
        return open(path, WINDOW);
    }

    /** Opens {@code path} read-only with windows of {@code windowSize} bytes (tests use small windows). */
    public static MappedByteSource open(Path path, long windowSize) throws IOException {
        if (windowSize < 4096) {
            throw new IllegalArgumentException("window of " + windowSize + " bytes: at least 4096 expected");
        }
        FileChannel ch = FileChannel.open(path, StandardOpenOption.READ);
        try {
            return new MappedByteSource(path, ch, ch.size(), windowSize);
        } catch (RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    public Path path() {
        return path;
    }

    /** Whether reads now go through positional reads because mapping failed. */
    public boolean usesFallback() {
        return mappingFailed;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public int read(long pos, byte[] dst, int off, int len) {
        if (pos < 0 || pos >= size || len <= 0) {
            return 0;
        }
        int want = (int) Math.min(len, size - pos);
        int done = 0;
        while (done < want) {
            long p = pos + done;
            if (!mapped(p)) {
                return done + positional(p, dst, off + done, want - done);
            }
            int n = (int) Math.min(want - done, windowEnd - p);
            window.get((int) (p - windowStart), dst, off + done, n);
            done += n;
        }
        return done;
    }

    @Override
    public int u8(long pos) {
        if (pos < 0 || pos >= size) {
            throw new IndexOutOfBoundsException("offset " + pos + " is past the end of the data (" + size + " bytes)");
        }
        if (mapped(pos)) {
            return window.get((int) (pos - windowStart)) & 0xFF;
        }
        byte[] one = new byte[1];
        positional(pos, one, 0, 1);
        return one[0] & 0xFF;
    }

    // Multi-byte reads inside the window in one go: the parse and the loader read every header field this way.

    @Override
    public int be16(long pos) {
        if (pos >= windowStart && pos + 2 <= windowEnd) {
            return window.getShort((int) (pos - windowStart)) & 0xFFFF;
        }
        return ByteSource.super.be16(pos);
    }

    @Override
    public long be32(long pos) {
        if (pos >= windowStart && pos + 4 <= windowEnd) {
            return window.getInt((int) (pos - windowStart)) & 0xFFFFFFFFL;
        }
        return ByteSource.super.be32(pos);
    }

    @Override
    public long be64(long pos) {
        if (pos >= windowStart && pos + 8 <= windowEnd) {
            return window.getLong((int) (pos - windowStart));
        }
        return ByteSource.super.be64(pos);
    }

    @Override
    public long le32(long pos) {
        if (pos >= windowStart && pos + 4 <= windowEnd) {
            int i = (int) (pos - windowStart);
            return (window.get(i) & 0xFF) | (window.get(i + 1) & 0xFF) << 8 | (window.get(i + 2) & 0xFF) << 16
                    | (window.get(i + 3) & 0xFFL) << 24;
        }
        return ByteSource.super.le32(pos);
    }

    /** Makes {@code pos} part of the mapped window when mapping works; false means "use positional reads". */
    private boolean mapped(long pos) {
        if (pos >= windowStart && pos < windowEnd) {
            return true;
        }
        if (mappingFailed) {
            return false;
        }
        // windows start on a multiple of the window size so that neighbouring headers share one mapping
        long start = pos - pos % windowSize;
        long len = Math.min(windowSize, size - start);
        try {
            window = channel.map(FileChannel.MapMode.READ_ONLY, start, len);
            windowStart = start;
            windowEnd = start + len;
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            mappingFailed = true;
            window = null;
            windowStart = -1;
            windowEnd = -1;
            return false;
        }
    }

    private int positional(long pos, byte[] dst, int off, int len) {
        return ChannelReads.readAt(channel, path, pos, dst, off, len);
    }

    /** Positional reads of the same channel with a block cache per thread; valid until this source is closed. */
    @Override
    public ByteSource concurrent() {
        return ChannelReads.perThread(channel, path, size);
    }

    @Override
    public void close() {
        window = null;
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
