package org.savevminspector.devices.display;

import org.savevminspector.devices.DeviceLayoutBase;
import org.savevminspector.devices.layout.Layout;
import org.savevminspector.devices.pci.PciBlock;

/**
 * {@code vga} v3 (FORMAT.md B.3.8): PCI block, registers, {@code vram_size}, then always the VRAM dump — a restoring
 * qemu-dm starts with {@code vram_gmfn} 0 ({@code QT hw/vga.c:vga_common_init} sets it only when not restoring),
 * so {@code vga_load} reads the dump. Body 1 417 + vram_size.
 */
public final class VgaV3 extends DeviceLayoutBase {
    public VgaV3() {
        super("vga", 3, "QT hw/vga.c:vga_load (version 3)", Layout.of(
                PciBlock.element(), StdVgaParts.registersAndVbe(), StdVgaParts.vramSize(), StdVgaParts.vram()));
    }
}
