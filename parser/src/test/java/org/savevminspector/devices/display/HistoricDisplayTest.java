package org.savevminspector.devices.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.savevminspector.devices.BodyBuilder.body;

import org.junit.jupiter.api.Test;
import org.savevminspector.devices.BodyBuilder;
import org.savevminspector.devices.Decoded;
import org.savevminspector.devices.DeviceLayout;

/** cirrus_vga v1/v2 and std-VGA v1–v3 plus XenServer's v5/v6 labels (FORMAT.md B.3.7, FORMAT.md B.3.8, FORMAT.md X.3). */
class HistoricDisplayTest {

    private static final int MIB4 = 4 * 1024 * 1024;

    /** Cirrus registers from latch to lfb_end (1611 bytes), vga_acc 0. */
    private static BodyBuilder cirrusRegisters(BodyBuilder b) {
        return b.be32(0x12345678L).u8(0x04).ramp(256, 0).u8(0x06).u8(0x0F).u8(0x01).ramp(254, 2)
                .u8(0x20).ramp(21, 0).be32(1).u8(0x11).ramp(256, 0).u8(0x67).u8(0).u8(0).u8(1)
                .u8(0).u8(1).u8(2).u8(3).fill(3, 0x3F).ramp(768, 0).be32(0x8000).u8(0x5A).u8(0xA5)
                .be32(320).be32(200).u8(0).be32(0xFFFFFFFFL).be32(0xF0000000L).be32(0xFFFFFFFFL).be32(0xF2000000L);
    }

    /** std-VGA registers from latch to vbe_bank_mask (1137 bytes). */
    private static BodyBuilder stdRegisters(BodyBuilder b) {
        b.be32(0xCAFEBABEL).u8(0x02).ramp(8, 0x10).u8(0x05).ramp(16, 0x20)
                .u8(0x20).ramp(21, 0).be32(0).u8(0x11).ramp(256, 0).u8(0x67).u8(0).u8(0).u8(1)
                .u8(0).u8(1).u8(2).u8(3).fill(3, 0x3F).ramp(768, 0).be32(0x10000)
                .u8(1).be16(4);
        for (int i = 0; i < 13; i++) {
            b.be16(0x100 + i);
        }
        return b.be32(0x2000).be32(1024 * 4).be32(0xFFFF);
    }

    private static byte[] vram(int n) {
        byte[] v = new byte[n];
        v[0] = 7;
        v[n - 1] = 9;
        return v;
    }

    /** Name, span and display of every field, depth first (meanings are lambdas, so records do not compare). */
    private static java.util.List<String> flat(java.util.List<org.savevminspector.model.Field> fields) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (org.savevminspector.model.Field f : fields) {
            out.add(f.name() + "@" + f.span() + "=" + f.display());
            out.addAll(flat(f.children()));
        }
        return out;
    }

    @Test
    void cirrusV1HasNoPciBlockAndAlwaysTheVramDump() {
        byte[] b = cirrusRegisters(body()).raw(vram(MIB4)).build();
        assertEquals(1611 + MIB4, b.length);
        Decoded d = Decoded.of(new CirrusVgaV1(), b).coversWholeBody();
        assertFalse(d.has("pci.version"));
        d.at(0, 4, 0x12345678L, "latch");
        d.at(1594, 1, 0, "vga_acc");
        d.at(1599, 4, 0xF0000000L, "lfb_addr");
        d.at(1607, 4, 0xF2000000L, "lfb_end");
        String summary = d.span(1611, MIB4, "vram").meaningText();
        assertEquals("2 of 4194304 bytes non-zero (0.0%), entropy 0.00 bits/byte", summary);
    }

    @Test
    void cirrusV2PutsThePciBlockInFrontAndHasNoVramGmfn() {
        byte[] b = cirrusRegisters(body().pci(0x1013, 0x00B8, 0x0300)).fill(MIB4, 0).build();
        assertEquals(1887 + MIB4, b.length);
        Decoded d = Decoded.of(new CirrusVgaV2(), b).coversWholeBody();
        d.at(276, 4, 0x12345678L, "latch");
        d.at(1883, 4, 0xF2000000L, "lfb_end");
        assertFalse(d.has("vram_gmfn"));
        assertEquals("all zero", d.span(1887, MIB4, "vram").meaningText());
        assertTrue(d.get("vram").display().startsWith("4194304 bytes → all zero"), d.get("vram").display());
    }

    @Test
    void vgaV1AndV2StopAfterTheVbeRegisters() {
        Decoded v1 = Decoded.of(new VgaV1(), stdRegisters(body()).build()).coversWholeBody();
        assertEquals(1137, v1.measured());
        v1.at(0, 4, 0xCAFEBABEL, "latch");
        v1.at(1096, 1, 1, "is_vbe");
        v1.at(1097, 2, 4, "vbe_index");
        v1.span(1099, 26, "vbe_regs");
        v1.at(1099 + 24, 2, 0x10C, "vbe_regs", "vbe_regs[12]");
        v1.at(1133, 4, 0xFFFF, "vbe_bank_mask");
        Decoded v2 = Decoded.of(new VgaV2(), stdRegisters(body().pci(0x1234, 0x1111, 0x0300)).build())
                .coversWholeBody();
        assertEquals(1413, v2.measured());
        v2.at(276 + 1096, 1, 1, "is_vbe");
    }

    @Test
    void vgaV3AlwaysCarriesItsVramDump() {
        byte[] b = stdRegisters(body().pci(0x1234, 0x1111, 0x0300)).be32(64).raw(vram(64)).build();
        Decoded d = Decoded.of(new VgaV3(), b).coversWholeBody();
        assertEquals(1417 + 64, d.measured());
        assertTrue(d.at(1413, 4, 64, "vram_size").meaningText().startsWith("64 bytes"));
        assertEquals("2 of 64 bytes non-zero (3.1%), entropy 0.23 bits/byte", d.span(1417, 64, "vram").meaningText());
    }

    @Test
    void xenServerV5HasMapAddrAndTheDumpOnlyWhenBothAddressesAreZero() {
        DeviceLayout v5 = new VgaXenServerV5();
        assertEquals(DeviceLayout.Origin.XENSERVER, v5.origin());
        byte[] mapped = stdRegisters(body().pci(0x1234, 0x1111, 0x0300)).be32(64).be32(0xF1000000L).be32(0xAAAA)
                .be64(0).build();
        Decoded d = Decoded.of(v5, mapped).coversWholeBody();
        assertEquals(1433, d.measured());
        d.at(1417, 4, 0xF1000000L, "map_addr");
        d.at(1421, 4, 0xAAAA, "ignored");
        d.at(1425, 8, 0, "vram_gmfn");
        assertFalse(d.has("vram"));
        byte[] unmapped = stdRegisters(body().pci(0x1234, 0x1111, 0x0300)).be32(64).be32(0).be32(0).be64(0)
                .raw(vram(64)).build();
        Decoded u = Decoded.of(v5, unmapped).coversWholeBody();
        u.span(1433, 64, "vram");
    }

    @Test
    void xenServerV6IsTheV4Body() {
        byte[] b = stdRegisters(body().pci(0x1234, 0x1111, 0x0300)).be32(8 << 20).be64(0xFF000000L).build();
        Decoded v6 = Decoded.of(new VgaXenServerV6(), b).coversWholeBody();
        Decoded v4 = Decoded.of(new VgaV4(), b).coversWholeBody();
        assertEquals(1425, v6.measured());
        assertEquals(flat(v4.fields()), flat(v6.fields()));
        assertEquals("vga v6 (XenServer numbering)", new VgaXenServerV6().toString());
    }
}
