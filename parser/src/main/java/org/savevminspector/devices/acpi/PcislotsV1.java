package org.savevminspector.devices.acpi;

import static org.savevminspector.devices.layout.Layout.bytes;
import static org.savevminspector.devices.layout.Layout.u8;

import org.savevminspector.devices.DeviceLayoutBase;
import org.savevminspector.devices.layout.Layout;

/**
 * {@code pcislots} v1 in its Xen 3.4-era form (FORMAT.md B.3.25: QT ea4860c1 … af79b97d, 2009): 32 slot-status bytes
 * ({@code NR_PCI_DEV}), {@code plug_evt}, {@code plug_slot}; 34 bytes. This is the layout XenServer's read-and-discard
 * loader expects ({@code XSPQ master/savevm_dummy_handler_for_pcislots.patch}). The older 3-byte form
 * (≤ 2009-03) carries the same label and cannot be told apart by (idstr, version).
 */
public final class PcislotsV1 extends DeviceLayoutBase {
    public PcislotsV1() {
        super("pcislots", 1, "QT hw/piix4acpi.c at ea4860c1 (pcislots save function; FORMAT.md B.3.25)", Layout.of(
                bytes("status", 32),
                u8("plug_evt").means(AcpiMeanings.PLUG_EVT),
                u8("plug_slot")));
    }
}
