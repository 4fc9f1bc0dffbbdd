package org.savevminspector.devices.acpi;

import static org.savevminspector.devices.layout.Layout.be16;
import static org.savevminspector.devices.layout.Layout.be32;
import static org.savevminspector.devices.layout.Layout.bytes;
import static org.savevminspector.devices.layout.Layout.le32;
import static org.savevminspector.devices.layout.Layout.seq;

import org.savevminspector.devices.layout.Element;
import org.savevminspector.devices.pci.PciBlock;

/**
 * The pieces of the {@code piix4acpi} bodies (FORMAT.md B.3.27, {@code QT hw/piix4acpi.c:piix4acpi_save}): the PCI block of
 * function 00:01.3 with its PMBA register decoded, {@code pm1_control}, and (v2 body) {@code pm1a_evt_blk_address}.
 */
final class Piix4AcpiParts {

    private Piix4AcpiParts() {
    }

    /** The 278-byte v1 body: PCI block and PM1a_CNT. */
    static Element v1Body() {
        return seq(
                PciBlock.element(
                        le32("pmba").means(AcpiMeanings.PMBA),
                        bytes("device_specific_44", 0xBC)),
                be16("pm1_control").means(AcpiMeanings.PM1_CONTROL));
    }

    /** The 282-byte v2 body: the v1 body then the PM1a event block address. */
    static Element v2Body() {
        // Only V0 and V1 are ever assigned (piix4acpi_load, piix4_pm_init): what tells a genuine v2 body from a
        // v1 body followed by the EOF marker and padding (FORMAT.md C.3 item 3).
        return seq(v1Body(), be32("pm1a_evt_blk_address").means(AcpiMeanings.PM1A_EVT_BLK_ADDRESS)
                .expect(v -> v == AcpiMeanings.PM1A_EVT_V0 || v == AcpiMeanings.PM1A_EVT_V1));
    }
}
