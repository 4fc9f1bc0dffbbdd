package org.savevminspector.devices.display;

import org.savevminspector.devices.DeviceLayoutBase;

/**
 * {@code vga} label 6 — XenServer's private numbering (FORMAT.md X.3, {@code XSPQ
 * master/savevm_george_compatibility.patch}): XenServer registers {@code vga} as version 6 but its
 * {@code vga_save} is unchanged, so the body is the v4 body. Upstream rejects the label.
 */
public final class VgaXenServerV6 extends DeviceLayoutBase {
    public VgaXenServerV6() {
        super("vga", 6, "XSPQ master/savevm_george_compatibility.patch (register_savevm \"vga\" 6; vga_save)",
                VgaV4.body());
    }

    @Override
    public Origin origin() {
        return Origin.XENSERVER;
    }
}
