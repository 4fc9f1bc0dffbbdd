package org.savevminspector.devices.usb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.savevminspector.devices.BodyBuilder.body;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.savevminspector.devices.BodyBuilder;
import org.savevminspector.devices.Decoded;

class UhciTest {

    private static byte[] uhci(long pciVersion, int ports) {
        byte[] tail = BodyBuilder.body().fill(0x20, 0).u8(0x10).fill(0x9F, 0).build();
        BodyBuilder b = body().pci(pciVersion, 0x8086, 0x7020, 0x0C03, 0, 0, tail).u8(ports);
        for (int i = 0; i < ports; i++) {
            b.be16(i == 0 ? 0x0085 : 0x0080);
        }
        return b.be16(0x00C1).be16(0x0000).be16(0x000F).be16(0x0123).be32(0x0012_3000L).u8(0x40).u8(0x00)
                .be64(-1).build();
    }

    @Test
    void uhciIs303BytesWithTwoPorts() {
        Decoded d = Decoded.of(new UhciV1(), uhci(2, 2)).coversWholeBody();
        assertEquals(303, d.measured());
        assertEquals("USB 1.0", d.at(4 + 0x60, 1, 0x10, "pci.config", "sbrn").meaningText());
        assertEquals("0x0C03 serial bus/USB", d.get("pci.config", "class_code").meaningText());
        assertEquals("2 ports (NB_PORTS)", d.at(276, 1, 2, "num_ports").meaningText());
        assertEquals("connected, enabled", d.at(277, 2, 0x0085, "ports", "ports[0]", "ctrl").meaningText());
        d.at(279, 2, 0x0080, "ports", "ports[1]", "ctrl");
        assertEquals("run, configured, max packet 64", d.at(281, 2, 0x00C1, "cmd").meaningText());
        d.at(283, 2, 0, "status");
        d.at(285, 2, 0x0F, "intr");
        d.at(287, 2, 0x0123, "frnum");
        d.at(289, 4, 0x0012_3000L, "fl_base_addr");
        d.at(293, 1, 0x40, "sof_timing");
        d.at(294, 1, 0, "status2");
        assertEquals("not pending", d.at(295, 8, -1, "frame_timer").meaningText());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 8})
    void uhciBodyIs299PlusTwoPerPort(int n) {
        Decoded d = Decoded.of(new UhciV1(), uhci(2, n)).coversWholeBody();
        assertEquals(299 + 2L * n, d.measured());
        assertEquals(n != 2, d.get("num_ports").meaningText().contains("rejects"));
    }

    @Test
    void uhciWithOldPciBlockShiftsTheCountTo260() {
        Decoded d = Decoded.of(new UhciV1(), uhci(1, 2)).coversWholeBody();
        assertEquals(287, d.measured());
        d.at(260, 1, 2, "num_ports");
    }

    @Test
    void xenServerAlias() {
        assertEquals(List.of("UHCI usb controller"), new UhciV1().aliases());
        assertTrue(new UhciV1().toString().contains("UHCI usb controller"));
    }
}
