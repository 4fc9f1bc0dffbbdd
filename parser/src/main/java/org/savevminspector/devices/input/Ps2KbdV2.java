package org.savevminspector.devices.input;

import static org.savevminspector.devices.layout.Layout.be32;

import org.savevminspector.devices.DeviceLayoutBase;
import org.savevminspector.devices.layout.Layout;

/** {@code ps2kbd} v2 (FORMAT.md B.3.20): as v3 without {@code scancode_set}; 280 bytes. */
public final class Ps2KbdV2 extends DeviceLayoutBase {
    public Ps2KbdV2() {
        super("ps2kbd", 2, "QT hw/ps2.c:ps2_kbd_load (version 2 branch)",
                Layout.of(Ps2Common.element(), be32("scan_enabled"), be32("translate")));
    }
}
