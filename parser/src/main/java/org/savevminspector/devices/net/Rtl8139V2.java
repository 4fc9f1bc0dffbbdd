package org.savevminspector.devices.net;

import org.savevminspector.devices.DeviceLayoutBase;
import org.savevminspector.devices.layout.Layout;

/** {@code rtl8139} v2 (FORMAT.md B.3.13): registers plus timer and tally counters, no PCI block; 362 bytes. */
public final class Rtl8139V2 extends DeviceLayoutBase {
    public Rtl8139V2() {
        super("rtl8139", 2, "QT hw/rtl8139.c:rtl8139_load (version 2 branch)", Layout.of(
                Rtl8139Parts.registers(), Rtl8139Parts.timerAndTally()));
    }
}
