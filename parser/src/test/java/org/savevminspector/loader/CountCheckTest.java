package org.savevminspector.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A load function's count test is placed where the device's layout has the field, and names what it tests. */
class CountCheckTest {
    @Test
    void eachCheckSitsOnItsDevicesCountField() {
        CountCheck fdc = CountCheck.of("fdc", "n_drives", n -> n <= 2, "N must be at most 2 (MAX_FD)");
        assertEquals("n_drives", fdc.field());
        assertEquals(538, fdc.offset(), "after the FIFO and the registers of fdc v2");
        assertEquals(1, fdc.width());
        assertEquals("N must be at most 2 (MAX_FD)", fdc.rule());
        assertTrue(fdc.accepts().test(2));
        assertFalse(fdc.accepts().test(3));
        CountCheck uhci = CountCheck.of("uhci", "num_ports", n -> n == 2, "N must be 2 (NB_PORTS)");
        assertEquals(0, uhci.offset(), "the first byte after the PCI block");
        assertEquals(1, uhci.width());
        CountCheck vga = CountCheck.of("vga", "is_vbe", n -> n != 0, "is_vbe must be non-zero");
        assertEquals(1096, vga.offset());
        assertEquals(1, vga.width());
    }

    @Test
    void aFieldTheDeviceDoesNotHaveIsAnError() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> CountCheck.of("fdc", "num_ports", n -> true, "none"));
        assertEquals("fdc has no count field num_ports", e.getMessage());
    }
}
