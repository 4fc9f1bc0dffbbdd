package org.savevminspector.devices.legacy;

import static org.savevminspector.devices.layout.Layout.u8;

import org.savevminspector.devices.DeviceLayoutBase;
import org.savevminspector.devices.layout.Layout;

/** {@code serial} v1 (FORMAT.md B.3.12): the divisor is a single byte and there is no {@code fcr}; 9 bytes. */
public final class SerialV1 extends DeviceLayoutBase {
    public SerialV1() {
        super("serial", 1, "QT hw/serial.c:serial_load (version 1 branch)",
                Layout.of(u8("divider"), SerialRegisters.rbrToScr()));
    }
}
