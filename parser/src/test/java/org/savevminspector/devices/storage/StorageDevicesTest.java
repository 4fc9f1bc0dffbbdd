package org.savevminspector.devices.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.savevminspector.devices.BodyBuilder.body;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.savevminspector.devices.BodyBuilder;
import org.savevminspector.devices.Decoded;
import org.savevminspector.io.ArrayByteSource;

class StorageDevicesTest {

    /** An IDE body whose first {@code identified} drives carry IDENTIFY data. */
    private static byte[] ide(int identified) {
        BodyBuilder b = body().pci(2, 0x8086, 0x7010, 0x0101, 0, 0, null)
                .u8(0x09).u8(0x04).be32(0x0010_0000L).be64(0x800).be32(8).u8(0)
                .u8(0x00).u8(0x00).be32(0).be64(0).be32(0).u8(2)
                .u8(0x02).u8(0).u8(0x00).u8(1);
        for (int drive = 0; drive < 4; drive++) {
            boolean id = drive < identified;
            b.be32(16).be32(id ? 1 : 0);
            if (id) {
                b.fill(512, 0x40 + drive);
            }
            b.u8(1).u8(0).u8(0).be32(0x80 + drive).u8(1).u8(0).u8(0)
                    .u8(0).u8(0).u8(0).u8(0).u8(0).u8(0xA0 | (drive & 1) << 4).u8(0x50).u8(0).u8(0).u8(0);
        }
        return b.build();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4})
    void ideBodyIs430Plus512PerIdentifiedDrive(int n) {
        byte[] b = ide(n);
        assertEquals(430 + 512 * n, b.length);
        Decoded d = Decoded.of(new IdeV3(), b).coversWholeBody();
        assertEquals(430 + 512 * n, d.measured());
        long off = 318;
        for (int drive = 0; drive < 4; drive++) {
            String name = "drive[" + drive + "]";
            boolean id = drive < n;
            long len = id ? 540 : 28;
            d.span(off, len, "drive", name);
            d.at(off, 4, 16, "drive", name, "mult_sectors");
            d.at(off + 4, 4, id ? 1 : 0, "drive", name, "identify_set");
            long i = id ? 512 : 0;
            if (id) {
                d.span(off + 8, 512, "drive", name, "identify_data");
            }
            d.at(off + 8 + i, 1, 1, "drive", name, "write_cache");
            d.at(off + 8 + i + 3, 4, 0x80 + drive, "drive", name, "nsector");
            d.at(off + 8 + i + 15, 1, 0xA0 | (drive & 1) << 4, "drive", name, "select");
            d.at(off + 8 + i + 16, 1, 0x50, "drive", name, "status");
            d.at(off + 8 + i + 19, 1, 0, "drive", name, "asc");
            off += len;
        }
    }

    @Test
    void ideControllerFields() {
        Decoded d = Decoded.of(new IdeV3(), ide(2)).coversWholeBody();
        assertEquals("start, read from device", d.at(276, 1, 0x09, "bmdma", "bmdma[0]", "cmd").meaningText());
        assertEquals("interrupt", d.at(277, 1, 0x04, "bmdma", "bmdma[0]", "status").meaningText());
        d.at(278, 4, 0x0010_0000L, "bmdma", "bmdma[0]", "addr");
        d.at(282, 8, 0x800, "bmdma", "bmdma[0]", "sector_num");
        d.at(290, 4, 8, "bmdma", "bmdma[0]", "nsector");
        d.at(294, 1, 0, "bmdma", "bmdma[0]", "ifidx");
        d.at(295, 1, 0, "bmdma", "bmdma[1]", "cmd");
        d.at(313, 1, 2, "bmdma", "bmdma[1]", "ifidx");
        d.at(314, 1, 2, "bus", "bus[0]", "cmd");
        d.at(315, 1, 0, "bus", "bus[0]", "drive1_selected");
        d.at(316, 1, 0, "bus", "bus[1]", "cmd");
        d.at(317, 1, 1, "bus", "bus[1]", "drive1_selected");
        assertTrue(d.get("drive", "drive[0]", "identify_set").meaningText().contains("IDENTIFY data"));
    }

    @Test
    void ideMeasureNeedsOnlyTheIdentifyFlags() {
        byte[] b = ide(3);
        assertEquals(430 + 1536, new IdeV3().layout().measure(new ArrayByteSource(b), 0, b.length));
    }

    private static byte[] fdc(int n) {
        BodyBuilder b = body().u8(0x40).u8(0x00).u8(0x0C).u8(0).u8(0).u8(0x80).u8(0x20).u8(0).u8(0)
                .ramp(512, 0)
                .be32(0).be32(512).u8(0).u8(1).u8(18).u8(0xAF).u8(0x02).u8(0).u8(0x60).u8(0).u8(0)
                .u8(n);
        for (int i = 0; i < n; i++) {
            b.u8(i).u8(40 + i).u8(1 + i);
        }
        return b.build();
    }

    @Test
    void fdcIs545BytesForTwoDrives() {
        Decoded d = Decoded.of(new FdcV2(), fdc(2)).coversWholeBody();
        assertEquals(545, d.measured());
        d.at(0, 1, 0x40, "sra");
        assertEquals("drive 0, controller enabled, DMA", d.at(2, 1, 0x0C, "dor").meaningText());
        d.at(5, 1, 0x80, "msr");
        d.at(6, 1, 0x20, "status0");
        d.at(8, 1, 0, "status2");
        d.span(9, 512, "fifo");
        d.at(521, 4, 0, "data_pos");
        d.at(525, 4, 512, "data_len");
        d.at(529, 1, 0, "data_state");
        d.at(530, 1, 1, "data_dir");
        d.at(531, 1, 18, "eot");
        d.at(532, 1, 0xAF, "timer0");
        d.at(533, 1, 0x02, "timer1");
        d.at(535, 1, 0x60, "config");
        d.at(537, 1, 0, "pwrd");
        assertEquals("2 drives (MAX_FD)", d.at(538, 1, 2, "n_drives").meaningText());
        d.span(539, 6, "drive");
        d.at(539, 1, 0, "drive", "drive[0]", "head");
        d.at(540, 1, 40, "drive", "drive[0]", "track");
        d.at(541, 1, 1, "drive", "drive[0]", "sect");
        d.at(542, 1, 1, "drive", "drive[1]", "head");
        d.at(543, 1, 41, "drive", "drive[1]", "track");
        d.at(544, 1, 2, "drive", "drive[1]", "sect");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 7})
    void fdcBodyIs539PlusThreePerDrive(int n) {
        Decoded d = Decoded.of(new FdcV2(), fdc(n)).coversWholeBody();
        assertEquals(539 + 3L * n, d.measured());
        String meaning = d.get("n_drives").meaningText();
        assertEquals(n > 2, meaning.contains("rejects"), meaning);
    }

    @Test
    void fdcMeasureReadsTheCountEvenWhenTheDrivesAreMissing() {
        byte[] b = fdc(2);
        byte[] cut = java.util.Arrays.copyOf(b, 539);
        assertEquals(545, new FdcV2().layout().measure(new ArrayByteSource(cut), 0, cut.length));
        assertFalse(new FdcV2().layout().fixedSize() >= 0);
    }
}
