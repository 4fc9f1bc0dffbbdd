package org.savevminspector.devices.pci;

import static org.savevminspector.devices.layout.Layout.bytes;
import static org.savevminspector.devices.layout.Layout.repeat;
import static org.savevminspector.devices.layout.Layout.u8;

import org.savevminspector.devices.DeviceLayoutBase;
import org.savevminspector.devices.layout.Layout;
import org.savevminspector.model.Meaning;

/**
 * {@code PIIX3} v2 (FORMAT.md B.3.6): the PCI block of the PCI-to-ISA bridge 00:01.0, with the PIRQ route control
 * registers PIRQRC[A..D] at config 0x60–0x63 decoded ({@code QT hw/piix_pci.c:piix3_reset} sets them to 0x80).
 */
public final class Piix3V2 extends DeviceLayoutBase {

    /** PIRQRC: bit 7 = routing disabled, bits 3:0 = ISA IRQ. */
    static final Meaning PIRQ_ROUTE = v -> (v & 0x80) != 0 ? "disabled" : "IRQ " + (v & 0x0F);

    public Piix3V2() {
        super("PIIX3", 2, "QT hw/piix_pci.c:piix_save", Layout.of(PciBlock.element(
                bytes("device_specific_40", 0x20),
                repeat("pirq_route", 4, u8("pirq_route").means(PIRQ_ROUTE)),
                bytes("device_specific_64", 0x9C))));
    }
}
