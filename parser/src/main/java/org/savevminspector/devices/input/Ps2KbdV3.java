package org.savevminspector.devices.input;

import static org.savevminspector.devices.layout.Layout.be32;

import org.savevminspector.devices.DeviceLayoutBase;
import org.savevminspector.devices.layout.Layout;

/** {@code ps2kbd} v3 (FORMAT.md B.3.20): common PS/2 state, scanning/translation flags and the scancode set; 284 bytes. */
public final class Ps2KbdV3 extends DeviceLayoutBase {
    public Ps2KbdV3() {
        super("ps2kbd", 3, "QT hw/ps2.c:ps2_kbd_save",
                Layout.of(Ps2Common.element(), be32("scan_enabled"), be32("translate"),
                        be32("scancode_set").means(v -> "set " + v)));
    }
}
