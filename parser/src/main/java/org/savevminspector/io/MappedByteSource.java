package org.savevminspector.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * A read-only file seen through memory-mapped windows, for walking multi-GiB save images: a read of a 4-byte chunk
 * id faults in one page of the file instead of copying a 64 KiB block, so a walk that hops over page payloads
 * touches only the pages holding headers. Memory stays bounded whatever the file size: at most {@value #WINDOWS}
 * windows of {@value #WINDOW} bytes are mapped, and a read outside them replaces the oldest. A window is kept
 * rather than remapped because Java unmaps a window only when the collector finds it unreachable: the passes of
 * {@code check --all-loaders} over a 100 MB stream, each remapping the file, held ten mappings of it at once
 * (853,084 KiB resident under {@code -Xmx256m}); a file of up to {@value #WINDOWS} windows is now mapped once.
 *
 * <p>A file of at most {@value #SMALL} bytes is read into the heap once instead: mapping it costs a system call, a
 * fault per page and a mapping that outlives the source until a collection, for what one read brings in.
 *
 * <p>Where mapping is not possible (a file system without mmap, a pipe-like file, address space exhausted) the
 * source falls back to positional {@link FileChannel} reads, once and for good. Not thread-safe.
 */
public final class MappedByteSource implements ByteSource {
    /** Window size: big enough that header hops rarely remap, small enough for a 32-bit-style address budget. */
    static final long WINDOW = 64L << 20;
    /** Windows kept mapped: a stream of up to 256 MiB is mapped once however many passes read it. */
    static final int WINDOWS = 4;
    /** Files up to this size are read into the heap by {@link #open(Path)}. */
    static final int SMALL = 1 << 20;

    private final Path path;
    private final FileChannel channel;
    private final long size;
    private final long windowSize;
    /** The window reads come from: one of {@link #kept}, or the heap copy of a small file. */
    private ByteBuffer window;
    private long windowStart = -1;
    private long windowEnd = -1;
    private final MappedByteBuffer[] kept = new MappedByteBuffer[WINDOWS];
    private final long[] keptStart = new long[WINDOWS];
    private int oldest;
    private int mappings;
    private boolean mappingFailed;

    private MappedByteSource(Path path, FileChannel channel, long size, long windowSize) {
        this.path = path;
        this.channel = channel;
        this.size = size;
        this.windowSize = windowSize;
        Arrays.fill(keptStart, -1);
    }

    public static MappedByteSource open(Path path) throws IOException {
        return open(path, WINDOW, SMALL);
    }

    /** Opens {@code path} read-only, always mapped, with windows of {@code windowSize} bytes (tests use small ones). */
    public static MappedByteSource open(Path path, long windowSize) throws IOException {
        return open(path, windowSize, -1);
    }

    private static MappedByteSource open(Path path, long windowSize, long small) throws IOException {
        if (windowSize < 4096) {
            throw new IllegalArgumentException("window of " + windowSize + " bytes: at least 4096 expected");
        }
        FileChannel ch = FileChannel.open(path, StandardOpenOption.READ);
        try {
            long size = ch.size();
            if (size <= small) {
                return inHeap(path, ch, size);
            }
            return new MappedByteSource(path, ch, size, windowSize);
        } catch (UncheckedIOException e) {
            ch.close();
            throw e.getCause();
        } catch (RuntimeException | IOException e) {
            ch.close();
            throw e;
        }
    }

    /** A small file read whole: its one window is a heap buffer, of the bytes that were there to read. */
    private static MappedByteSource inHeap(Path path, FileChannel ch, long size) {
        byte[] all = new byte[(int) size];
        int n = ChannelReads.readAt(ch, path, 0, all, 0, all.length);
        MappedByteSource m = new MappedByteSource(path, ch, n, Math.max(n, 1));
        m.window = ByteBuffer.wrap(all, 0, n).slice();
        m.windowStart = 0;
        m.windowEnd = n;
        return m;
    }

    public Path path() {
        return path;
    }

    /** How many windows were mapped so far (a test's view of what the kept windows save). */
    int mappings() {
        return mappings;
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
        if (pos < 0 || pos >= size) {
            return false;
        }
        // windows start on a multiple of the window size so that neighbouring headers share one mapping
        long start = pos - pos % windowSize;
        long len = Math.min(windowSize, size - start);
        int slot = keptSlot(start);
        if (slot < 0) {
            try {
                slot = oldest;
                kept[slot] = channel.map(FileChannel.MapMode.READ_ONLY, start, len);
                keptStart[slot] = start;
                mappings++;
                oldest = (oldest + 1) % WINDOWS;
            } catch (IOException | UnsupportedOperationException e) {
                mappingFailed = true;
                Arrays.fill(kept, null);
                window = null;
                windowStart = -1;
                windowEnd = -1;
                return false;
            }
        }
        window = kept[slot];
        windowStart = start;
        windowEnd = start + len;
        return true;
    }

    private int keptSlot(long start) {
        for (int i = 0; i < WINDOWS; i++) {
            if (keptStart[i] == start && kept[i] != null) {
                return i;
            }
        }
        return -1;
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
        Arrays.fill(kept, null);
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
