package org.savevminspector.devices.display;

import static org.savevminspector.devices.layout.Layout.be64;
import static org.savevminspector.devices.layout.Layout.when;

import org.savevminspector.devices.DeviceLayoutBase;
import org.savevminspector.devices.Meanings;
import org.savevminspector.devices.layout.Layout;
import org.savevminspector.devices.pci.PciBlock;

/**
 * {@code cirrus_vga} v3 (FORMAT.md B.3.7): PCI block, VGA registers, Cirrus extras, then {@code vram_gmfn}; the 4 MiB VRAM
 * dump follows only when {@code vram_gmfn == 0 && vga_acc == 0} ({@code QT hw/cirrus_vga.c:cirrus_vga_save}),
 * which files written after QT 0844825b (2008-09) never have. Body 1895 bytes, or 1895 + 4 MiB.
 */
public final class CirrusVgaV3 extends DeviceLayoutBase {

    /** Cirrus VRAM is always 4 MiB ({@code QT vl.c} l.5781–5785). */
    public static final long VRAM_SIZE = CirrusParts.VRAM_SIZE;

    public CirrusVgaV3() {
        super("cirrus_vga", 3, "QT hw/cirrus_vga.c:cirrus_vga_save", Layout.of(
                PciBlock.element(),
                CirrusParts.registers(),
                be64("vram_gmfn").keep().means(Meanings.VRAM_GMFN),
                when(c -> c.get("vram_gmfn") == 0 && c.get("vga_acc") == 0, CirrusParts.vram())));
    }
}
