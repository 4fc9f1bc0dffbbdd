package org.savevminspector.devices.net;

import org.savevminspector.devices.DeviceLayoutBase;
import org.savevminspector.devices.layout.Layout;

/**
 * {@code ne2000} v1 (FORMAT.md B.3.15, {@code QT hw/ne2000.c:ne2000_load} for version 1): no PCI block and no {@code rxcr}
 * (the loader sets it to 0x0C), registers and memory; 49 195 bytes.
 */
public final class Ne2000V1 extends DeviceLayoutBase {
    public Ne2000V1() {
        super("ne2000", 1, "QT hw/ne2000.c:ne2000_load (version 1)", Layout.of(Ne2000Parts.registersAndMemory()));
    }
}
