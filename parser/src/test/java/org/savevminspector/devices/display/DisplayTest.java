package org.savevminspector.devices.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.savevminspector.devices.BodyBuilder.body;

import org.junit.jupiter.api.Test;
import org.savevminspector.devices.BodyBuilder;
import org.savevminspector.devices.Decoded;
import org.savevminspector.io.ArrayByteSource;

class DisplayTest {

    private static final long MIB4 = 4L * 1024 * 1024;

    /** A cirrus v3 body up to and including vram_gmfn (1895 bytes). */
    private static BodyBuilder cirrus(int vgaAcc, long vramGmfn) {
        return body().pci(0x1013, 0x00B8, 0x0300)
                .be32(0x12345678L)              // latch 276
                .u8(0x04).ramp(256, 0)          // sr_index 280, sr 281
                .u8(0x06).u8(0x0F).u8(0x01)     // gr_index 537, shadow gr0 538, gr1 539
                .ramp(254, 2)                   // gr[2..255] 540
                .u8(0x20).ramp(21, 0)           // ar_index 794, ar 795
                .be32(1)                        // ar_flip_flop 816
                .u8(0x11).ramp(256, 0)          // cr_index 820, cr 821
                .u8(0x67).u8(0).u8(0).u8(0x01)  // msr fcr st00 st01 1077..1080
                .u8(0).u8(1).u8(2).u8(3)        // dac_state .. dac_write_index 1081..1084
                .fill(3, 0x3F)                  // dac_cache 1085
                .ramp(768, 0)                   // palette 1088
                .be32(0x8000)                   // bank_offset 1856
                .u8(0x5A).u8(0xA5)              // hidden dac 1860, 1861
                .be32(320).be32(200)            // hw cursor 1862, 1866
                .u8(vgaAcc)                     // 1870
                .be32(0xFFFFFFFFL)              // 1871
                .be32(0xF0000000L)              // lfb_addr 1875
                .be32(0xFFFFFFFFL)              // 1879
                .be32(0xF2000000L)              // lfb_end 1883
                .be64(vramGmfn);                // 1887
    }

    @Test
    void cirrusWithoutVramIs1895Bytes() {
        byte[] b = cirrus(1, 0xFF000000L).build();
        assertEquals(1895, b.length);
        Decoded d = Decoded.of(new CirrusVgaV3(), b).coversWholeBody();
        d.at(0, 4, 2, "pci.version");
        assertEquals("Cirrus Logic", d.get("pci.config", "vendor_id").meaningText());
        d.at(276, 4, 0x12345678L, "latch");
        d.at(280, 1, 4, "sr_index");
        d.span(281, 256, "sr");
        d.at(537, 1, 6, "gr_index");
        d.at(538, 1, 0x0F, "cirrus_shadow_gr0");
        d.at(539, 1, 1, "cirrus_shadow_gr1");
        d.span(540, 254, "gr");
        d.at(794, 1, 0x20, "ar_index");
        d.span(795, 21, "ar");
        d.at(816, 4, 1, "ar_flip_flop");
        d.at(820, 1, 0x11, "cr_index");
        d.span(821, 256, "cr");
        d.at(1077, 1, 0x67, "msr");
        d.at(1080, 1, 1, "st01");
        d.at(1084, 1, 3, "dac_write_index");
        d.span(1085, 3, "dac_cache");
        d.span(1088, 768, "palette");
        d.at(1856, 4, 0x8000, "bank_offset");
        d.at(1860, 1, 0x5A, "cirrus_hidden_dac_lockindex");
        d.at(1861, 1, 0xA5, "cirrus_hidden_dac_data");
        d.at(1862, 4, 320, "hw_cursor_x");
        d.at(1866, 4, 200, "hw_cursor_y");
        d.at(1870, 1, 1, "vga_acc");
        d.at(1871, 4, 0xFFFFFFFFL, "legacy_junk_1");
        d.at(1875, 4, 0xF0000000L, "lfb_addr");
        d.at(1879, 4, 0xFFFFFFFFL, "legacy_junk_2");
        d.at(1883, 4, 0xF2000000L, "lfb_end");
        assertTrue(d.at(1887, 8, 0xFF000000L, "vram_gmfn").meaningText().contains("VRAM_RESERVED_ADDRESS"));
        assertFalse(d.has("vram"));
    }

