package org.savevminspector.devices;

import org.savevminspector.fixtures.ByteWriter;

/**
 * Writes a device body byte by byte for the decoder tests, independently of the production code: big-endian
 * stream words as {@code qemu_put_be*} writes them, little-endian words for PCI configuration space (the
 * fixtures' {@link ByteWriter}), plus the runs and PCI blocks the decoder tests place fields with.
 */
public final class BodyBuilder {
    private final ByteWriter out = new ByteWriter();

    public static BodyBuilder body() {
        return new BodyBuilder();
    }

    /** Bytes written so far (= the body offset of the next byte). */
    public int offset() {
        return out.position();
    }

    public BodyBuilder u8(int v) {
        out.u8(v);
        return this;
    }

    public BodyBuilder be16(int v) {
        out.be16(v);
        return this;
    }

    public BodyBuilder be32(long v) {
        out.be32(v);
        return this;
    }

    public BodyBuilder be64(long v) {
        out.be64(v);
        return this;
    }

    public BodyBuilder le16(int v) {
        out.le16(v);
        return this;
    }

    public BodyBuilder le32(long v) {
        out.le32(v);
        return this;
    }

    /** {@code n} bytes counting up from {@code first} (so that a misplaced span shows up as a wrong value). */
    public BodyBuilder ramp(int n, int first) {
        for (int i = 0; i < n; i++) {
            u8(first + i);
        }
        return this;
    }

    public BodyBuilder fill(int n, int value) {
        out.fill(n, value);
        return this;
    }

    public BodyBuilder raw(byte[] b) {
        out.bytes(b);
        return this;
    }

    /**
     * A PCI block as {@code pci_device_save} writes it (FORMAT.md B.2.1) with a type-0 header for {@code vendor:device};
     * {@code configTail} fills config 0x40–0xFF (192 bytes, or {@code null} for a ramp). For {@code version} ≥ 2
     * the four irq_state words are {@code 1, 0, 0, 0}.
     */
    public BodyBuilder pci(long version, int vendor, int device, int classCode, long bar0, long bar1, byte[] configTail) {
        be32(version);
        le16(vendor).le16(device);
        le16(0x0007); // command: I/O, memory, bus master
        le16(0x0290); // status: capabilities list, 66 MHz... (bit4) + DEVSEL medium (bit9) + bit7
        u8(0x01).u8(0x00).le16(classCode);
        u8(0x08).u8(0x40).u8(0x80).u8(0x00);
        le32(bar0).le32(bar1).le32(0).le32(0).le32(0).le32(0);
        le32(0); // CardBus CIS
        le16(0x5853).le16(0x0001);
        le32(0); // expansion ROM
        u8(0xDC); // capabilities pointer
        fill(7, 0);
        u8(11).u8(1).u8(0).u8(0);
        if (configTail == null) {
            ramp(192, 0x40);
        } else {
            if (configTail.length != 192) {
                throw new IllegalArgumentException("config tail must be 192 bytes");
            }
            raw(configTail);
        }
        if (version >= 2) {
            be32(1).be32(0).be32(0).be32(0);
        }
        return this;
    }

    /** A version-2 PCI block with default identity values. */
    public BodyBuilder pci(int vendor, int device, int classCode) {
        return pci(2, vendor, device, classCode, 0xC101, 0xF0000008L, null);
    }

    public byte[] build() {
        return out.toByteArray();
    }
}
