package org.savevminspector.devices.display;

import org.savevminspector.devices.DeviceLayoutBase;
import org.savevminspector.devices.layout.Layout;

/**
 * {@code cirrus_vga} v1 (FORMAT.md B.3.7, {@code QT hw/cirrus_vga.c:cirrus_vga_load} for version 1): no PCI block even for
 * the PCI card, registers, and always the 4 MiB VRAM dump; 1 611 + 4 MiB bytes.
 */
public final class CirrusVgaV1 extends DeviceLayoutBase {
    public CirrusVgaV1() {
        super("cirrus_vga", 1, "QT hw/cirrus_vga.c:cirrus_vga_load (version 1)",
                Layout.of(CirrusParts.registers(), CirrusParts.vram()));
    }
}
