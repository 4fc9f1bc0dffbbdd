package org.savevminspector.devices.input;

import static org.savevminspector.devices.layout.Layout.be32;
import static org.savevminspector.devices.layout.Layout.u8;

import org.savevminspector.devices.DeviceLayoutBase;
import org.savevminspector.devices.layout.Layout;

/** {@code ps2mouse} v2 (FORMAT.md B.3.20): common PS/2 state then the mouse registers and motion deltas; 291 bytes. */
public final class Ps2MouseV2 extends DeviceLayoutBase {
    public Ps2MouseV2() {
        super("ps2mouse", 2, "QT hw/ps2.c:ps2_mouse_save", Layout.of(
                Ps2Common.element(),
                u8("mouse_status"),
                u8("mouse_resolution"),
                u8("mouse_sample_rate"),
                u8("mouse_wrap"),
                u8("mouse_type"),
                u8("mouse_detect_state"),
                be32("mouse_dx"),
                be32("mouse_dy"),
                be32("mouse_dz"),
                u8("mouse_buttons")));
    }
}
