package org.savevminspector.devices.display;

import org.savevminspector.devices.DeviceLayoutBase;
import org.savevminspector.devices.layout.Layout;

/**
 * {@code vga} v1 (FORMAT.md B.3.8, {@code QT hw/vga.c:vga_load} for version 1): no PCI block, the VGA and VBE registers
 * only; 1 137 bytes.
 */
public final class VgaV1 extends DeviceLayoutBase {
    public VgaV1() {
        super("vga", 1, "QT hw/vga.c:vga_load (version 1)", Layout.of(StdVgaParts.registersAndVbe()));
    }
}
