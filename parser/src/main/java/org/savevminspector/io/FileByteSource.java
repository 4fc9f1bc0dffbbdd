package org.savevminspector.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A read-only {@link FileChannel} with a small block cache. Positional reads keep memory flat whatever the file
 * size (the hex pane scrolls over multi-GiB images through this class); the cache makes the parser's many
 * small big-endian reads cheap. Not thread-safe: the GUI gives each thread its own instance.
 */
public final class FileByteSource implements ByteSource {
    private static final int BLOCK = 64 * 1024;

    private final Path path;
    private final FileChannel channel;
    private final long size;
    private final byte[] block = new byte[BLOCK];
    private long blockStart = -1;
    private int blockLen;

    private FileByteSource(Path path, FileChannel channel, long size) {
        this.path = path;
        this.channel = channel;
        this.size = size;
    }

    public static FileByteSource open(Path path) throws IOException {
        FileChannel ch = FileChannel.open(path, StandardOpenOption.READ);
        try {
            return new FileByteSource(path, ch, ch.size());
        } catch (RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    public Path path() {
        return path;
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
        if (want > BLOCK) {
            return readDirect(pos, dst, off, want);
        }
        int done = 0;
        while (done < want) {
            long p = pos + done;
            if (p < blockStart || p >= blockStart + blockLen) {
                fill(p - (p % BLOCK));
            }
            int inBlock = (int) (p - blockStart);
            int n = Math.min(want - done, blockLen - inBlock);
            if (n <= 0) {
                break;
            }
            System.arraycopy(block, inBlock, dst, off + done, n);
            done += n;
        }
        return done;
    }

    @Override
    public int u8(long pos) {
        if (pos < 0 || pos >= size) {
            throw new IndexOutOfBoundsException("offset " + pos + " is past the end of the data (" + size + " bytes)");
        }
        if (pos < blockStart || pos >= blockStart + blockLen) {
            fill(pos - (pos % BLOCK));
        }
        return block[(int) (pos - blockStart)] & 0xFF;
    }

    private void fill(long start) {
        try {
            ByteBuffer buf = ByteBuffer.wrap(block);
            long p = start;
            while (buf.hasRemaining() && p < size) {
                int n = channel.read(buf, p);
                if (n < 0) {
                    break;
                }
                p += n;
            }
            blockStart = start;
            blockLen = buf.position();
        } catch (IOException e) {
            blockStart = -1;
            blockLen = 0;
            throw new UncheckedIOException("cannot read " + path + " at offset " + start + ": " + e.getMessage(), e);
        }
    }

    private int readDirect(long pos, byte[] dst, int off, int len) {
        return ChannelReads.readAt(channel, path, pos, dst, off, len);
    }

    /** Positional reads of the same channel with a block cache per thread; valid until this source is closed. */
    @Override
    public ByteSource concurrent() {
        return ChannelReads.perThread(channel, path, size);
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
