package org.savevminspector.devices.xen;

import java.util.List;
import org.savevminspector.devices.DeviceLayoutBase;
import org.savevminspector.devices.XenServerNames;
import org.savevminspector.devices.layout.Layout;
import org.savevminspector.devices.pci.PciBlock;

/**
 * XenServer's load-only {@code *_pci} entries (FORMAT.md X.2, {@code XSPQ master/fix_savevm_v1_compatibility.patch}):
 * {@code cirrus_vga_pci}, {@code ide_pci}, {@code rtl8139_pci}, {@code UHCI_usb_pci} and {@code piix4acpi_pci},
 * all v1 with a NULL save handler, whose {@code generic_pci_load} reads the 256 configuration bytes and nothing
 * else. XenServer never writes them; they exist to read records of older XenServer files.
 */
public final class XenServerPciConfigV1 extends DeviceLayoutBase {
    public XenServerPciConfigV1() {
        // the first load-only name owns the layout, the others are its aliases
        super(XenServerNames.LOAD_ONLY_PCI.keySet().iterator().next(), 1,
                "XSPQ master/fix_savevm_v1_compatibility.patch (generic_pci_load)",
                Layout.of(PciBlock.configOnly()));
    }

    @Override
    public List<String> aliases() {
        return XenServerNames.LOAD_ONLY_PCI.keySet().stream().skip(1).toList();
    }

    @Override
    public Origin origin() {
        return Origin.XENSERVER;
    }
}
