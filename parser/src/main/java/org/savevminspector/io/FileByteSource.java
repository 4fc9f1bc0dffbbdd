package org.savevminspector.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A read-only {@link FileChannel} with a small block cache. Positional reads keep memory flat whatever the file
 * size (the hex pane scrolls over multi-GiB images through this class); the cache makes the parser's many
 * small big-endian reads cheap. Not thread-safe: the GUI gives each thread its own instance.
 */
public final class FileByteSource implements ByteSource {
    private final Path path;
    private final FileChannel channel;
    private final long size;
    private final ChannelReads.Block block = new ChannelReads.Block();

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
        return block.read(channel, path, size, pos, dst, off, len);
    }

    @Override
    public int u8(long pos) {
        return block.u8(channel, path, size, pos);
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
