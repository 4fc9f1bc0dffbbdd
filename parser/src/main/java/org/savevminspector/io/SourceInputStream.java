package org.savevminspector.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * A {@link ByteSource} read from its start to its end as a stream, for the libraries that decode streams (a
 * compressed input is decoded this way). Closing the stream closes the source.
 */
public final class SourceInputStream extends InputStream {
    private final ByteSource src;
    private long pos;

    public SourceInputStream(ByteSource src) {
        this.src = src;
    }

    /** How many bytes have been read. */
    public long position() {
        return pos;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) == 1 ? one[0] & 0xFF : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (pos >= src.size()) {
            return -1;
        }
        try {
            int n = src.read(pos, b, off, len);
            if (n <= 0) {
                return -1;
            }
            pos += n;
            return n;
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    @Override
    public long skip(long n) {
        long k = Math.max(0, Math.min(n, src.size() - pos));
        pos += k;
        return k;
    }

    @Override
    public int available() {
        return (int) Math.min(Integer.MAX_VALUE, src.size() - pos);
    }

    @Override
    public void close() {
        src.close();
    }
}
