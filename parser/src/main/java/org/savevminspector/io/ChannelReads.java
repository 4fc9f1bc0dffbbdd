package org.savevminspector.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/** Positional reads shared by the file-backed sources: a short count means the file ended. */
final class ChannelReads {
    private ChannelReads() {
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
