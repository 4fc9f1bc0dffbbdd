package org.savevminspector.devices.acpi;

import static org.savevminspector.devices.layout.Layout.be16;

import org.savevminspector.devices.DeviceLayoutBase;
import org.savevminspector.devices.layout.Layout;

/**
 * {@code piix4acpi} v1 in XenServer's v1 file dialect (FORMAT.md X.2, {@code XSPQ
 * master/fix_savevm_v1_compatibility.patch}, {@code piix4acpi_load}): no PCI block at all (its configuration
 * comes in the separate {@code piix4acpi_pci} record), only {@code pm1_control}; 2 bytes.
 */
public final class Piix4AcpiXenServerDialectV1 extends DeviceLayoutBase {
    public Piix4AcpiXenServerDialectV1() {
        super(AcpiMeanings.PIIX4ACPI, 1,
                "XSPQ master/fix_savevm_v1_compatibility.patch (piix4acpi_load, file version 1)",
                Layout.of(be16("pm1_control").means(AcpiMeanings.PM1_CONTROL)));
    }

    @Override
    public String variant() {
        return XENSERVER_V1_DIALECT;
    }
}
