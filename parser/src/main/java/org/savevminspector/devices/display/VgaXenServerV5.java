package org.savevminspector.devices.display;

import static org.savevminspector.devices.layout.Layout.be32;
import static org.savevminspector.devices.layout.Layout.be64;
import static org.savevminspector.devices.layout.Layout.when;

import org.savevminspector.devices.DeviceLayoutBase;
import org.savevminspector.devices.Meanings;
import org.savevminspector.devices.layout.Layout;
import org.savevminspector.devices.pci.PciBlock;
import org.savevminspector.model.Hex;

/**
 * {@code vga} label 5 — XenServer's private numbering (FORMAT.md X.3, {@code XSPQ
 * master/savevm_george_compatibility.patch}, {@code vga_load}): the v4 body with {@code be32 map_addr} and an
 * ignored be32 between {@code vram_size} and {@code vram_gmfn}; the VRAM dump follows only when both
 * {@code vram_gmfn} and {@code map_addr} are 0. Body 1 433, or 1 433 + vram_size. Only XenServer's loader reads it.
 */
public final class VgaXenServerV5 extends DeviceLayoutBase {
    public VgaXenServerV5() {
        super("vga", 5, "XSPQ master/savevm_george_compatibility.patch (vga_load, version 5)", Layout.of(
                PciBlock.element(),
                StdVgaParts.registersAndVbe(),
                StdVgaParts.vramSize(),
                be32("map_addr").keep().means(v -> v == 0 ? "none" : "VRAM mapped at guest-physical " + Hex.plain(v)),
                be32("ignored").means(v -> "read and discarded by XenServer's vga_load"),
                be64("vram_gmfn").keep().means(Meanings.VRAM_GMFN),
                when(c -> c.get("vram_gmfn") == 0 && c.get("map_addr") == 0, StdVgaParts.vram())));
    }

    @Override
    public Origin origin() {
        return Origin.XENSERVER;
    }
}
