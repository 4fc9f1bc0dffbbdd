package org.savevminspector.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.savevminspector.model.Section;
import org.savevminspector.model.SectionType;
import org.savevminspector.model.Span;

class SectionsByOffsetTest {

    private static Section at(int index, long header) {
        return new Section(index, SectionType.FULL, index + 1, "timer", 0, 2, new Span(header, 19),
                new Span(header + 19, 8), true, 2, List.of(), List.of());
    }

    @Test
    void findsEachSectionByItsHeaderOffset() {
        SectionsByOffset index = new SectionsByOffset(List.of(at(0, 8), at(1, 35), at(2, 62)), 89);
        assertEquals(0, index.at(8).index());
        assertEquals(2, index.at(62).index());
        assertNull(index.at(9));
        assertNull(index.at(89));
    }

    @Test
    void headerStartsIncludeTheEofMarker() {
        SectionsByOffset index = new SectionsByOffset(List.of(at(0, 8), at(1, 35)), 62);
        assertTrue(index.isHeaderStart(8), "the first section's header");
        assertTrue(index.isHeaderStart(35));
        assertTrue(index.isHeaderStart(62));
        assertFalse(index.isHeaderStart(27));
        assertFalse(new SectionsByOffset(List.of(at(0, 8)), -1).isHeaderStart(-1));
        // -1 is the only "no marker": any other offset, the lowest included, is one
        assertTrue(new SectionsByOffset(List.of(at(0, 8)), 0).isHeaderStart(0));
    }

    @Test
    void outOfOrderSectionsAreFoundAndTheFirstOfTwoAtOneOffsetWins() {
        SectionsByOffset index = new SectionsByOffset(List.of(at(0, 62), at(1, 8), at(2, 62)), -1);
        assertEquals(1, index.at(8).index());
        assertEquals(0, index.at(62).index());
    }
}
