package org.savevminspector.devices.net;

import org.savevminspector.devices.DeviceLayoutBase;
import org.savevminspector.devices.layout.Layout;
import org.savevminspector.devices.pci.PciBlock;

/** {@code e1000} v2 (FORMAT.md B.3.14): PCI block then the NIC state; 67 608 bytes. */
public final class E1000V2 extends DeviceLayoutBase {
    public E1000V2() {
        super("e1000", 2, "QT hw/e1000.c:nic_save", Layout.of(PciBlock.element(), E1000Parts.state()));
    }
}
