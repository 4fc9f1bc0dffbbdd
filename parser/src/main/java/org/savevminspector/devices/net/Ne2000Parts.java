package org.savevminspector.devices.net;

import static org.savevminspector.devices.layout.Layout.be16;
import static org.savevminspector.devices.layout.Layout.be32;
import static org.savevminspector.devices.layout.Layout.blob;
import static org.savevminspector.devices.layout.Layout.bytes;
import static org.savevminspector.devices.layout.Layout.seq;
import static org.savevminspector.devices.layout.Layout.u8;

import org.savevminspector.devices.Views;
import org.savevminspector.devices.layout.Element;

/**
 * The DP8390 state {@code ne2000_save} writes after {@code rxcr} (FORMAT.md B.3.15, {@code QT hw/ne2000.c:ne2000_save}):
 * 49 195 bytes, of which 48 KiB are the card's packet memory. {@code ne2000_load} reads the PCI block only for
 * version ≥ 3 and {@code rxcr} only for version ≥ 2.
 */
final class Ne2000Parts {

    /** {@code NE2000_MEM_SIZE} = 16 KiB + 32 KiB. */
    static final int MEM_SIZE = 49_152;

    private Ne2000Parts() {
    }

    /**
     * The DP8390 registers, cmd … mult: {@code eepro100.c:nic_save} writes the same block first, since that
     * driver's state struct was copied from ne2000's.
     */
    static Element registers() {
        return seq(
                u8("cmd"),
                be32("start"),
                be32("stop"),
                u8("boundary"),
                u8("tsr"),
                u8("tpsr"),
                be16("tcnt"),
                be16("rcnt"),
                be32("rsar"),
                u8("rsr"),
                u8("isr"),
                u8("dcfg"),
                u8("imr"),
                bytes("phys", 6).shows(Views.MAC),
                u8("curpag"),
                bytes("mult", 8));
    }

    static Element registersAndMemory() {
        return seq(
                registers(),
                be32("was_irq").means(v -> "former irq, written 0, ignored on load"),
                blob("mem", MEM_SIZE));
    }
}
