package org.savevminspector.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.savevminspector.model.Meaning;

class MeaningsTest {

    @Test
    void bitsListFlagsFieldsAndUnknownBits() {
        Meaning m = Meanings.bits().flag(0, "A").field(2, 2, "MODE").flag(5, "B")
                .field(8, 2, "SPEED", Map.of(0L, "slow", 3L, "fast")).ignore(7, 1);
        assertEquals("A, MODE=3, SPEED=slow", m.describe(0b1101));
        assertEquals("B, SPEED=fast, bit4, bit12", m.describe(0x1000 | 0x300 | 0x20 | 0x10));
        assertEquals("SPEED=slow", m.describe(0x80));
        assertEquals("none set", Meanings.bits().flag(0, "A").describe(0));
    }

    @Test
    void choicesAndEnums() {
        Meaning m = Meanings.choices(2, Map.of(1L, "one"), "other %s");
        assertEquals("one", m.describe(1));
        assertEquals("other 0x00FF", m.describe(255));
        assertNull(Meanings.choices(1, Map.of(), null).describe(3));
        Meaning e = Meanings.enumOf(1, 0L, "zero", 3, "three");
        assertEquals("three", e.describe(3));
        assertNull(e.describe(2));
        assertEquals("off", Meanings.flag("off", "on").describe(0));
        assertEquals("on", Meanings.flag("off", "on").describe(7));
    }

    @Test
    void timersAndVram() {
        assertEquals("not pending", Meanings.TIMER.describe(-1));
        assertEquals("expires at vm_clock 1000 ns", Meanings.TIMER.describe(1000));
        assertEquals("guest-physical byte address 0xFF000000 (VRAM_RESERVED_ADDRESS); no VRAM dump",
                Meanings.VRAM_GMFN.describe(0xFF000000L));
        assertEquals("guest-physical byte address 0xF1000000; no VRAM dump", Meanings.VRAM_GMFN.describe(0xF1000000L));
        assertEquals("0: VRAM not in guest memory (the VRAM dump follows in the body)", Meanings.VRAM_GMFN.describe(0));
    }

    @Test
    void counts() {
        Meaning exact = Meanings.count("ports", 2, true, "NB_PORTS");
        assertEquals("2 ports (NB_PORTS)", exact.describe(2));
        assertEquals("3 ports (the loader rejects this: it accepts only 2)", exact.describe(3));
        assertEquals("1 ports (the loader rejects this: it accepts only 2)", exact.describe(1));
        Meaning atMost = Meanings.count("drives", 2, false, "MAX_FD");
        assertEquals("1 drives (accepted by the loader; the writer writes 2)", atMost.describe(1));
        assertEquals("3 drives (the loader rejects this: it accepts at most 2)", atMost.describe(3));
    }
}
