package org.savevminspector.io;

/**
 * The view qemu's loader has of a file: every byte past the end reads as 0 ({@code QT savevm.c:qemu_get_byte}
 * returns 0 once {@code qemu_fill_buffer} hits end of file and sets the sticky error flag). The loader
 * simulation reads through this so that an over-read yields exactly the values qemu would load, and asks
 * {@link #overrun()} how far past the end it went.
 */
public final class ZeroExtendedSource implements ByteSource {
    private final ByteSource data;
    private long furthest = -1;

    public ZeroExtendedSource(ByteSource data) {
        this.data = data;
    }

    /** The real data length; reads beyond it succeed with zeros. */
    @Override
    public long size() {
        return Long.MAX_VALUE;
    }

    public long dataSize() {
        return data.size();
    }

    @Override
    public int read(long pos, byte[] dst, int off, int len) {
        int n = data.read(pos, dst, off, len);
        for (int i = n; i < len; i++) {
            dst[off + i] = 0;
        }
        furthest = Math.max(furthest, pos + len - 1);
        return len;
    }

    @Override
    public int u8(long pos) {
        furthest = Math.max(furthest, pos);
        return pos < data.size() ? data.u8(pos) : 0;
    }

    /** How many bytes past the end of the data have been read so far (0 when none). */
    public long overrun() {
        return Math.max(0, furthest + 1 - data.size());
    }
}
