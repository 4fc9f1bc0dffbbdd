package org.savevminspector.devices.xen;

import static org.savevminspector.devices.layout.Layout.be64;
import static org.savevminspector.devices.layout.Layout.u8;

import org.savevminspector.devices.DeviceLayoutBase;
import org.savevminspector.devices.layout.Layout;
import org.savevminspector.devices.pci.PciBlock;
import org.savevminspector.model.Meaning;

/** {@code platform} v2 (FORMAT.md B.3.10): PCI block, a flags byte, then a be64; 285 bytes ({@code xen_pci_load}). */
public final class PlatformV2 extends DeviceLayoutBase {

    static final Meaning IGNORED = v -> v == 0 ? "reserved, ignored on load" : "reserved (normally 0), ignored on load";

    public PlatformV2() {
        super("platform", 2, "QT hw/xen_platform.c:xen_pci_load (version 2 branch)",
                Layout.of(PciBlock.element(), u8("flags"), be64("reserved").means(IGNORED)));
    }
}
