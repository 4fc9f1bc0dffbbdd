package org.savevminspector.container;

import java.util.List;
import org.savevminspector.io.ByteSource;
import org.savevminspector.model.Field;

/**
 * {@code xm save} images (FORMAT.md D.2; {@code XEN@4.4 tools/python/xen/xend/XendCheckpoint.py:save}): signature, be32
 * config length, S-expression config, legacy libxc stream, {@code QemuDeviceModelRecord} + QEVM to EOF.
 */
public final class XendWalker implements ContainerWalker {
    static final String SIGNATURE = "LinuxGuestRecord";

    @Override
    public ContainerKind kind() {
        return ContainerKind.XEND;
    }

    @Override
    public boolean recognises(ByteSource src) {
        return src.has(0, 20) && ContainerWalker.startsWith(src, SIGNATURE);
    }

    @Override
    public void walk(ImageWalk w) {
        long len = w.src.be32(16);
        w.add("signature", SIGNATURE, 0, 20, List.of(w.ascii("signature", 0, 16),
                w.be32("config_len", 16, v -> "bytes of S-expression config")));
        if (!w.need(20, len, "xend config of " + len + " bytes (config_len at offset 16)")) {
            return;
        }
        w.add("config", "domain config (S-expression)", 20, len, List.of(Field.bytes("config", 20, len)));
        WalkEnd.check(w, LegacyLibxc.walkImage(w, 20 + len), "device-model record");
    }
}
