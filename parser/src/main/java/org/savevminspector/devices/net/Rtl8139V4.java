package org.savevminspector.devices.net;

import static org.savevminspector.devices.layout.Layout.be32;

import org.savevminspector.devices.DeviceLayoutBase;
import org.savevminspector.devices.Meanings;
import org.savevminspector.devices.layout.Layout;
import org.savevminspector.devices.pci.PciBlock;

/** {@code rtl8139} v4 (FORMAT.md B.3.13): PCI block, registers, timer and tally, then {@code cplus_enabled}; 642 bytes. */
public final class Rtl8139V4 extends DeviceLayoutBase {
    public Rtl8139V4() {
        super("rtl8139", 4, "QT hw/rtl8139.c:rtl8139_save", Layout.of(
                PciBlock.element(), Rtl8139Parts.registers(), Rtl8139Parts.timerAndTally(),
                be32("cplus_enabled").means(Meanings.flag("C+ mode off", "C+ mode on"))));
    }
}
