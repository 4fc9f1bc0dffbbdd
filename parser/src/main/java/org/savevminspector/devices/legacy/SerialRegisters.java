package org.savevminspector.devices.legacy;

import static org.savevminspector.devices.layout.Layout.seq;
import static org.savevminspector.devices.layout.Layout.u8;

import org.savevminspector.devices.layout.Element;

/** The 16550 registers after the divisor, common to every {@code serial} version (§B.3.12). */
final class SerialRegisters {

    private SerialRegisters() {
    }

    static Element rbrToScr() {
        return seq(u8("rbr"), u8("ier"), u8("iir"), u8("lcr"), u8("mcr"), u8("lsr"), u8("msr"), u8("scr"));
    }
}
