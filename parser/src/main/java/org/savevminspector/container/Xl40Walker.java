package org.savevminspector.container;

import org.savevminspector.io.ByteSource;

/**
 * Xen 4.0 {@code xl save} images (FORMAT.md D.3, last paragraph; {@code XEN@4.0.0 tools/libxl/libxl_dom.c:save_device_model}):
 * a bare legacy libxc stream and {@code QemuDeviceModelRecord} + QEVM to EOF. There is no signature, so the file
 * is recognised by plausibility: a {@code p2m_size}, then a first chunk that {@code xc_domain_save} writes first
 * (TMEM, TSC_INFO or a page batch).
 */
public final class Xl40Walker implements ContainerWalker {

    @Override
    public ContainerKind kind() {
        return ContainerKind.XL_40;
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public boolean recognises(ByteSource src) {
        if (!src.has(0, 12)) {
            return false;
        }
        // the word size is told by the p2m_size's upper half, zero for a 64-bit toolstack: so p2m_size is its low half
        int ws = src.le32(4) == 0 ? 8 : 4;
        long p2m = src.le32(0);
        int first = (int) src.le32(ws);
        return p2m > 0 && (first == -5 || first == -7 || (first > 0 && first <= LegacyLibxc.MAX_BATCH));
    }

    @Override
    public void walk(ImageWalk w) {
        WalkEnd.check(w, LegacyLibxc.walkImage(w, 0), "device-model record");
    }
}