    @Test
    void cirrusVramDumpOnlyWhenGmfnAndAccAreBothZero() {
        byte[] withDump = cirrus(0, 0).fill((int) MIB4, 0x55).build();
        Decoded d = Decoded.of(new CirrusVgaV3(), withDump).coversWholeBody();
        assertEquals(1895 + MIB4, d.measured());
        d.span(1895, MIB4, "vram");
        assertTrue(d.get("vram_gmfn").meaningText().contains("VRAM dump follows"));

        assertEquals(1895, Decoded.of(new CirrusVgaV3(), cirrus(1, 0).build()).coversWholeBody().measured());
        assertEquals(1895, Decoded.of(new CirrusVgaV3(), cirrus(0, 0xF0000000L).build()).coversWholeBody().measured());
    }

    @Test
    void cirrusMeasureNeedsOnlyTheFlagsNotTheDump() {
        byte[] head = cirrus(0, 0).build();
        assertEquals(1895 + MIB4, new CirrusVgaV3().layout().measure(new ArrayByteSource(head), 0, head.length));
    }

    private static BodyBuilder vga(long vramSize, long vramGmfn) {
        BodyBuilder b = body().pci(0x1234, 0x1111, 0x0300)
                .be32(0xCAFEBABEL)              // latch 276
                .u8(2).ramp(8, 1)               // sr_index 280, sr 281
                .u8(5).ramp(16, 1)              // gr_index 289, gr 290
                .u8(0x20).ramp(21, 0)           // ar_index 306, ar 307
                .be32(0)                        // ar_flip_flop 328
                .u8(0x0E).ramp(256, 0)          // cr_index 332, cr 333
                .u8(0x67).u8(0).u8(0).u8(0)     // msr 589 .. st01 592
                .u8(0).u8(0).u8(0).u8(0)        // dac 593 .. 596
                .fill(3, 0)                     // dac_cache 597
                .ramp(768, 0)                   // palette 600
                .be32(0)                        // bank_offset 1368
                .u8(1)                          // is_vbe 1372
                .be16(4);                       // vbe_index 1373
        for (int i = 0; i < 13; i++) {
            b.be16(0xB0C0 + i);                 // vbe_regs 1375
        }
        return b.be32(0)                        // vbe_start_addr 1401
                .be32(2560)                     // vbe_line_offset 1405
                .be32(0x3FF)                    // vbe_bank_mask 1409
                .be32(vramSize)                 // 1413
                .be64(vramGmfn);                // 1417
    }

    @Test
    void vgaWithoutVramIs1425Bytes() {
        byte[] b = vga(8L << 20, 0xF1000000L).build();
        assertEquals(1425, b.length);
        Decoded d = Decoded.of(new VgaV4(), b).coversWholeBody();
        assertEquals("Bochs/QEMU (std VGA)", d.get("pci.config", "vendor_id").meaningText());
        d.at(276, 4, 0xCAFEBABEL, "latch");
        d.at(280, 1, 2, "sr_index");
        d.span(281, 8, "sr");
        d.at(289, 1, 5, "gr_index");
        d.span(290, 16, "gr");
        d.at(306, 1, 0x20, "ar_index");
        d.at(328, 4, 0, "ar_flip_flop");
        d.at(332, 1, 0x0E, "cr_index");
        d.at(589, 1, 0x67, "msr");
        d.span(600, 768, "palette");
        d.at(1368, 4, 0, "bank_offset");
        assertEquals("VBE present", d.at(1372, 1, 1, "is_vbe").meaningText());
        d.at(1373, 2, 4, "vbe_index");
        d.span(1375, 26, "vbe_regs");
        d.at(1375, 2, 0xB0C0, "vbe_regs", "vbe_regs[0]");
        d.at(1399, 2, 0xB0CC, "vbe_regs", "vbe_regs[12]");
        d.at(1401, 4, 0, "vbe_start_addr");
        d.at(1405, 4, 2560, "vbe_line_offset");
        d.at(1409, 4, 0x3FF, "vbe_bank_mask");
        assertTrue(d.at(1413, 4, 8L << 20, "vram_size").meaningText().startsWith("8 MiB"));
        d.at(1417, 8, 0xF1000000L, "vram_gmfn");
        assertFalse(d.has("vram"));
    }

    @Test
    void vgaVramDumpHasVramSizeBytesWhenGmfnIsZero() {
        int size = 1 << 20;
        byte[] b = vga(size, 0).fill(size, 0x11).build();
        Decoded d = Decoded.of(new VgaV4(), b).coversWholeBody();
        assertEquals(1425 + size, d.measured());
        d.span(1425, size, "vram");
        byte[] head = vga(16L << 20, 0).build();
        assertEquals(1425 + (16L << 20), new VgaV4().layout().measure(new ArrayByteSource(head), 0, head.length));
    }
}
