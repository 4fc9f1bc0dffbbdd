package org.savevminspector.devices.legacy;

import static org.savevminspector.devices.layout.Layout.be16;
import static org.savevminspector.devices.layout.Layout.u8;

import org.savevminspector.devices.DeviceLayoutBase;
import org.savevminspector.devices.layout.Layout;

/** {@code serial} v2 (FORMAT.md B.3.12): be16 divisor, the UART registers, then the FIFO control register; 11 bytes. */
public final class SerialV2 extends DeviceLayoutBase {
    public SerialV2() {
        super("serial", 2, "QT hw/serial.c:serial_save", Layout.of(
                be16("divider").means(v -> v == 0 ? "divisor 0 (not programmed)" : (115200 / v) + " baud"),
                SerialRegisters.rbrToScr(),
                u8("fcr").means(SerialRegisters.FCR)));
    }
}
