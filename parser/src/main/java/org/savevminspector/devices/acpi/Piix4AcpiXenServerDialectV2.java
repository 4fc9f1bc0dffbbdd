package org.savevminspector.devices.acpi;

import static org.savevminspector.devices.layout.Layout.be16;
import static org.savevminspector.devices.layout.Layout.be32;

import org.savevminspector.devices.DeviceLayoutBase;
import org.savevminspector.devices.layout.Layout;

/**
 * {@code piix4acpi} v2 in XenServer's v1 file dialect (FORMAT.md X.2, {@code piix4acpi_load} with file version 1):
 * no PCI block, {@code pm1_control} and {@code pm1a_evt_blk_address}; 6 bytes.
 */
public final class Piix4AcpiXenServerDialectV2 extends DeviceLayoutBase {
    public Piix4AcpiXenServerDialectV2() {
        super(AcpiMeanings.PIIX4ACPI, 2,
                "XSPQ master/fix_savevm_v1_compatibility.patch (piix4acpi_load, file version 1)",
                Layout.of(be16("pm1_control").means(AcpiMeanings.PM1_CONTROL),
                        be32("pm1a_evt_blk_address").means(AcpiMeanings.PM1A_EVT_BLK_ADDRESS)));
    }

    @Override
    public String variant() {
        return XENSERVER_V1_DIALECT;
    }
}
