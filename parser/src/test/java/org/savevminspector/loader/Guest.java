package org.savevminspector.loader;

import static org.savevminspector.loader.Bodies.body;

/**
 * A default-like HVM guest stream (FORMAT.md E.1 order, the FORMAT.md B.5.2 BAR addresses) with knobs for the edits docs/FORMAT.md
 * measured. Sections: ram, timer, platform, serial, rtl8139, pckbd, ps2kbd, dma ×2, fdc, uhci, gpe, pci_devfn,
 * piix4acpi, EOF.
 */
final class Guest {
    long rtlInstance = 0x20;
    long platformBar0 = 0xC001;
    long uhciBar4 = 0xC201;
    int uhciCommand = 0x05;
    int uhciPciVersion = 2;
    int uhciPorts = 2;
    int pckbdVersion = 3;
    int ps2kbdVersion = 3;
    int fdcDrives = 2;
    int gpeVersion = 2;
    long gpeAddress = 0xAFE0;
    long gpeHalfLen = 2;
    int piix4Version = 2;
    int piix4PciVersion = 2;
    /** {@code null}: no pm1a_evt_blk_address word at all (the XenServer 6.0–6.2 278-byte body). */
    Long pm1a = 0xB000L;
    boolean eof = true;
    byte[] afterEof = new byte[0];

    TestStream build() {
        TestStream s = TestStream.v3().ramPrefix();
        s.full(0, "timer", 0, 2, body().zeros(8).bytes());
        s.full(8, "platform", 0, 3, body().pci(2, 0x5853, 0x03, platformBar0).zeros(8).bytes());
        s.full(10, "serial", 0x3F8, 2, body().zeros(11).bytes());
        s.full(11, "rtl8139", rtlInstance, 4, body().pci(2, 0x10EC, 0x05, 0xC101).zeros(366).bytes());
        s.full(13, "pckbd", 0, pckbdVersion, body().zeros(4).bytes());
        s.full(14, "ps2kbd", 0, ps2kbdVersion, body().fill(4, 0xFF).zeros(280).bytes());
        s.full(16, "dma", 0, 1, body().zeros(75).bytes());
        s.full(17, "dma", 1, 1, body().zeros(75).bytes());
        s.full(18, "fdc", 0x3F0, 2, body().u8(0x40).zeros(537).u8(fdcDrives).zeros(3 * fdcDrives).bytes());
        Bodies uhci = body().pci(uhciPciVersion, 0x8086, uhciCommand, 0, 0, 0, 0, uhciBar4).u8(uhciPorts);
        s.full(19, "uhci", 0, 1, uhci.zeros(2 * uhciPorts + 22).bytes());
        Bodies gpe = body().zeros(9);
        if (gpeVersion >= 2) {
            gpe.be32(gpeAddress).be32(gpeHalfLen);
        }
        s.full(20, "gpe", 0, gpeVersion, gpe.bytes());
        s.full(21, "pci_devfn", 0, 1, body().zeros(130).bytes());
        Bodies acpi = body().pci(piix4PciVersion, 0x8086, 0x00).be16(0x0001);
        if (pm1a != null) {
            acpi.be32(pm1a);
        }
        s.full(22, "piix4acpi", 0, piix4Version, acpi.bytes());
        if (eof) {
            s.eof();
        }
        return s.raw(afterEof);
    }
}
