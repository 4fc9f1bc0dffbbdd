package org.savevminspector.devices.acpi;

import static org.savevminspector.devices.layout.Layout.bytes;
import static org.savevminspector.devices.layout.Layout.u8;

import org.savevminspector.devices.DeviceLayoutBase;
import org.savevminspector.devices.layout.Layout;

/**
 * {@code pcislots} v1 in its 2008 form (FORMAT.md B.3.25, QT up to 2009-03, e.g. {@code cbb3236f}, Xen 3.3 era):
 * {@code PHP_SLOT_LEN} = 2 slot-status bytes (slots 6–7) and {@code plug_evt}; 3 bytes. It carries the same label
 * as the 34-byte 2009 form ({@link PcislotsV1}), so it is an alternative body, chosen when a record's length says
 * so.
 */
public final class PcislotsV1Xen33 extends DeviceLayoutBase {
    public PcislotsV1Xen33() {
        super("pcislots", 1, "QT hw/piix4acpi.c at cbb3236f (pcislots save function; FORMAT.md B.3.25)", Layout.of(
                bytes("status", 2),
                u8("plug_evt").means(AcpiMeanings.PLUG_EVT)));
    }

    @Override
    public String variant() {
        return "xen-3.3";
    }
}
