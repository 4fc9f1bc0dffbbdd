package org.savevminspector.devices.timer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.savevminspector.devices.BodyBuilder.body;

import org.junit.jupiter.api.Test;
import org.savevminspector.devices.Decoded;

class TimerTest {
    @Test
    void timerIsOneSignedOffset() {
        Decoded d = Decoded.of(new TimerV2(), body().be64(-123_456_789L).build()).coversWholeBody();
        assertEquals(8, new TimerV2().layout().fixedSize());
        d.at(0, 8, -123_456_789L, "cpu_clock_offset");
    }
}
