package org.savevminspector.container;

import org.savevminspector.io.ByteSource;

/** Xen 4.1–4.5 {@code xl save}: xl header without the STREAMv2 flag, legacy libxc, {@code DeviceModelRecord0002} (FORMAT.md D.3). */
public final class XlLegacyWalker implements ContainerWalker {

    @Override
    public ContainerKind kind() {
        return ContainerKind.XL_LEGACY;
    }

    @Override
    public boolean recognises(ByteSource src) {
        return XlHeader.present(src) && (XlHeader.mandatoryFlags(src) & XlHeader.FLAG_STREAM_V2) == 0;
    }

    @Override
    public void walk(ImageWalk w) {
        long start = XlHeader.read(w);
        if (start >= 0) {
            WalkEnd.check(w, LegacyLibxc.walkImage(w, start), "device-model record");
        }
    }
}
