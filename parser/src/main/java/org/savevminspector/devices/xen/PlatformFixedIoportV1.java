package org.savevminspector.devices.xen;

import static org.savevminspector.devices.layout.Layout.u8;

import org.savevminspector.devices.DeviceLayoutBase;
import org.savevminspector.devices.Meanings;
import org.savevminspector.devices.layout.Layout;

/** {@code platform_fixed_ioport} v1 (FORMAT.md B.3.11): one flags byte, bit 0 = ROM lock. */
public final class PlatformFixedIoportV1 extends DeviceLayoutBase {
    public PlatformFixedIoportV1() {
        super("platform_fixed_ioport", 1, "QT hw/xen_platform.c:platform_fixed_ioport_save",
                Layout.of(u8("platform_flags").means(Meanings.bits().flag(0, "ROM lock"))));
    }
}
