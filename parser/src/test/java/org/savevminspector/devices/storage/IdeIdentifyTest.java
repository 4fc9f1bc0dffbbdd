package org.savevminspector.devices.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.savevminspector.devices.BodyBuilder.body;

import org.junit.jupiter.api.Test;
import org.savevminspector.devices.BodyBuilder;
import org.savevminspector.devices.Decoded;

/** IDENTIFY data inside the ide v3 drive blocks (FORMAT.md B.3.18; words as QT hw/ide.c:ide_identify fills them). */
class IdeIdentifyTest {

    /** An ATA string as padstr writes it: space padded, each byte pair swapped. */
    private static void ataString(byte[] id, int word, String s, int len) {
        for (int i = 0; i < len; i++) {
            char ch = i < s.length() ? s.charAt(i) : ' ';
            id[word * 2 + (i ^ 1)] = (byte) ch;
        }
    }

    private static void le16(byte[] id, int word, int v) {
        id[word * 2] = (byte) v;
        id[word * 2 + 1] = (byte) (v >> 8);
    }

    /** The IDENTIFY block of a 16 GiB QEMU hard disk. */
    static byte[] disk() {
        byte[] id = new byte[512];
        le16(id, 0, 0x0040);
        le16(id, 1, 16383);
        le16(id, 3, 16);
        le16(id, 6, 63);
        ataString(id, 10, "QM00001", 20);
        ataString(id, 23, "0.10.2", 8);
        ataString(id, 27, "QEMU HARDDISK", 40);
        le16(id, 49, (1 << 11) | (1 << 9) | (1 << 8));
        le16(id, 53, 7);
        long sectors = 16L << 21; // 16 GiB of 512-byte sectors
        le16(id, 60, (int) sectors);
        le16(id, 61, (int) (sectors >> 16));
        le16(id, 63, 0x07);
        le16(id, 88, 0x3F | (1 << 13));
        le16(id, 100, (int) sectors);
        le16(id, 101, (int) (sectors >> 16));
        return id;
    }

    /** The IDENTIFY PACKET block of the QEMU DVD-ROM. */
    static byte[] cdrom() {
        byte[] id = new byte[512];
        le16(id, 0, (2 << 14) | (5 << 8) | (1 << 7) | (2 << 5));
        ataString(id, 10, "QM00003", 20);
        ataString(id, 23, "0.10.2", 8);
        ataString(id, 27, "QEMU DVD-ROM", 40);
        le16(id, 49, (1 << 9) | (1 << 8));
        le16(id, 63, 7);
        return id;
    }

    private static BodyBuilder drive(BodyBuilder b, byte[] identify, int status) {
        b.be32(16).be32(identify == null ? 0 : 1);
        if (identify != null) {
            b.raw(identify);
        }
        return b.u8(1).u8(0).u8(0).be32(1).u8(1).u8(0).u8(0).fill(5, 0).u8(0xF0).u8(status).u8(0).u8(0).u8(0);
    }

    @Test
    void identifyDataIsDecodedWithItsStringsAndModes() {
        BodyBuilder b = body().pci(0x8086, 0x7010, 0x0101).fill(38, 0).u8(0x02).u8(0).u8(0).u8(1);
        drive(b, disk(), 0x50);
        drive(b, null, 0);
        drive(b, cdrom(), 0x41);
        drive(b, null, 0);
        Decoded d = Decoded.of(new IdeV3(), b.build()).coversWholeBody();
        assertEquals(430 + 1024, d.measured());
        int hda = 318;
        d.span(hda + 8, 512, "drive", "drive[0]", "identify_data");
        assertEquals("ATA disk \"QEMU HARDDISK\", serial QM00001, firmware 0.10.2, 16384 MiB",
                d.get("drive", "drive[0]", "identify_data").meaningText());
        assertEquals("ATA device", d.at(hda + 8, 2, 0x40, "drive", "drive[0]", "identify_data", "general_config")
                .meaningText());
        assertEquals("QEMU HARDDISK", d.span(hda + 8 + 54, 40, "drive", "drive[0]", "identify_data", "model").text());
        assertEquals("QM00001", d.span(hda + 8 + 20, 20, "drive", "drive[0]", "identify_data", "serial").text());
        assertEquals("0.10.2", d.span(hda + 8 + 46, 8, "drive", "drive[0]", "identify_data", "firmware").text());
        assertEquals("DMA, LBA, IORDY", d.get("drive", "drive[0]", "identify_data", "capabilities").meaningText());
        assertEquals("supports MDMA0, MDMA1, MDMA2, none selected",
                d.get("drive", "drive[0]", "identify_data", "multiword_dma").meaningText());
        assertEquals("supports UDMA0, UDMA1, UDMA2, UDMA3, UDMA4, UDMA5, selected UDMA5",
                d.at(hda + 8 + 176, 2, 0x203F, "drive", "drive[0]", "identify_data", "ultra_dma").meaningText());
        d.at(hda + 8 + 120, 4, 16L << 21, "drive", "drive[0]", "identify_data", "lba_sectors");
        assertEquals("DRDY, DSC", d.at(hda + 536, 1, 0x50, "drive", "drive[0]", "status").meaningText());
        assertEquals("drive 1, LBA", d.get("drive", "drive[0]", "select").meaningText().substring(0, 12));
        int hdc = hda + 540 + 28;
        assertEquals("ATAPI device \"QEMU DVD-ROM\", serial QM00003, firmware 0.10.2",
                d.get("drive", "drive[2]", "identify_data").meaningText());
        assertEquals("ATAPI device, type 5 (CD/DVD), removable media",
                d.at(hdc + 8, 2, 0x85C0, "drive", "drive[2]", "identify_data", "general_config").meaningText());
        assertEquals("DRDY, ERR", d.get("drive", "drive[2]", "status").meaningText());
        assertEquals("nIEN (interrupts disabled)", d.get("bus", "bus[0]", "cmd").meaningText());
        assertEquals("drive 1 (slave) selected", d.get("bus", "bus[1]", "drive1_selected").meaningText());
    }
}
