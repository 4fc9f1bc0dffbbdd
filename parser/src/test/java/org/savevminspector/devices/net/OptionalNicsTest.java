package org.savevminspector.devices.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.savevminspector.devices.BodyBuilder.body;

import org.junit.jupiter.api.Test;
import org.savevminspector.devices.BodyBuilder;
import org.savevminspector.devices.Decoded;

class OptionalNicsTest {

    private static BodyBuilder dp8390(BodyBuilder b) {
        return b.u8(0x22).be32(0x4000).be32(0xC000).u8(0x4C).u8(0x01).u8(0x40).be16(60).be16(0).be32(0x4000)
                .u8(0x01).u8(0x01).u8(0x48).u8(0x1F).raw(new byte[] {0x52, 0x54, 0, 0x12, 0x34, 0x56}).u8(0x4D)
                .fill(8, 0).be32(0).fill(49_152, 0x5A);
    }

    @Test
    void ne2000V3Is49472Bytes() {
        byte[] b = dp8390(body().pci(2, 0x10EC, 0x8029, 0x0200, 0xC001, 0, null).u8(0x0C)).build();
        Decoded d = Decoded.of(new Ne2000V3(), b).coversWholeBody();
        assertEquals(49_472, d.measured());
        d.at(276, 1, 0x0C, "rxcr");
        d.at(277, 1, 0x22, "cmd");
        d.at(278, 4, 0x4000, "start");
        d.at(282, 4, 0xC000, "stop");
        d.at(286, 1, 0x4C, "boundary");
        d.at(289, 2, 60, "tcnt");
        d.at(293, 4, 0x4000, "rsar");
        d.at(300, 1, 0x1F, "imr");
        d.span(301, 6, "phys");
        d.at(307, 1, 0x4D, "curpag");
        d.span(308, 8, "mult");
        d.at(316, 4, 0, "was_irq");
        d.span(320, 49_152, "mem");
    }

    @Test
    void ne2000V2HasNoPciBlock() {
        Decoded d = Decoded.of(new Ne2000V2(), dp8390(body().u8(0x0C)).build()).coversWholeBody();
        assertEquals(49_196, d.measured());
        assertFalse(d.has("pci.version"));
        d.at(0, 1, 0x0C, "rxcr");
        d.span(44, 49_152, "mem");
    }

    @Test
    void pcnetIs4756Bytes() {
        BodyBuilder b = body().pci(2, 0x1022, 0x2000, 0x0200, 0xC001, 0xF4000000L, null)
                .be32(0).be32(0x80).be32(0x40).be32(0x0010_0000L).be32(0x0020_0000L)
                .raw(new byte[] {0x52, 0x54, 0, 0x12, 0x34, 0x56, 0, 0, 0, 0, 0, 0, 0, 0, 0x57, 0x57});
        for (int i = 0; i < 128; i++) {
            b.be16(i);
        }
        for (int i = 0; i < 32; i++) {
            b.be16(0x100 + i);
        }
        b.be64(123).be32(5).be32(6).fill(4096, 0).be32(0).be64(-1);
        Decoded d = Decoded.of(new PcnetV2(), b.build()).coversWholeBody();
        assertEquals(4_756, d.measured());
        assertEquals("AMD", d.get("pci.config", "vendor_id").meaningText());
        d.at(276, 4, 0, "rap");
        d.at(280, 4, 0x80, "isr");
        d.at(284, 4, 0x40, "lnkst");
        d.at(288, 4, 0x0010_0000L, "rdra");
        d.at(292, 4, 0x0020_0000L, "tdra");
        d.span(296, 16, "prom");
        d.at(312, 2, 0, "csr", "csr[0]");
        d.at(566, 2, 127, "csr", "csr[127]");
        d.at(568, 2, 0x100, "bcr", "bcr[0]");
        d.at(632, 8, 123, "timer");
        d.at(640, 4, 5, "xmit_pos");
        d.at(644, 4, 6, "recv_pos");
        d.span(648, 4096, "buffer");
        d.at(4744, 4, 0, "tx_busy");
        assertEquals("not pending", d.at(4748, 8, -1, "poll_timer").meaningText());
    }
}
