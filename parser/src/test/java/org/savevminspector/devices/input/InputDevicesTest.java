package org.savevminspector.devices.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.savevminspector.devices.BodyBuilder.body;

import org.junit.jupiter.api.Test;
import org.savevminspector.devices.BodyBuilder;
import org.savevminspector.devices.Decoded;

class InputDevicesTest {

    private static BodyBuilder common(long writeCmd) {
        return body().be32(writeCmd).be32(3).be32(5).be32(2).ramp(256, 0);
    }

    @Test
    void pckbdIsFourBytes() {
        Decoded d = Decoded.of(new PckbdV3(), new byte[] {0x60, 0x1C, 0x61, 0x01}).coversWholeBody();
        d.at(0, 1, 0x60, "write_cmd");
        d.at(1, 1, 0x1C, "status");
        d.at(2, 1, 0x61, "mode");
        d.at(3, 1, 0x01, "pending");
    }

    @Test
    void ps2kbdV3Is284Bytes() {
        byte[] b = common(0xFFFFFFFFL).be32(1).be32(1).be32(2).build();
        Decoded d = Decoded.of(new Ps2KbdV3(), b).coversWholeBody();
        assertEquals(284, d.measured());
        assertEquals("none", d.at(0, 4, -1, "write_cmd").meaningText());
        d.at(4, 4, 3, "queue.rptr");
        d.at(8, 4, 5, "queue.wptr");
        d.at(12, 4, 2, "queue.count");
        d.span(16, 256, "queue.data");
        d.at(272, 4, 1, "scan_enabled");
        d.at(276, 4, 1, "translate");
        assertEquals("set 2", d.at(280, 4, 2, "scancode_set").meaningText());
    }

    @Test
    void ps2kbdV2Is280Bytes() {
        byte[] b = common(0xED).be32(1).be32(0).build();
        Decoded d = Decoded.of(new Ps2KbdV2(), b).coversWholeBody();
        assertEquals(280, d.measured());
        assertEquals("command 0xED", d.at(0, 4, 0xED, "write_cmd").meaningText());
        d.at(276, 4, 0, "translate");
        assertFalse(d.has("scancode_set"));
    }

    @Test
    void ps2mouseIs291Bytes() {
        byte[] b = common(0xFFFFFFFFL).u8(0x20).u8(2).u8(100).u8(0).u8(3).u8(0)
                .be32(0xFFFFFFFEL).be32(5).be32(0).u8(1).build();
        Decoded d = Decoded.of(new Ps2MouseV2(), b).coversWholeBody();
        assertEquals(291, d.measured());
        d.at(272, 1, 0x20, "mouse_status");
        d.at(273, 1, 2, "mouse_resolution");
        d.at(274, 1, 100, "mouse_sample_rate");
        d.at(275, 1, 0, "mouse_wrap");
        d.at(276, 1, 3, "mouse_type");
        d.at(277, 1, 0, "mouse_detect_state");
        d.at(278, 4, 0xFFFFFFFEL, "mouse_dx");
        d.at(282, 4, 5, "mouse_dy");
        d.at(286, 4, 0, "mouse_dz");
        d.at(290, 1, 1, "mouse_buttons");
    }
}
