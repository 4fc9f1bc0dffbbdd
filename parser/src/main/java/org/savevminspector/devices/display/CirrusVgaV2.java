package org.savevminspector.devices.display;

import org.savevminspector.devices.DeviceLayoutBase;
import org.savevminspector.devices.layout.Layout;
import org.savevminspector.devices.pci.PciBlock;

/**
 * {@code cirrus_vga} v2 (FORMAT.md B.3.7, {@code QT hw/cirrus_vga.c:cirrus_vga_load} for version 2): PCI block, registers,
 * no {@code vram_gmfn}, and always the 4 MiB VRAM dump; 1 887 + 4 MiB bytes.
 */
public final class CirrusVgaV2 extends DeviceLayoutBase {
    public CirrusVgaV2() {
        super("cirrus_vga", 2, "QT hw/cirrus_vga.c:cirrus_vga_load (version 2)",
                Layout.of(PciBlock.element(), CirrusParts.registers(), CirrusParts.vram()));
    }
}
