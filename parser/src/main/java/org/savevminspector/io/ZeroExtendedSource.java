package org.savevminspector.io;

/**
 * The view qemu's loader has of a file: every byte past the end reads as 0 ({@code QT savevm.c:qemu_get_byte}
 * returns 0 once {@code qemu_fill_buffer} hits end of file and sets the sticky error flag). The loader
 * simulation reads through this so that an over-read yields exactly the values qemu would load; how far past
 * the end it went is the loader stream's to track ({@code qemu_ftell} and the error flag follow the stream
 * position, not the furthest byte any measurement looked at).
 */
public final class ZeroExtendedSource implements ByteSource {
    private final ByteSource data;

    public ZeroExtendedSource(ByteSource data) {
        this.data = data;
    }

    /** The real data length; reads beyond it succeed with zeros. */
    @Override
    public long size() {
        return Long.MAX_VALUE;
    }

    @Override
    public int read(long pos, byte[] dst, int off, int len) {
        int n = data.read(pos, dst, off, len);
        for (int i = n; i < len; i++) {
            dst[off + i] = 0;
        }
        return len;
    }

    @Override
    public int u8(long pos) {
        return pos < data.size() ? data.u8(pos) : 0;
    }

    // inside the data, the data's own multi-byte reads (an array's or a mapped window's are direct)

    @Override
    public int be16(long pos) {
        return pos >= 0 && pos + 2 <= data.size() ? data.be16(pos) : ByteSource.super.be16(pos);
    }

    @Override
    public long be32(long pos) {
        return pos >= 0 && pos + 4 <= data.size() ? data.be32(pos) : ByteSource.super.be32(pos);
    }

    @Override
    public long be64(long pos) {
        return pos >= 0 && pos + 8 <= data.size() ? data.be64(pos) : ByteSource.super.be64(pos);
    }

    @Override
    public ByteSource concurrent() {
        ByteSource view = data.concurrent();
        return view == data ? this : new ZeroExtendedSource(view);
    }
}
