package org.savevminspector.app.gui.hex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The hex pane's caret and selection, without JavaFX. */
class HexCaretTest {

    private static HexCaret over(long size) {
        HexCaret c = new HexCaret();
        c.reset(size);
        return c;
    }

    private static void assertState(HexCaret c, long caret, long start, long length, boolean userRange) {
        assertEquals(caret, c.caret(), "caret");
        assertEquals(start, c.start(), "start");
        assertEquals(length, c.length(), "length");
        assertEquals(userRange, c.isUserRange(), "user range");
    }

    @Test
    void newDataPutsTheCaretOnTheFirstByteWithNothingSelected() {
        HexCaret c = over(7520);
        c.extendTo(40);
        c.reset(100);
        assertState(c, 0, 0, 0, false);
        assertEquals(100, c.size());
    }

    @Test
    void codeSelectsARangeCutAtTheEndWithTheCaretOnItsFirstByte() {
        HexCaret c = over(7520);
        c.select(7211, 301);
        assertState(c, 7211, 7211, 301, false);
        c.select(7512, 12); // a loader's read past the end: the 8 bytes that are there
        assertState(c, 7512, 7512, 8, false);
        c.select(9000, 4); // past the end: the last byte
        assertState(c, 7519, 7519, 1, false);
        c.select(-5, 2);
        assertState(c, 0, 0, 2, false);
    }

    @Test
    void aClickPlacesTheCaretWithOneByteAndADragSelectsFromTheAnchorEitherWay() {
        HexCaret c = over(7520);
        c.place(100);
        assertState(c, 100, 100, 1, false);
        c.extendTo(131);
        assertState(c, 131, 100, 32, true);
        c.extendTo(90); // back past the anchor
        assertState(c, 90, 90, 11, true);
        c.place(20000);
        assertState(c, 7519, 7519, 1, false);
    }

    @Test
    void keysMoveByByteRowPageAndToRowAndFileEnds() {
        HexCaret c = over(7520);
        c.place(0x1C3E);
        assertEquals(0x1C3D, c.target(HexCaret.Move.LEFT, 20));
        assertEquals(0x1C3F, c.target(HexCaret.Move.RIGHT, 20));
        assertEquals(0x1C2E, c.target(HexCaret.Move.UP, 20));
        assertEquals(0x1C4E, c.target(HexCaret.Move.DOWN, 20));
        assertEquals(0x1C3E - 20 * 16, c.target(HexCaret.Move.PAGE_UP, 20));
        assertEquals(0x1C3E + 20 * 16, c.target(HexCaret.Move.PAGE_DOWN, 20));
        assertEquals(0x1C30, c.target(HexCaret.Move.ROW_START, 20));
        assertEquals(0x1C3F, c.target(HexCaret.Move.ROW_END, 20));
        assertEquals(0, c.target(HexCaret.Move.FIRST, 20));
        assertEquals(7519, c.target(HexCaret.Move.LAST, 20));

        c.move(HexCaret.Move.PAGE_DOWN, 1000, false); // clamped to the last byte
        assertState(c, 7519, 7519, 1, false);
        c.move(HexCaret.Move.UP, 20, true); // shift: extends from the anchor
        assertState(c, 7503, 7503, 17, true);
        c.move(HexCaret.Move.FIRST, 20, false);
        assertState(c, 0, 0, 1, false);
        c.move(HexCaret.Move.LEFT, 20, false);
        assertState(c, 0, 0, 1, false);
    }

    @Test
    void theSelectionHoldsItsBytesAndAnEmptyOneItsFirst() {
        HexCaret c = over(7520);
        c.select(7230, 4);
        assertTrue(c.selects(7230));
        assertTrue(c.selects(7233));
        assertFalse(c.selects(7234));
        assertFalse(c.selects(7229));
        c.select(10, 0);
        assertTrue(c.selects(10));
        assertFalse(c.selects(11));
    }

    @Test
    void emptyDataKeepsEverythingAtZero() {
        HexCaret c = over(0);
        c.place(5);
        assertState(c, 0, 0, 1, false);
        c.select(3, 3);
        assertState(c, 0, 0, 0, false);
        assertEquals(-1, c.target(HexCaret.Move.LAST, 1));
        c.move(HexCaret.Move.LAST, 1, false);
        assertEquals(0, c.caret());
    }
}
