package org.savevminspector.loader;

import org.savevminspector.devices.pci.PciBlock;
import org.savevminspector.io.ByteSource;

/**
 * A body that starts with a v0/v1 PCI block (260 bytes, no irq_state), shown as if it had the v2 block the
 * catalogue's layouts are written for: version word 2, the same config bytes, 16 zero irq_state bytes, then the
 * rest of the body 16 bytes later. Measuring a layout over this view and subtracting 16 gives what the real load
 * function reads, whether or not the layout models the PCI version itself (docs/FORMAT.md B.2.1, FORMAT.md B.6).
 */
final class PciV2View implements ByteSource {
    static final int SHIFT = PciBlock.SIZE - PciBlock.SIZE_V1;

    private final ByteSource base;
    private final long body;

    PciV2View(ByteSource base, long bodyStart) {
        this.base = base;
        this.body = bodyStart;
    }

    @Override
    public long size() {
        return base.size() == Long.MAX_VALUE ? Long.MAX_VALUE : base.size() + SHIFT;
    }

    @Override
    public int read(long pos, byte[] dst, int off, int len) {
        for (int i = 0; i < len; i++) {
            dst[off + i] = (byte) u8(pos + i);
        }
        return len;
    }

    @Override
    public int u8(long pos) {
        long rel = pos - body;
        if (rel < 0) {
            return base.u8(pos);
        }
        if (rel < 4) {
            return rel == 3 ? 2 : 0;
        }
        if (rel < PciBlock.SIZE_V1) {
            return base.u8(pos);
        }
        if (rel < PciBlock.SIZE) {
            return 0;
        }
        return base.u8(pos - SHIFT);
    }
}
