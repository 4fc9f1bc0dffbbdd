package org.savevminspector.loader;

import org.savevminspector.io.ByteSource;

/** A view of another source with a few bytes replaced (to ask a layout "what if this word were different"). */
final class OverlaySource implements ByteSource {
    private final ByteSource base;
    private final long at;
    private final byte[] bytes;

    OverlaySource(ByteSource base, long at, byte[] bytes) {
        this.base = base;
        this.at = at;
        this.bytes = bytes.clone();
    }

    @Override
    public long size() {
        return base.size();
    }

    @Override
    public int read(long pos, byte[] dst, int off, int len) {
        int n = base.read(pos, dst, off, len);
        for (int i = 0; i < n; i++) {
            long p = pos + i;
            if (p >= at && p < at + bytes.length) {
                dst[off + i] = bytes[(int) (p - at)];
            }
        }
        return n;
    }

    @Override
    public int u8(long pos) {
        return pos >= at && pos < at + bytes.length ? bytes[(int) (pos - at)] & 0xFF : base.u8(pos);
    }
}
