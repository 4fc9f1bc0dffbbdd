package org.savevminspector.devices.net;

import static org.savevminspector.devices.layout.Layout.u8;

import org.savevminspector.devices.DeviceLayoutBase;
import org.savevminspector.devices.layout.Layout;

/**
 * {@code ne2000} v2 (FORMAT.md B.3.15): no PCI block, {@code rxcr}, registers and memory; 49 196 bytes. This is what the
 * ISA card ({@code ne2k_isa}, registered v2) writes and what {@code ne2000_load} reads for a v2 label.
 */
public final class Ne2000V2 extends DeviceLayoutBase {
    public Ne2000V2() {
        super("ne2000", 2, "QT hw/ne2000.c:ne2000_save (ISA) / ne2000_load (version 2)",
                Layout.of(u8("rxcr"), Ne2000Parts.registersAndMemory()));
    }
}
