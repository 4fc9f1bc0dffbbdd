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

    /** A copy of the bytes (the source itself stays immutable). */
    public byte[] toByteArray() {
        return data.clone();
    }
}
