package org.savevminspector.devices.display;

import static org.savevminspector.devices.layout.Layout.be64;
import static org.savevminspector.devices.layout.Layout.when;

import org.savevminspector.devices.DeviceLayoutBase;
import org.savevminspector.devices.Meanings;
import org.savevminspector.devices.layout.Layout;
import org.savevminspector.devices.pci.PciBlock;

/**
 * {@code vga} (std VGA) v4 (FORMAT.md B.3.8): PCI block, VGA and VBE registers, {@code vram_size}, {@code vram_gmfn}; a VRAM
 * dump of {@code vram_size} bytes follows only when {@code vram_gmfn == 0} ({@code QT hw/vga.c:vga_save}).
 * Body 1425 bytes, or 1425 + vram_size.
 */
public final class VgaV4 extends DeviceLayoutBase {

    /** {@code VBE_DISPI_INDEX_NB}. */
    static final int VBE_REGS = StdVgaParts.VBE_REGS;

    public VgaV4() {
        super("vga", 4, "QT hw/vga.c:vga_save", body());
    }

    /** The v4 body, also what XenServer writes under its label 6. */
    static Layout body() {
        return Layout.of(
                PciBlock.element(),
                StdVgaParts.registersAndVbe(),
                StdVgaParts.vramSize(),
                be64("vram_gmfn").keep().means(Meanings.VRAM_GMFN),
                when(c -> c.get("vram_gmfn") == 0, StdVgaParts.vram()));
    }
}
