package org.savevminspector.devices.display;

import org.savevminspector.devices.DeviceLayoutBase;
import org.savevminspector.devices.layout.Layout;
import org.savevminspector.devices.pci.PciBlock;

/** {@code vga} v2 (FORMAT.md B.3.8, {@code QT hw/vga.c:vga_load} for version 2): PCI block then the v1 registers; 1 413 bytes. */
public final class VgaV2 extends DeviceLayoutBase {
    public VgaV2() {
        super("vga", 2, "QT hw/vga.c:vga_load (version 2)",
                Layout.of(PciBlock.element(), StdVgaParts.registersAndVbe()));
    }
}
