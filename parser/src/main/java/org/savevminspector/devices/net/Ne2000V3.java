package org.savevminspector.devices.net;

import static org.savevminspector.devices.layout.Layout.u8;

import org.savevminspector.devices.DeviceLayoutBase;
import org.savevminspector.devices.layout.Layout;
import org.savevminspector.devices.pci.PciBlock;

/** {@code ne2000} v3 (model {@code ne2k_pci}, FORMAT.md B.3.15): PCI block, {@code rxcr}, registers and memory; 49 472 bytes. */
public final class Ne2000V3 extends DeviceLayoutBase {
    public Ne2000V3() {
        super("ne2000", 3, "QT hw/ne2000.c:ne2000_save (PCI)",
                Layout.of(PciBlock.element(), u8("rxcr"), Ne2000Parts.registersAndMemory()));
    }
}
