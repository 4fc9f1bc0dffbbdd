package org.savevminspector.devices.xen;

import org.savevminspector.devices.DeviceLayoutBase;
import org.savevminspector.devices.layout.Layout;
import org.savevminspector.devices.pci.PciBlock;

/** {@code platform} v1 (FORMAT.md B.3.10): the PCI block only; 276 bytes ({@code xen_pci_load}). */
public final class PlatformV1 extends DeviceLayoutBase {
    public PlatformV1() {
        super("platform", 1, "QT hw/xen_platform.c:xen_pci_load (version 1 branch)", Layout.of(PciBlock.element()));
    }
}
