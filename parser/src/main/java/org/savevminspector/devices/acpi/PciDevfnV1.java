package org.savevminspector.devices.acpi;

import static org.savevminspector.devices.layout.Layout.bytes;
import static org.savevminspector.devices.layout.Layout.u8;

import org.savevminspector.devices.DeviceLayoutBase;
import org.savevminspector.devices.Views;
import org.savevminspector.devices.layout.Layout;

/**
 * {@code pci_devfn} v1 (FORMAT.md B.3.25, {@code QT hw/piix4acpi.c:pci_devfn_save}): the ACPI PCI-hotplug slot status,
 * two 4-bit nibbles per byte for the 256 devfns ({@code NR_PHP_SLOT_REG} = 128), then the last hot-plug event.
 */
public final class PciDevfnV1 extends DeviceLayoutBase {

    /** {@code NR_PHP_SLOT_REG}. */
    public static final int SLOT_REGS = 128;

    public PciDevfnV1() {
        super("pci_devfn", 1, "QT hw/piix4acpi.c:pci_devfn_save", Layout.of(
                bytes("status", SLOT_REGS).shows(Views.PHP_DEVFN_STATUS),
                u8("plug_evt").means(AcpiMeanings.PLUG_EVT),
                u8("plug_devfn").means(v -> "devfn " + Long.toHexString(v) + " (slot " + (v >> 3) + ", function " + (v & 7) + ")")));
    }
}
