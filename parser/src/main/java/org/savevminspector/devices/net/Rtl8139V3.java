package org.savevminspector.devices.net;

import org.savevminspector.devices.DeviceLayoutBase;
import org.savevminspector.devices.layout.Layout;
import org.savevminspector.devices.pci.PciBlock;

/** {@code rtl8139} v3 (FORMAT.md B.3.13): PCI block, registers, timer and tally; 638 bytes. */
public final class Rtl8139V3 extends DeviceLayoutBase {
    public Rtl8139V3() {
        super("rtl8139", 3, "QT hw/rtl8139.c:rtl8139_load (version 3 branch)", Layout.of(
                PciBlock.element(), Rtl8139Parts.registers(), Rtl8139Parts.timerAndTally()));
    }
}
