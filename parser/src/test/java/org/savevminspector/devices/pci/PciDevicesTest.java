package org.savevminspector.devices.pci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.savevminspector.devices.BodyBuilder.body;

import org.junit.jupiter.api.Test;
import org.savevminspector.devices.BodyBuilder;
import org.savevminspector.devices.Decoded;

class PciDevicesTest {

    @Test
    void i440fxIsThePciBlockOnly() {
        byte[] b = body().pci(2, 0x8086, 0x1237, 0x0600, 0, 0, null).build();
        Decoded d = Decoded.of(new I440fxV2(), b).coversWholeBody();
        assertEquals(276, d.measured());
        assertEquals(3, d.fields().size());
    }

    @Test
    void piix3DecodesPirqRouting() {
        byte[] tail = BodyBuilder.body().fill(0x20, 0).u8(0x0B).u8(0x0A).u8(0x80).u8(0x05).fill(0x9C, 0).build();
        byte[] b = body().pci(2, 0x8086, 0x7000, 0x0601, 0, 0, tail).build();
        Decoded d = Decoded.of(new Piix3V2(), b).coversWholeBody();
        assertEquals(276, d.measured());
        d.span(68, 32, "pci.config", "device_specific_40");
        d.span(4 + 0x60, 4, "pci.config", "pirq_route");
        assertEquals("IRQ 11", d.at(4 + 0x60, 1, 0x0B, "pci.config", "pirq_route", "pirq_route[0]").meaningText());
        assertEquals("IRQ 10", d.at(4 + 0x61, 1, 0x0A, "pci.config", "pirq_route", "pirq_route[1]").meaningText());
        assertEquals("disabled", d.at(4 + 0x62, 1, 0x80, "pci.config", "pirq_route", "pirq_route[2]").meaningText());
        d.at(4 + 0x63, 1, 0x05, "pci.config", "pirq_route", "pirq_route[3]");
        d.span(4 + 0x64, 0x9C, "pci.config", "device_specific_64");
        assertEquals("0x0601 bridge/ISA", d.get("pci.config", "class_code").meaningText());
    }
}
