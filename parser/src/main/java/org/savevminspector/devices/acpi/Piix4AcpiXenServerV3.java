package org.savevminspector.devices.acpi;

import org.savevminspector.devices.DeviceLayoutBase;
import org.savevminspector.devices.layout.Layout;

/**
 * {@code piix4acpi} label 3 — XenServer ≥ 6.5's private numbering ({@code XSPQ
 * master/fix-migrate-from-Boston-thru-Clearwater.patch}, FORMAT.md C.1, FORMAT.md X.1b): the genuine v2 body (282 bytes).
 * Upstream qemu-dm rejects this label.
 */
public final class Piix4AcpiXenServerV3 extends DeviceLayoutBase {
    public Piix4AcpiXenServerV3() {
        super(AcpiMeanings.PIIX4ACPI, 3, "XSPQ master/fix-migrate-from-Boston-thru-Clearwater.patch (piix4acpi_save)",
                Layout.of(Piix4AcpiParts.v2Body()));
    }

    @Override
    public Origin origin() {
        return Origin.XENSERVER;
    }
}
