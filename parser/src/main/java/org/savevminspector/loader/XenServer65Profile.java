package org.savevminspector.loader;

import static org.savevminspector.loader.DeviceLoadFacts.device;

import org.savevminspector.devices.acpi.AcpiMeanings;

/**
 * {@code xenserver-6.5+}: XenServer ≥ 6.5 ({@code XSPQ master/fix-migrate-from-Boston-thru-Clearwater.patch},
 * docs/FORMAT.md C.1, FORMAT.md C.5, FORMAT.md X.1b): {@code piix4acpi} registered as 3; labels ≤ 2 are read as the 278-byte v1 body
 * and mapped at V0, label 3 as the 282-byte v2 body. gpe is upstream's v2 again. 7.x adds the optional
 * {@code xen-pvdevice} (X.7).
 */
final class XenServer65Profile {
    static final LoaderProfile PROFILE = XenServerRows.common()
            .change(AcpiMeanings.PIIX4ACPI, r -> r.registered(3).bodyAs(2, 1).bodyAs(3, 2)
                    .movesOnly(new PortMove.Pm1aBlock(2, AcpiMeanings.PM1A_EVT_V0, 3))
                    .function("hw/piix4acpi.c:piix4acpi_load (XSPQ fix-migrate-from-Boston-thru-Clearwater)"))
            // X.7 CP-12149-xen-pvdriver: a PCI device whose state is its PCI block
            .add(device("xen-pvdevice", 1, "XSPQ master/CP-12149-xen-pvdriver.patch")
                    .instances(InstanceRule.auto()).pciBlock().build())
            .freshAcpi(AcpiPlacement.V1)
            .build("xenserver-6.5+", "XenServer 6.5+ qemu-dm",
                    "XenServer ≥ 6.5 (and 7.x): piix4acpi v3 = v2 body, ≤ 2 read as the v1 body at V0, "
                            + "abort on a failed load");

    private XenServer65Profile() {
    }
}
