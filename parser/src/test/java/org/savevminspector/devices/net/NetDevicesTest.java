package org.savevminspector.devices.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.savevminspector.devices.BodyBuilder.body;

import org.junit.jupiter.api.Test;
import org.savevminspector.devices.BodyBuilder;
import org.savevminspector.devices.Decoded;
import org.savevminspector.devices.DeviceLayout;

class NetDevicesTest {

    /** The rtl8139 registers (282 bytes) as written from offset {@code base}. */
    private static BodyBuilder registers(BodyBuilder b) {
        b.raw(new byte[] {0x00, 0x16, 0x3E, 0x12, 0x34, 0x56}).fill(8, 0xFF);
        for (int i = 0; i < 4; i++) {
            b.be32(0x2000 + i);
        }
        for (int i = 0; i < 4; i++) {
            b.be32(0x3000_0000L + i * 0x600);
        }
        b.be32(0x0400_0000L).be32(0x2000).be32(0x10).be32(0x0400_0010L)
                .be16(0x0001).be16(0xE1FF)
                .be32(0x0300_0700L).be32(0x0000_F70EL).be32(0)
                .be16(0x0100)
                .u8(0x00).u8(0x00).u8(0x0D).u8(0x60).u8(0x80).u8(0x00)
                .u8(1).u8(0x0C)
                .be16(0).be16(0x1000).be16(0x782D).be16(0x05E1).be16(0x45E1).be16(0x0001).be16(0x0000)
                .u8(0x08)
                .be32(0)
                .raw(new byte[] {0x00, 0x16, 0x3E, 0x12, 0x34, 0x56})
                .be32(0x1234)
                .be32(2).be32(0).be32(0).be32(0).be32(0);
        for (int i = 0; i < 64; i++) {
            b.be16(0x8129 + i);
        }
        return b.be32(0).be32(0).u8(0).be16(0).be16(0).u8(0).u8(0).u8(0).u8(1);
    }

    private static BodyBuilder tally(BodyBuilder b) {
        return b.be32(0x11).be32(0x22).be64(0x33).be64(100).be64(200).be64(0).be32(0).be16(0).be16(0)
                .be32(0).be32(0).be64(150).be64(40).be32(9).be16(0).be16(0);
    }

    @Test
    void rtl8139V4Is642BytesAtSpecOffsets() {
        byte[] b = tally(registers(body().pci(2, 0x10EC, 0x8139, 0x0200, 0xC101, 0xF3000000L, null))).be32(1).build();
        Decoded d = Decoded.of(new Rtl8139V4(), b).coversWholeBody();
        assertEquals(642, d.measured());
        assertEquals("Realtek", d.get("pci.config", "vendor_id").meaningText());
        d.span(276, 6, "phys");
        d.span(282, 8, "mult");
        d.at(290, 4, 0x2000, "TxStatus", "TxStatus[0]");
        d.at(302, 4, 0x2003, "TxStatus", "TxStatus[3]");
        d.at(306, 4, 0x3000_0000L, "TxAddr", "TxAddr[0]");
        d.at(322, 4, 0x0400_0000L, "RxBuf");
        d.at(326, 4, 0x2000, "RxBufferSize");
        d.at(330, 4, 0x10, "RxBufPtr");
        d.at(334, 4, 0x0400_0010L, "RxBufAddr");
        d.at(338, 2, 1, "IntrStatus");
        d.at(340, 2, 0xE1FF, "IntrMask");
        d.at(342, 4, 0x0300_0700L, "TxConfig");
        d.at(346, 4, 0xF70E, "RxConfig");
        d.at(350, 4, 0, "RxMissed");
        d.at(354, 2, 0x0100, "CSCR");
        d.at(356, 1, 0, "Cfg9346");
        d.at(358, 1, 0x0D, "Config1");
        d.at(361, 1, 0, "Config5");
        d.at(362, 1, 1, "clock_enabled");
        d.at(363, 1, 0x0C, "bChipCmdState");
        d.at(364, 2, 0, "MultiIntr");
        d.at(366, 2, 0x1000, "BasicModeCtrl");
        d.at(376, 2, 0, "CpCmd");
        d.at(378, 1, 8, "TxThresh");
        d.at(379, 4, 0, "unused");
        d.span(383, 6, "macaddr");
        d.at(389, 4, 0x1234, "rtl8139_mmio_io_addr");
        d.at(393, 4, 2, "currTxDesc");
        d.at(409, 4, 0, "RxRingAddrHI");
        d.at(413, 2, 0x8129, "eeprom.contents", "eeprom.contents[0]");
        d.at(539, 2, 0x8129 + 63, "eeprom.contents", "eeprom.contents[63]");
        d.at(541, 4, 0, "eeprom.mode");
        d.at(549, 1, 0, "eeprom.address");
        d.at(550, 2, 0, "eeprom.input");
        d.at(557, 1, 1, "eeprom.eedo");
        d.at(558, 4, 0x11, "TCTR");
        d.at(562, 4, 0x22, "TimerInt");
        d.at(566, 8, 0x33, "TCTR_base");
        d.at(574, 8, 100, "tally.TxOk");
        d.at(582, 8, 200, "tally.RxOk");
        d.at(598, 4, 0, "tally.RxERR");
        d.at(614, 8, 150, "tally.RxOkPhy");
        d.at(622, 8, 40, "tally.RxOkBrd");
        d.at(630, 4, 9, "tally.RxOkMul");
        d.at(636, 2, 0, "tally.TxUndrn");
        d.at(638, 4, 1, "cplus_enabled");
    }

