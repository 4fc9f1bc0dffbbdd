package org.savevminspector.container;

import org.savevminspector.io.ByteSource;

/** A bare QEVM stream: the whole file is the device state (FORMAT.md D.6 first row). */
public final class RawWalker implements ContainerWalker {

    @Override
    public ContainerKind kind() {
        return ContainerKind.RAW;
    }

    @Override
    public boolean recognises(ByteSource src) {
        return src.has(0, 4) && src.be32(0) == 0x5145564DL;
    }

    @Override
    public void walk(ImageWalk w) {
        w.qevmToEof = true;
        w.qevm(0, w.size);
    }
}
