package org.savevminspector.io;

/**
 * A view of {@code [offset, offset + length)} of another source, addressed from 0: the embedded QEVM stream of a
 * save image is parsed through it exactly as a bare file would be. Closing the slice leaves the source open.
 */
public final class SliceByteSource implements ByteSource {
    private final ByteSource base;
    private final long offset;
    private final long length;

    public SliceByteSource(ByteSource base, long offset, long length) {
        if (offset < 0 || length < 0 || offset > base.size() || length > base.size() - offset) {
            throw new IllegalArgumentException("slice " + offset + "+" + length + " outside 0.." + base.size());
        }
        this.base = base;
        this.offset = offset;
        this.length = length;
    }

    /** Where the slice starts in the underlying source. */
    public long offset() {
        return offset;
    }

    @Override
    public long size() {
        return length;
    }

    @Override
    public int read(long pos, byte[] dst, int off, int len) {
        if (pos < 0 || pos >= length || len <= 0) {
            return 0;
        }
        return base.read(offset + pos, dst, off, (int) Math.min(len, length - pos));
    }

    @Override
    public long nextData(long pos) {
        if (pos >= length) {
            return length;
        }
        return Math.max(pos, Math.min(length, base.nextData(offset + Math.max(0, pos)) - offset));
    }

    @Override
    public int u8(long pos) {
        if (pos < 0 || pos >= length) {
            throw new IndexOutOfBoundsException("offset " + pos + " is past the end of the data (" + length + " bytes)");
        }
        return base.u8(offset + pos);
    }

    @Override
    public ByteSource concurrent() {
        ByteSource view = base.concurrent();
        return view == base ? this : new SliceByteSource(view, offset, length);
    }
}
