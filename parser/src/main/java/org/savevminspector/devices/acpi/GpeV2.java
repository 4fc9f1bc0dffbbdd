package org.savevminspector.devices.acpi;

import static org.savevminspector.devices.layout.Layout.be32;

import org.savevminspector.devices.DeviceLayoutBase;
import org.savevminspector.devices.layout.Layout;

/** {@code gpe} v2 (FORMAT.md B.3.26): the v1 registers plus the GPE0 block address and half length; 17 bytes. */
public final class GpeV2 extends DeviceLayoutBase {
    public GpeV2() {
        super(AcpiMeanings.GPE, 2, "QT hw/piix4acpi.c:gpe_save", Layout.of(
                GpeParts.registers(),
                // gpe_acpi_init and gpe_load only ever assign the V0 or V1 block (FORMAT.md B.2.4)
                be32("gpe0_blk_address").means(AcpiMeanings.GPE0_BLK_ADDRESS)
                        .expect(v -> v == AcpiMeanings.GPE0_V0 || v == AcpiMeanings.GPE0_V1),
                be32("gpe0_blk_half_len").means(AcpiMeanings.GPE0_BLK_HALF_LEN)
                        .expect(v -> v == AcpiMeanings.GPE0_HALF_LEN_V0 || v == AcpiMeanings.GPE0_HALF_LEN_V1)));
    }
}
