package org.savevminspector.app.gui.hex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Rows and pixels of the hex pane, without JavaFX: 8 px characters, 16 px rows, a 342 px high canvas. */
class HexViewportTest {

    private static HexViewport viewport(long bytes) {
        HexViewport v = new HexViewport();
        v.setMetrics(8, 16);
        v.setContent(bytes);
        v.setHeight(342); // 6 px margin + 16 px header + 20 rows
        return v;
    }

    @Test
    void rowsUnderTheHeaderAndTheLastScreenful() {
        HexViewport v = viewport(7520);
        assertEquals(470, v.totalRows());
        assertEquals(20, v.visibleRows());
        assertEquals(21, v.paintedRows());
        assertEquals(450, v.maxFirstRow());
        assertEquals(22, v.headerHeight());
        assertEquals(22, v.rowTop(0));
        assertEquals(34, v.baseline(0));
        v.setHeight(0);
        assertEquals(1, v.visibleRows(), "never fewer than one row");
    }

    @Test
    void scrollingIsClampedAndSaysWhetherItMoved() {
        HexViewport v = viewport(7520);
        assertTrue(v.scrollTo(100));
        assertEquals(100, v.firstRow());
        assertFalse(v.scrollTo(100));
        assertTrue(v.scrollTo(10_000));
        assertEquals(450, v.firstRow());
        assertTrue(v.scrollTo(-3));
        assertEquals(0, v.firstRow());
        assertEquals(22 + 16 * 5, v.rowTop(5));
        v.scrollTo(3);
        assertEquals(22 + 16 * 2, v.rowTop(5));
    }

    @Test
    void revealingAnOffsetPutsItsRowAFewRowsBelowTheTopOnlyWhenItIsNotShown() {
        HexViewport v = viewport(7520);
        assertEquals(-1, v.rowRevealing(0x40), "row 4 shows");
        assertEquals(7230 / 16 - 3, v.rowRevealing(7230));
        v.scrollTo(7230 / 16 - 3);
        assertEquals(-1, v.rowRevealing(7230));
        assertTrue(v.paints(v.firstRow() + 20), "the partly visible row under the last whole one is painted");
        assertFalse(v.paints(v.firstRow() + 21));
        assertFalse(v.paints(v.firstRow() - 1));
    }

    @Test
    void pixelsToOffsetsAndBack() {
        HexViewport v = viewport(7520);
        v.scrollTo(10);
        HexLayout l = v.layout();
        double y = v.rowTop(12) + 8; // middle of row 12 on screen
        assertEquals(12 * 16 + 8, v.offsetAt(v.x(l.hexCell(8)) + 4, y, 7520));
        assertEquals(12 * 16 + 15, v.offsetAt(v.x(l.asciiCell(15)) + 4, y, 7520), "a text cell");
        assertEquals(-1, v.offsetAt(v.x(2), y, 7520), "the offset column");
        assertEquals(-1, v.offsetAt(v.x(l.hexCell(0)), 10, 7520), "the column header");
        assertEquals(-1, v.offsetAt(v.x(l.hexCell(0)) + 4, y, 12 * 16), "at the limit");
        assertEquals(6 + 10 * 8, v.x(10));
        assertEquals(l.totalChars() * 8 + 12, v.contentWidth());
    }

    @Test
    void aFilePast4GiBGetsAWiderOffsetColumn() {
        HexViewport v = viewport(0x1_0000_0001L);
        assertEquals(9, v.layout().offsetDigits());
        assertEquals(0x1_0000_0001L / 16 + 1, v.totalRows());
        assertTrue(v.scrollTo(v.maxFirstRow()));
        assertEquals(0x1_0000_0001L / 16 + 1 - 20, v.firstRow());
    }
}
