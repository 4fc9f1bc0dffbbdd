package org.savevminspector.devices.net;

import static org.savevminspector.devices.layout.Layout.sbe32;

import org.savevminspector.devices.DeviceLayoutBase;
import org.savevminspector.devices.layout.Layout;
import org.savevminspector.devices.pci.PciBlock;

/** {@code e1000} v1 (FORMAT.md B.3.14): as v2 with an old instance id word after the PCI block; 67 612 bytes. */
public final class E1000V1 extends DeviceLayoutBase {
    public E1000V1() {
        super("e1000", 1, "QT hw/e1000.c:nic_load (version 1 branch)",
                Layout.of(PciBlock.element(), sbe32("instance").means(v -> "old instance id, ignored on load"), E1000Parts.state()));
    }
}
