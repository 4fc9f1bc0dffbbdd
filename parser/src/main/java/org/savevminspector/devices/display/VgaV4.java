package org.savevminspector.devices.display;

import static org.savevminspector.devices.layout.Layout.be16;
import static org.savevminspector.devices.layout.Layout.be32;
import static org.savevminspector.devices.layout.Layout.be64;
import static org.savevminspector.devices.layout.Layout.bytes;
import static org.savevminspector.devices.layout.Layout.repeat;
import static org.savevminspector.devices.layout.Layout.u8;
import static org.savevminspector.devices.layout.Layout.when;

import org.savevminspector.devices.DeviceLayoutBase;
import org.savevminspector.devices.Meanings;
import org.savevminspector.devices.layout.Layout;
import org.savevminspector.devices.pci.PciBlock;

/**
 * {@code vga} (std VGA) v4 (§B.3.8): PCI block, VGA and VBE registers, {@code vram_size}, {@code vram_gmfn}; a VRAM
 * dump of {@code vram_size} bytes follows only when {@code vram_gmfn == 0} ({@code QT hw/vga.c:vga_save}).
 * Body 1425 bytes, or 1425 + vram_size.
 */
public final class VgaV4 extends DeviceLayoutBase {

    /** {@code VBE_DISPI_INDEX_NB}. */
    static final int VBE_REGS = 13;

    public VgaV4() {
        super("vga", 4, "QT hw/vga.c:vga_save", Layout.of(
                PciBlock.element(),
                be32("latch"),
                u8("sr_index"),
                bytes("sr", 8),
                u8("gr_index"),
                bytes("gr", 16),
                VgaRegisters.attributeToBankOffset(),
                u8("is_vbe").means(Meanings.flag("0: the loader rejects this (CONFIG_BOCHS_VBE is always set)", "VBE present")),
                be16("vbe_index"),
                repeat("vbe_regs", VBE_REGS, be16("vbe_regs")),
                be32("vbe_start_addr"),
                be32("vbe_line_offset"),
                be32("vbe_bank_mask"),
                be32("vram_size").keep().means(v -> (v % (1024 * 1024) == 0 ? v / (1024 * 1024) + " MiB" : v + " bytes")
                        + " (must equal the restoring qemu's VRAM size)"),
                be64("vram_gmfn").keep().means(Meanings.VRAM_GMFN),
                when(c -> c.get("vram_gmfn") == 0, bytes("vram", c -> c.get("vram_size")))));
    }
}
