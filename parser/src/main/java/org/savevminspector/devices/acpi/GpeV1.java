package org.savevminspector.devices.acpi;

import org.savevminspector.devices.DeviceLayoutBase;
import org.savevminspector.devices.layout.Layout;

/**
 * {@code gpe} v1 (FORMAT.md B.3.26): the 9-byte body written before QT ce3b7ce6 (2010-11-09) and by XenServer 6.0–6.2;
 * loading it maps GPE0 at the V0 address 0x1F68, length 4+4.
 */
public final class GpeV1 extends DeviceLayoutBase {
    public GpeV1() {
        super(AcpiMeanings.GPE, 1, "QT hw/piix4acpi.c:gpe_load (version 1 branch)", Layout.of(GpeParts.registers()));
    }
}
