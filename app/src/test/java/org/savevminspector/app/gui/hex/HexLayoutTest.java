package org.savevminspector.app.gui.hex;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The hex pane's cell geometry (moved from SmallModelsTest with the class it tests). */
class HexLayoutTest {

    @Test
    void hexLayoutHitTesting() {
        HexLayout l = HexLayout.DEFAULT;
        assertEquals(new HexLayout.Hit(5, 0, false), l.hit(5, l.hexCell(0) + 1, 0.5));
        assertEquals(new HexLayout.Hit(7, 8, false), l.hit(5, l.hexCell(8), 2.2));
        assertEquals(new HexLayout.Hit(5, 15, true), l.hit(5, l.asciiCell(15) + 0.5, 0));
        assertEquals(-1, l.hit(0, 2, 0).column());
        assertEquals(l.hexCell(7) + 3 + 1, l.hexCell(8));
        assertEquals(470, HexLayout.rowCount(7520));
        // no gap: the hex columns start two cells after the offset, also for offsets past 4 GiB
        assertEquals("00001C2B", l.offsetText(0x1C2B));
        assertEquals(10, l.hexCell(0));
        HexLayout big = HexLayout.forSize(0x1_0000_0001L);
        assertEquals("100000000", big.offsetText(0x1_0000_0000L));
        assertEquals(11, big.hexCell(0));
        assertEquals(HexLayout.DEFAULT, HexLayout.forSize(0x1_0000_0000L));
        assertEquals('A', HexLayout.ascii(0x41));
        assertEquals('.', HexLayout.ascii(0x7F));
    }
}
