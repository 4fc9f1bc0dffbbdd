package org.savevminspector.devices.acpi;

import org.savevminspector.devices.DeviceLayoutBase;
import org.savevminspector.devices.layout.Layout;

/**
 * {@code piix4acpi} v1 (FORMAT.md B.3.27): PCI block and {@code pm1_control}, 278 bytes; loading it implies
 * {@code pm1a_evt_blk_address = 0x1F40} (V0).
 */
public final class Piix4AcpiV1 extends DeviceLayoutBase {
    public Piix4AcpiV1() {
        super(AcpiMeanings.PIIX4ACPI, 1, "QT hw/piix4acpi.c:piix4acpi_load (version 1 branch)",
                Layout.of(Piix4AcpiParts.v1Body()));
    }
}
