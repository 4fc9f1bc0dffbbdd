package org.savevminspector.loader;

import org.savevminspector.devices.acpi.AcpiMeanings;

/**
 * {@code xenserver-6.0-6.2}: XenServer's qemu-dm with the "power-old hack" ({@code XSPQ
 * master/piix4acpi-pm-compat}, 2011-01-31 → 2013-12-09; docs/FORMAT.md C.1, FORMAT.md C.5, FORMAT.md X.1): {@code gpe} registered
 * as version 1 again, {@code piix4acpi} still registered as 2 but its load function refusing anything above 1
 * before reading, PM1a_CNT and GPE0 hard-mapped at V0.
 */
final class XenServer60Profile {
    static final LoaderProfile PROFILE = XenServerRows.common()
            .change(AcpiMeanings.GPE, r -> r.registered(1)
                    .function("hw/piix4acpi.c:gpe_load (XSPQ piix4acpi-pm-compat)"))
            .change(AcpiMeanings.PIIX4ACPI, r -> r.ownMax(1)
                    .function("hw/piix4acpi.c:piix4acpi_load (XSPQ piix4acpi-pm-compat)"))
            .freshAcpi(AcpiPlacement.V0)
            .build("xenserver-6.0-6.2", "XenServer 6.0–6.2 qemu-dm",
                    "XenServer 6.0–6.2 (Boston–Clearwater): power-old hack, gpe v1, piix4acpi load refuses v2, "
                            + "ACPI at V0, abort on a failed load");

    private XenServer60Profile() {
    }
}
