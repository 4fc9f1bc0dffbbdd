package org.savevminspector.loader;

import org.savevminspector.fixtures.ByteWriter;

/** Body bytes for test sections. */
final class Bodies {
    private final ByteWriter out = new ByteWriter();

    static Bodies body() {
        return new Bodies();
    }

    /**
     * A {@code pci_device_save} block (FORMAT.md B.2.1): be32 version, 256 config bytes, irq_state words for version ≥ 2.
     *
     * @param bars BAR registers 0..n as raw le32 values
     */
    Bodies pci(int version, int vendor, int command, long... bars) {
        be32(version);
        byte[] config = new byte[256];
        config[0] = (byte) vendor;
        config[1] = (byte) (vendor >>> 8);
        config[4] = (byte) command;
        config[5] = (byte) (command >>> 8);
        for (int i = 0; i < bars.length; i++) {
            for (int b = 0; b < 4; b++) {
                config[0x10 + 4 * i + b] = (byte) (bars[i] >>> (8 * b));
            }
        }
        out.bytes(config);
        if (version >= 2) {
            out.fill(16, 0);
        }
        return this;
    }

    Bodies zeros(int n) {
        out.fill(n, 0);
        return this;
    }

    Bodies fill(int n, int value) {
        out.fill(n, value);
        return this;
    }

    Bodies u8(int v) {
        out.u8(v);
        return this;
    }

    Bodies be16(int v) {
        out.be16(v);
        return this;
    }

    Bodies be32(long v) {
        out.be32(v);
        return this;
    }

    byte[] bytes() {
        return out.toByteArray();
    }
}
