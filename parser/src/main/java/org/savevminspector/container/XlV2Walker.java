package org.savevminspector.container;

import org.savevminspector.io.ByteSource;

/**
 * Xen ≥ 4.6: an xl header with the STREAMv2 flag and a libxl migration stream v2 (FORMAT.md D.3, FORMAT.md D.4); also a bare
 * libxl stream as {@code xl migrate} sends it (it starts with {@code LibxlFmt}).
 */
public final class XlV2Walker implements ContainerWalker {

    @Override
    public ContainerKind kind() {
        return ContainerKind.XL_V2;
    }

    @Override
    public boolean recognises(ByteSource src) {
        if (XlHeader.present(src)) {
            return (XlHeader.mandatoryFlags(src) & XlHeader.FLAG_STREAM_V2) != 0;
        }
        return src.has(0, 16) && ContainerWalker.startsWith(src, LibxlV2.IDENT);
    }

    @Override
    public void walk(ImageWalk w) {
        long start = XlHeader.present(w.src) ? XlHeader.read(w) : 0;
        if (start >= 0) {
            WalkEnd.check(w, LibxlV2.walk(w, start), "libxl END record");
        }
    }
}
