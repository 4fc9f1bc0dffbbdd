package org.savevminspector.loader;

import java.io.ByteArrayOutputStream;

/** Body bytes for test sections. */
final class Bodies {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    static Bodies body() {
        return new Bodies();
    }

    /**
     * A {@code pci_device_save} block (§B.2.1): be32 version, 256 config bytes, irq_state words for version ≥ 2.
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
        out.writeBytes(config);
        if (version >= 2) {
            out.writeBytes(new byte[16]);
        }
        return this;
    }

    Bodies zeros(int n) {
        out.writeBytes(new byte[n]);
        return this;
    }

    Bodies fill(int n, int value) {
        for (int i = 0; i < n; i++) {
            out.write(value);
        }
        return this;
    }

    Bodies u8(int v) {
        out.write(v);
        return this;
    }

    Bodies be16(int v) {
        out.write(v >>> 8);
        out.write(v);
        return this;
    }

    Bodies be32(long v) {
        out.write((int) (v >>> 24));
        out.write((int) (v >>> 16));
        out.write((int) (v >>> 8));
        out.write((int) v);
        return this;
    }

    byte[] bytes() {
        return out.toByteArray();
    }
}
