package org.savevminspector.devices.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.savevminspector.devices.BodyBuilder.body;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.savevminspector.devices.BodyBuilder;
import org.savevminspector.devices.Decoded;
import org.savevminspector.devices.DeviceCatalog;
import org.savevminspector.devices.DeviceLayout;

/** Intel 8255x NICs and their 93Cxx EEPROM (FORMAT.md B.3.17), and the ne2000 versions without PCI block (FORMAT.md B.3.15). */
class IntelNicsTest {

    /** The state after rxcr: 4429 bytes with recognisable values at the field boundaries. */
    private static BodyBuilder state(BodyBuilder b) {
        b.u8(0x22).be32(0x4000).be32(0x8000).u8(0x4C).u8(0x01).u8(0x40).be16(60).be16(0x0100).be32(0x4C00)
                .u8(0x01).u8(0x80).u8(0x49).u8(0x1F)
                .u8(0x00).u8(0x16).u8(0x3E).u8(0x11).u8(0x22).u8(0x33)   // phys
                .u8(0x4D).fill(8, 0xFF)                                    // curpag, mult
                .fill(4096, 0)                                             // mem
                .u8(0x50).u8(0x05)                                         // scb_stat, int_stat
                .be32(0xF0000000L).be32(0xC001).be32(0xF0100000L)          // region
                .u8(0x00).u8(0x16).u8(0x3E).u8(0x11).u8(0x22).u8(0x33);  // macaddr
        for (int i = 0; i < 19; i++) {
            b.be32(i);
        }
        for (int i = 0; i < 32; i++) {
            b.be16(0x7800 + i);
        }
        b.be32(1).be32(2).be32(0x1000).be32(0x20).be32(0x2000).be32(0x40).be32(0x3000);
        for (int i = 0; i < 19; i++) {
            b.be32(100 + i);
        }
        return b.be16(7).be16(8).be32(0xA005).ramp(22, 0x30);
    }

    @Test
    void i8255xV3IsPciBlockRxcrAndState() {
        byte[] b = state(body().pci(0x8086, 0x1209, 0x0200).u8(0x0C)).build();
        assertEquals(4706, b.length);
        Decoded d = Decoded.of(new I8255xV3(), b).coversWholeBody();
        d.at(276, 1, 0x0C, "rxcr");
        d.at(277, 1, 0x22, "cmd");
        assertEquals("00:16:3E:11:22:33 (Xen OUI 00:16:3E)", d.span(301, 6, "phys").meaningText());
        assertEquals("all zero", d.span(316, 4096, "mem").meaningText());
        d.at(4412, 1, 0x50, "scb_stat");
        d.at(4414 + 4, 4, 0xC001, "region", "region[1]");
        d.span(4426, 6, "macaddr");
        d.at(4432 + 18 * 4, 4, 18, "statcounter", "statcounter[18]");
        d.at(4508, 2, 0x7800, "mdimem", "mdimem[0]");
        d.at(4572, 4, 1, "device");
        d.at(4596, 4, 0x3000, "statsaddr");
        d.at(4600, 4, 100, "statistics.tx_good_frames");
        d.at(4600 + 18 * 4, 4, 118, "statistics.fc_rcv_unsupported");
        d.at(4676, 2, 7, "statistics.xmt_tco_frames");
        d.at(4680, 4, 0xA005, "statistics.complete");
        d.span(4684, 22, "configuration");
    }

    @Test
    void i8255xV1AndV2HaveNoPciBlock() {
        Decoded v2 = Decoded.of(new I8255xV2(), state(body().u8(0x0C)).build()).coversWholeBody();
        assertEquals(4430, v2.measured());
        v2.at(0, 1, 0x0C, "rxcr");
        Decoded v1 = Decoded.of(new I8255xV1(), state(body()).build()).coversWholeBody();
        assertEquals(4429, v1.measured());
        assertFalse(v1.has("rxcr"));
        v1.at(0, 1, 0x22, "cmd");
    }

    @Test
    void theThreeModelsShareTheLayout() {
        DeviceCatalog catalog = DeviceCatalog.standard();
        DeviceLayout v3 = catalog.find("i82551", 3).orElseThrow();
        for (String model : List.of("i82557b", "i82559er")) {
            assertEquals(v3, catalog.find(model, 3).orElseThrow());
        }
    }

    @Test
    void eepromCarriesSizeWordsOfContents() {
        BodyBuilder b = body().u8(3).u8(0x12).u8(0x06).u8(1).u8(1).u8(0).u8(1).u8(6).u8(64).u8(0xCC).be16(0xBEEF);
        for (int i = 0; i < 64; i++) {
            b.be16(0x1000 + i);
        }
        Decoded d = Decoded.of(new EepromV20061112(), b.build()).coversWholeBody();
        assertEquals(140, d.measured());
        assertEquals(0x01321BB8, d.device().version());
        d.at(7, 1, 6, "addrbits");
        assertEquals("64 words (eepro100's EEPROM_SIZE)", d.at(8, 1, 64, "size").meaningText());
        d.at(10, 2, 0xBEEF, "data");
        d.at(12 + 63 * 2, 2, 0x103F, "contents", "contents[63]");
        // a 16-word EEPROM is 44 bytes: the length follows the size byte
        BodyBuilder small = body().fill(8, 0).u8(16).u8(0).be16(0).fill(32, 0xAB);
        assertEquals(44, Decoded.of(new EepromV20061112(), small.build()).coversWholeBody().measured());
    }

    @Test
    void ne2000V1HasNeitherPciBlockNorRxcr() {
        BodyBuilder b = body().u8(0x21).be32(0x4000).be32(0xC000).u8(0x4C).u8(0).u8(0x40).be16(0).be16(0)
                .be32(0).u8(0).u8(0).u8(0x48).u8(0).u8(0x52).u8(0x54).u8(0x00).u8(0x12).u8(0x34).u8(0x56)
                .u8(0x4D).fill(8, 0).be32(0).ramp(200, 1).fill(49_152 - 200, 0);
        Decoded d = Decoded.of(new Ne2000V1(), b.build()).coversWholeBody();
        assertEquals(49_195, d.measured());
        d.at(0, 1, 0x21, "cmd");
        assertEquals("52:54:00:12:34:56", d.span(24, 6, "phys").meaningText());
        assertEquals("200 of 49152 bytes non-zero (0.4%), entropy 0.07 bits/byte",
                d.span(43, 49_152, "mem").meaningText());
    }
}