    @Test
    void olderRtl8139Versions() {
        byte[] v3 = tally(registers(body().pci(0x10EC, 0x8139, 0x0200))).build();
        Decoded d3 = Decoded.of(new Rtl8139V3(), v3).coversWholeBody();
        assertEquals(638, d3.measured());
        assertFalse(d3.has("cplus_enabled"));

        byte[] v2 = tally(registers(body())).build();
        Decoded d2 = Decoded.of(new Rtl8139V2(), v2).coversWholeBody();
        assertEquals(362, d2.measured());
        assertFalse(d2.has("pci.version"));
        d2.span(0, 6, "phys");
        d2.at(282, 4, 0x11, "TCTR");

        byte[] v1 = registers(body()).build();
        Decoded d1 = Decoded.of(new Rtl8139V1(), v1).coversWholeBody();
        assertEquals(282, d1.measured());
        d1.at(281, 1, 1, "eeprom.eedo");
        assertFalse(d1.has("TCTR"));
    }

    private static BodyBuilder e1000State(BodyBuilder b) {
        b.be32(0).be32(2048).be32(1)
                .be32(0x5A).be16(3).be16(4).be16(1).be32(0x0F)
                .u8(14).u8(24).be16(0).u8(34).u8(50).be16(0).be32(1460).u8(54).be16(1460).be16(60).be16(0)
                .u8(1).u8(1).u8(0xFF)
                .ramp(256, 0).fill(0x10000, 0x5C);
        for (int i = 0; i < 64; i++) {
            b.be16(0xE000 + i);
        }
        for (int i = 0; i < 32; i++) {
            b.be16(0x7000 + i);
        }
        for (int i = 0; i < 37; i++) {
            b.be32(0xAA00 + i);
        }
        for (int i = 0; i < 32 + 128 + 128; i++) {
            b.be32(i);
        }
        return b;
    }

    @Test
    void e1000V2Is67608Bytes() {
        byte[] b = e1000State(body().pci(2, 0x8086, 0x100E, 0x0200, 0xF4000000L, 0xC201, null)).build();
        Decoded d = Decoded.of(new E1000V2(), b).coversWholeBody();
        assertEquals(67_608, d.measured());
        d.at(276, 4, 0, "was_mmio_base");
        d.at(280, 4, 2048, "rxbuf_size");
        d.at(284, 4, 1, "rxbuf_min_shift");
        d.at(288, 4, 0x5A, "eecd_state.val_in");
        d.at(292, 2, 3, "eecd_state.bitnum_in");
        d.at(296, 2, 1, "eecd_state.reading");
        d.at(298, 4, 0x0F, "eecd_state.old_eecd");
        d.at(302, 1, 14, "tx.ipcss");
        d.at(306, 1, 34, "tx.tucss");
        d.at(310, 4, 1460, "tx.paylen");
        d.at(314, 1, 54, "tx.hdr_len");
        d.at(315, 2, 1460, "tx.mss");
        d.at(317, 2, 60, "tx.size");
        d.at(321, 1, 1, "tx.sum_needed");
        d.at(322, 1, 1, "tx.ip");
        d.at(323, 1, -1, "tx.tcp");
        d.span(324, 256, "tx.header");
        d.span(580, 65536, "tx.data");
        d.at(66116, 2, 0xE000, "eeprom_data", "eeprom_data[0]");
        d.at(66244, 2, 0x7000, "phy_reg", "phy_reg[0]");
        d.at(66308, 4, 0xAA00, "mac_reg.CTRL");
        d.at(66308 + 36 * 4, 4, 0xAA00 + 36, "mac_reg.VET");
        d.at(66456, 4, 0, "RA", "RA[0]");
        d.at(66584, 4, 32, "MTA", "MTA[0]");
        d.at(67096, 4, 160, "VFTA", "VFTA[0]");
        d.at(67604, 4, 287, "VFTA", "VFTA[127]");
    }

    @Test
    void e1000V1CarriesOneMoreWord() {
        BodyBuilder b = body().pci(0x8086, 0x100E, 0x0200).be32(0);
        byte[] v1 = e1000State(b).build();
        DeviceLayout dev = new E1000V1();
        Decoded d = Decoded.of(dev, v1).coversWholeBody();
        assertEquals(67_612, d.measured());
        d.at(276, 4, 0, "instance");
        d.at(280, 4, 0, "was_mmio_base");
        d.at(284, 4, 2048, "rxbuf_size");
    }
}
