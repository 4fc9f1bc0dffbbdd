package org.savevminspector.devices.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.savevminspector.devices.BodyBuilder.body;

import org.junit.jupiter.api.Test;
import org.savevminspector.devices.BodyBuilder;
import org.savevminspector.devices.Decoded;

class AudioDevicesTest {

    @Test
    void audioIsEmpty() {
        Decoded d = Decoded.of(new AudioV1(), new byte[0]).coversWholeBody();
        assertTrue(d.fields().isEmpty());
        assertEquals(0, new AudioV1().layout().fixedSize());
    }

    @Test
    void ac97Is619Bytes() {
        BodyBuilder b = body().pci(2, 0x8086, 0x2415, 0x0401, 0xC001, 0xC101, null)
                .be32(0x0000_0003L).be32(0x0030_0000L).be32(0);
        for (int ch = 0; ch < 3; ch++) {
            b.be32(0x0010_0000L * (ch + 1)).u8(ch).u8(31).be16(0x0001).be16(0x100 + ch).u8(ch + 1).u8(0x1D)
                    .be32(1).be32(0x0020_0000L + ch).be32(0x8000_0100L);
        }
        b.ramp(256, 0).u8(0).u8(1).u8(0);
        Decoded d = Decoded.of(new Ac97V2(), b.build()).coversWholeBody();
        assertEquals(619, d.measured());
        d.at(276, 4, 3, "glob_cnt");
        d.at(280, 4, 0x0030_0000L, "glob_sta");
        d.at(284, 4, 0, "cas");
        d.span(288, 24, "bm_regs", "bm_regs[0]");
        d.at(288, 4, 0x0010_0000L, "bm_regs", "bm_regs[0]", "bdbar");
        d.at(292, 1, 0, "bm_regs", "bm_regs[0]", "civ");
        d.at(293, 1, 31, "bm_regs", "bm_regs[0]", "lvi");
        d.at(294, 2, 1, "bm_regs", "bm_regs[0]", "sr");
        d.at(296, 2, 0x100, "bm_regs", "bm_regs[0]", "picb");
        d.at(298, 1, 1, "bm_regs", "bm_regs[0]", "piv");
        d.at(299, 1, 0x1D, "bm_regs", "bm_regs[0]", "cr");
        d.at(300, 4, 1, "bm_regs", "bm_regs[0]", "bd_valid");
        d.at(304, 4, 0x0020_0000L, "bm_regs", "bm_regs[0]", "bd.addr");
        d.at(308, 4, 0x8000_0100L, "bm_regs", "bm_regs[0]", "bd.ctl_len");
        d.at(336, 4, 0x0030_0000L, "bm_regs", "bm_regs[2]", "bdbar");
        d.span(360, 256, "mixer_data");
        d.at(617, 1, 1, "active", "active[1]");
    }

    @Test
    void es1370Is356Bytes() {
        BodyBuilder b = body().pci(2, 0x1274, 0x5000, 0x0401, 0xC001, 0, null);
        for (int ch = 0; ch < 3; ch++) {
            b.be32(ch).be32(10 + ch).be32(20 + ch).be32(0x0100_0000L + ch).be32(0x0000_00FFL);
        }
        b.be32(0x0000_0020L).be32(0x8000_0000L).be32(0x0C).be32(0x0123).be32(0x0020_0000L);
        Decoded d = Decoded.of(new Es1370V2(), b.build()).coversWholeBody();
        assertEquals(356, d.measured());
        d.at(276, 4, 0, "chan", "chan[0]", "shift");
        d.at(280, 4, 10, "chan", "chan[0]", "leftover");
        d.at(284, 4, 20, "chan", "chan[0]", "scount");
        d.at(288, 4, 0x0100_0000L, "chan", "chan[0]", "frame_addr");
        d.at(292, 4, 0xFF, "chan", "chan[0]", "frame_cnt");
        d.at(316, 4, 2, "chan", "chan[2]", "shift");
        d.at(336, 4, 0x20, "ctl");
        d.at(340, 4, 0x8000_0000L, "status");
        d.at(344, 4, 0x0C, "mempage");
        d.at(348, 4, 0x0123, "codec");
        d.at(352, 4, 0x0020_0000L, "sctl");
    }
}
