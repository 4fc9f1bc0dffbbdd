package org.savevminspector.devices.xen;

import org.savevminspector.devices.DeviceLayoutBase;
import org.savevminspector.devices.layout.Layout;
import org.savevminspector.devices.pci.PciBlock;

/**
 * {@code xen-pvdevice} v1 — XenServer ≥ 7.0 only (FORMAT.md X.7, {@code XSPQ master/CP-12149-xen-pvdriver.patch}):
 * the PCI block of the Xen PV-device function (vendor:device 5853:C000), 276 bytes, registered after
 * {@code piix4acpi} when enabled in xenstore. Upstream has no such entry.
 */
public final class XenPvdeviceV1 extends DeviceLayoutBase {
    public XenPvdeviceV1() {
        super("xen-pvdevice", 1, "XSPQ master/CP-12149-xen-pvdriver.patch (pci_device_save)",
                Layout.of(PciBlock.element()));
    }

    @Override
    public Origin origin() {
        return Origin.XENSERVER;
    }
}
