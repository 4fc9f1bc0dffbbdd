package org.savevminspector.devices.net;

import org.savevminspector.devices.DeviceLayoutBase;
import org.savevminspector.devices.layout.Layout;

/** {@code rtl8139} v1 (FORMAT.md B.3.13): registers only, no PCI block and no tally; 282 bytes. */
public final class Rtl8139V1 extends DeviceLayoutBase {
    public Rtl8139V1() {
        super("rtl8139", 1, "QT hw/rtl8139.c:rtl8139_load (version 1 branch)", Layout.of(
                Rtl8139Parts.registers()));
    }
}
