package org.savevminspector.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/** Positional reads shared by the file-backed sources: a short count means the file ended. */
final class ChannelReads {
    private static final int BLOCK = 64 * 1024;

    private ChannelReads() {
    }

    /**
     * The file through {@code channel} for any number of threads at once: positional reads on one channel are
     * safe for concurrent use, and each reading thread gets its own block cache (nothing else is shared), so a
     * worker and the FX thread can decode fields of the same inspection while the owner of {@code channel} reads
     * through its own cache. Valid while the channel is open.
     */
    static ByteSource perThread(FileChannel channel, Path path, long size) {
        return new PerThread(channel, path, size);
    }

    /**
     * One block of a file, cached: the parser's many small big-endian reads come from it, a read longer than a
     * block goes to the channel. One thread's: {@link FileByteSource} has one, {@link #perThread} one per thread.
     */
    static final class Block {
        private final byte[] data = new byte[BLOCK];
        private long start = -1;
        private int length;

        /** Up to {@code len} bytes at {@code pos} of the file of {@code size} bytes; fewer only at its end. */
        int read(FileChannel channel, Path path, long size, long pos, byte[] dst, int off, int len) {
            if (pos < 0 || pos >= size || len <= 0) {
                return 0;
            }
            int want = (int) Math.min(len, size - pos);
            if (want > BLOCK) {
                return readAt(channel, path, pos, dst, off, want);
            }
            int done = 0;
            while (done < want) {
                long p = pos + done;
                if (p < start || p >= start + length) {
                    fill(channel, path, size, p - p % BLOCK);
                }
                int n = Math.min(want - done, (int) (start + length - p));
                if (n <= 0) {
                    break;
                }
                System.arraycopy(data, (int) (p - start), dst, off + done, n);
                done += n;
            }
            return done;
        }

        int u8(FileChannel channel, Path path, long size, long pos) {
            if (pos < 0 || pos >= size) {
                throw new IndexOutOfBoundsException("offset " + pos + " is past the end of the data (" + size
                        + " bytes)");
            }
            if (pos < start || pos >= start + length) {
                fill(channel, path, size, pos - pos % BLOCK);
            }
            return data[(int) (pos - start)] & 0xFF;
        }

        private void fill(FileChannel channel, Path path, long size, long at) {
            start = -1;
            length = 0;
            length = readAt(channel, path, at, data, 0, (int) Math.min(BLOCK, size - at));
            start = at;
        }
    }

    private static final class PerThread implements ByteSource {
        private final FileChannel channel;
        private final Path path;
        private final long size;
        private final ThreadLocal<Block> blocks = ThreadLocal.withInitial(Block::new);

        PerThread(FileChannel channel, Path path, long size) {
            this.channel = channel;
            this.path = path;
            this.size = size;
        }

        @Override
        public long size() {
            return size;
        }

        @Override
        public int read(long pos, byte[] dst, int off, int len) {
            return blocks.get().read(channel, path, size, pos, dst, off, len);
        }

        @Override
        public int u8(long pos) {
            return blocks.get().u8(channel, path, size, pos);
        }

        @Override
        public ByteSource concurrent() {
            return this;
        }
    }

    /** Reads up to {@code len} bytes at {@code pos}, stopping only at the end of the file. */
    static int readAt(FileChannel channel, Path path, long pos, byte[] dst, int off, int len) {
        try {
            ByteBuffer buf = ByteBuffer.wrap(dst, off, len);
            long p = pos;
            while (buf.hasRemaining()) {
                int n = channel.read(buf, p);
                if (n < 0) {
                    break;
                }
                p += n;
            }
            return (int) (p - pos);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + " at offset " + pos + ": " + e.getMessage(), e);
        }
    }
}
