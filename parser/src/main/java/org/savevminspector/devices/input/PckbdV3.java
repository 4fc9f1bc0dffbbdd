package org.savevminspector.devices.input;

import static org.savevminspector.devices.layout.Layout.u8;

import org.savevminspector.devices.DeviceLayoutBase;
import org.savevminspector.devices.layout.Layout;

/** {@code pckbd} v3 (FORMAT.md B.3.19): the i8042 controller's command, status, mode and pending bytes. */
public final class PckbdV3 extends DeviceLayoutBase {
    public PckbdV3() {
        super("pckbd", 3, "QT hw/pckbd.c:kbd_save",
                Layout.of(u8("write_cmd"), u8("status"), u8("mode"), u8("pending")));
    }
}
