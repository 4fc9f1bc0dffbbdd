package org.savevminspector.io;

/** Counts what a reader asks of a source: proof that an index walk never reads page payloads. */
public final class CountingByteSource implements ByteSource {
    private final ByteSource inner;
    private long bytesRead;
    private long calls;

    public CountingByteSource(ByteSource inner) {
        this.inner = inner;
    }

    public long bytesRead() {
        return bytesRead;
    }

    public long calls() {
        return calls;
    }

    @Override
    public long size() {
        return inner.size();
    }

    @Override
    public int read(long pos, byte[] dst, int off, int len) {
        int n = inner.read(pos, dst, off, len);
        bytesRead += n;
        calls++;
        return n;
    }

    /** Closes the counted source too (a mapped file's channel). */
    @Override
    public void close() {
        inner.close();
    }

    @Override
    public long nextData(long pos) {
        return inner.nextData(pos);
    }

    @Override
    public int u8(long pos) {
        bytesRead++;
        calls++;
        return inner.u8(pos);
    }
}
