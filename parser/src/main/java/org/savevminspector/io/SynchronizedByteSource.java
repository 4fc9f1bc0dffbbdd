package org.savevminspector.io;

/** Every read of another source under one lock: the fallback {@link ByteSource#concurrent()} view. */
final class SynchronizedByteSource implements ByteSource {
    private final ByteSource base;

    SynchronizedByteSource(ByteSource base) {
        this.base = base;
    }

    @Override
    public long size() {
        return base.size();
    }

    @Override
    public int read(long pos, byte[] dst, int off, int len) {
        synchronized (base) {
            return base.read(pos, dst, off, len);
        }
    }

    @Override
    public int u8(long pos) {
        synchronized (base) {
            return base.u8(pos);
        }
    }

    @Override
    public ByteSource concurrent() {
        return this;
    }
}
