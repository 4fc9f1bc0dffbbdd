package org.savevminspector.io;

/** In-memory bytes: tests, fixtures and repaired copies before they are written. */
public final class ArrayByteSource implements ByteSource {
    private final byte[] data;

    public ArrayByteSource(byte[] data) {
        this.data = data;
    }

    @Override
    public long size() {
        return data.length;
    }

    @Override
    public int read(long pos, byte[] dst, int off, int len) {
        if (pos < 0 || pos >= data.length || len <= 0) {
            return 0;
        }
        int n = (int) Math.min(len, data.length - pos);
        System.arraycopy(data, (int) pos, dst, off, n);
        return n;
    }

    @Override
    public int u8(long pos) {
        if (pos < 0 || pos >= data.length) {
            throw new IndexOutOfBoundsException("offset " + pos + " is past the end of the data (" + data.length + " bytes)");
        }
        return data[(int) pos] & 0xFF;
    }

    // Multi-byte reads straight from the array: the defaults go through one bounds-checked u8 call per byte,
    // which JFR showed as the parser's hottest read path. Out of range, the default is used so that the
    // exception and its message stay exactly those of u8.

    @Override
    public int be16(long pos) {
        if (!inside(pos, 2)) {
            return ByteSource.super.be16(pos);
        }
        int i = (int) pos;
        return (data[i] & 0xFF) << 8 | (data[i + 1] & 0xFF);
    }

    @Override
    public long be32(long pos) {
        if (!inside(pos, 4)) {
            return ByteSource.super.be32(pos);
        }
        int i = (int) pos;
        return (data[i] & 0xFFL) << 24 | (data[i + 1] & 0xFF) << 16 | (data[i + 2] & 0xFF) << 8 | (data[i + 3] & 0xFF);
    }

    @Override
    public long be64(long pos) {
        if (!inside(pos, 8)) {
            return ByteSource.super.be64(pos);
        }
        return be32(pos) << 32 | be32(pos + 4);
    }

    @Override
    public int le16(long pos) {
        if (!inside(pos, 2)) {
            return ByteSource.super.le16(pos);
        }
        int i = (int) pos;
        return (data[i] & 0xFF) | (data[i + 1] & 0xFF) << 8;
    }

    @Override
    public long le32(long pos) {
        if (!inside(pos, 4)) {
            return ByteSource.super.le32(pos);
        }
        int i = (int) pos;
        return (data[i] & 0xFF) | (data[i + 1] & 0xFF) << 8 | (data[i + 2] & 0xFF) << 16 | (data[i + 3] & 0xFFL) << 24;
    }

    private boolean inside(long pos, int len) {
        return pos >= 0 && pos <= data.length - len;
    }

    /** The array is never written: any thread may read it. */
    @Override
    public ByteSource concurrent() {
        return this;
    }

    /** A copy of the bytes (the source itself stays immutable). */
    public byte[] toByteArray() {
        return data.clone();
    }
}
