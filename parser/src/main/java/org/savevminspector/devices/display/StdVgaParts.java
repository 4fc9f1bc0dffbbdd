package org.savevminspector.devices.display;

import static org.savevminspector.devices.layout.Layout.be16;
import static org.savevminspector.devices.layout.Layout.be32;
import static org.savevminspector.devices.layout.Layout.blob;
import static org.savevminspector.devices.layout.Layout.bytes;
import static org.savevminspector.devices.layout.Layout.repeat;
import static org.savevminspector.devices.layout.Layout.seq;
import static org.savevminspector.devices.layout.Layout.u8;

import org.savevminspector.devices.Meanings;
import org.savevminspector.devices.layout.Element;
import org.savevminspector.devices.layout.Scalar;

/**
 * The pieces the std-VGA versions are assembled from ({@code QT hw/vga.c:vga_save} and the version tests of
 * {@code vga_load}, FORMAT.md B.3.8): v1 = registers and VBE state, no PCI block; v2 adds the PCI block in front; v3 adds
 * {@code vram_size} and the VRAM dump; v4 puts {@code vram_gmfn} before the dump, which then follows only when it
 * is 0. XenServer's loader also reads a v5 with {@code map_addr} and an ignored word before {@code vram_gmfn}
 * ({@code XSPQ master/savevm_george_compatibility.patch}).
 */
final class StdVgaParts {

    /** {@code VBE_DISPI_INDEX_NB}. */
    static final int VBE_REGS = 13;

    private StdVgaParts() {
    }

    /** From {@code latch} to {@code vbe_bank_mask}: 1 137 bytes. */
    static Element registersAndVbe() {
        return seq(
                be32("latch"),
                u8("sr_index"),
                bytes("sr", 8),
                u8("gr_index"),
                bytes("gr", 16),
                VgaRegisters.attributeToBankOffset(),
                u8("is_vbe").means(Meanings.flag("0: the loader rejects this (CONFIG_BOCHS_VBE is always set)",
                        "VBE present")),
                be16("vbe_index"),
                repeat("vbe_regs", VBE_REGS, be16("vbe_regs")),
                be32("vbe_start_addr"),
                be32("vbe_line_offset"),
                be32("vbe_bank_mask"));
    }

    static Scalar vramSize() {
        return be32("vram_size").keep().means(v -> (v % (1024 * 1024) == 0 ? v / (1024 * 1024) + " MiB" : v + " bytes")
                + " (must equal the restoring qemu's VRAM size)");
    }

    /** The VRAM dump of {@code vram_size} bytes, one summarised field. */
    static Element vram() {
        return blob("vram", c -> c.get("vram_size"));
    }
}
