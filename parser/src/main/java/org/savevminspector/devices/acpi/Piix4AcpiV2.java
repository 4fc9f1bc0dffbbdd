package org.savevminspector.devices.acpi;

import org.savevminspector.devices.DeviceLayoutBase;
import org.savevminspector.devices.layout.Layout;

/**
 * {@code piix4acpi} v2 (FORMAT.md B.3.27, QT ce3b7ce6): the v1 body plus be32 {@code pm1a_evt_blk_address}; 282 bytes. A
 * XenServer 6.0–6.2 file carries this label on a 278-byte v1 body (FORMAT.md C) — detecting that is the parser's job.
 */
public final class Piix4AcpiV2 extends DeviceLayoutBase {
    public Piix4AcpiV2() {
        super(AcpiMeanings.PIIX4ACPI, 2, "QT hw/piix4acpi.c:piix4acpi_save", Layout.of(Piix4AcpiParts.v2Body()));
    }
}
