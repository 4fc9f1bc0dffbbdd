package org.savevminspector.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The padded hex of the text reports' offset columns, written by hand: exactly what {@code 0x%04X} writes. */
class HexTest {
    @Test
    void paddedIsAtLeastFourUpperCaseDigits() {
        assertEquals("0x0000", Hex.padded(0));
        assertEquals("0x0ABC", Hex.padded(0xABC));
        assertEquals("0x1D58", Hex.padded(7512));
        assertEquals("0x4C4B5E", Hex.padded(5_000_030));
        assertEquals("0xFFFFFFFFFFFFFFFF", Hex.padded(-1));
        for (long v : new long[] {1, 0xF, 0x10, 0xFFF, 0x1000, 0xFFFF, 0x10000, Long.MAX_VALUE, Long.MIN_VALUE}) {
            assertEquals(String.format(Locale.ROOT, "0x%04X", v), Hex.padded(v));
        }
    }
}
