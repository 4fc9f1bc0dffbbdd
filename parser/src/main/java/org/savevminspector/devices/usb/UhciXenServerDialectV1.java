package org.savevminspector.devices.usb;

import static org.savevminspector.devices.layout.Layout.repeat;

import java.util.List;
import org.savevminspector.devices.DeviceLayoutBase;
import org.savevminspector.devices.XenServerNames;
import org.savevminspector.devices.layout.Layout;

/**
 * {@code UHCI usb controller} v1 in XenServer's v1 file dialect (FORMAT.md X.2, {@code XSPQ
 * master/fix_savevm_v1_compatibility.patch}, {@code uhci_load} with file version 1): no PCI block (its
 * configuration comes in the separate {@code UHCI_usb_pci} record) and no port count; the controller registers,
 * then the two port-control words, then the frame timer; 26 bytes.
 */
public final class UhciXenServerDialectV1 extends DeviceLayoutBase {
    public UhciXenServerDialectV1() {
        super(XenServerNames.UHCI, 1,
                "XSPQ master/fix_savevm_v1_compatibility.patch (uhci_load, file version 1)", Layout.of(
                        UhciV1.registers(),
                        repeat("ports", UhciV1.NB_PORTS, UhciV1.port()),
                        UhciV1.frameTimer()));
    }

    @Override
    public List<String> aliases() {
        return List.of(XenServerNames.UPSTREAM_UHCI);
    }

    @Override
    public Origin origin() {
        return Origin.XENSERVER;
    }

    @Override
    public String variant() {
        return XENSERVER_V1_DIALECT;
    }
}
