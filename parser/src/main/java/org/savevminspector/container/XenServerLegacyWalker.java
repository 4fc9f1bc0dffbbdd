package org.savevminspector.container;

import java.util.List;
import org.savevminspector.io.ByteSource;

/**
 * XenServer ≤ 6.2 suspend images (FORMAT.md D.5; XAPI {@code suspend_image.ml:legacy_save_signature}): signature, legacy
 * libxc stream, {@code "QemuDeviceModelRecord\n"} + be32 length + QEVM.
 */
public final class XenServerLegacyWalker implements ContainerWalker {
    static final String SIGNATURE = "XenSavedDomain\n";

    @Override
    public ContainerKind kind() {
        return ContainerKind.XENSERVER_LEGACY;
    }

    @Override
    public boolean recognises(ByteSource src) {
        return ContainerWalker.startsWith(src, SIGNATURE);
    }

    @Override
    public void walk(ImageWalk w) {
        w.add("signature", "XenSavedDomain", 0, 15, List.of(w.ascii("signature", 0, 15)));
        WalkEnd.check(w, LegacyLibxc.walkImage(w, 15), "device-model record");
    }
}
