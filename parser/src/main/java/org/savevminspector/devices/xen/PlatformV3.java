package org.savevminspector.devices.xen;

import static org.savevminspector.devices.layout.Layout.be64;

import org.savevminspector.devices.DeviceLayoutBase;
import org.savevminspector.devices.layout.Layout;
import org.savevminspector.devices.pci.PciBlock;

/** {@code platform} v3 (FORMAT.md B.3.10): the Xen platform PCI device's block plus a reserved be64; 284 bytes. */
public final class PlatformV3 extends DeviceLayoutBase {
    public PlatformV3() {
        super("platform", 3, "QT hw/xen_platform.c:xen_pci_save",
                Layout.of(PciBlock.element(), be64("reserved").means(PlatformV2.IGNORED)));
    }
}
