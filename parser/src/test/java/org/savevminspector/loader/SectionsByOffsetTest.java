package org.savevminspector.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.savevminspector.fixtures.Bodies;
import org.savevminspector.fixtures.StreamBuilder;
import org.savevminspector.inspect.Inspector;
import org.savevminspector.io.ByteSource;
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

    /** Sections by index: the first and the last are there, one before and one past are not. */
    @Test
    void sectionsByIndexAtTheirEdges() {
        List<Section> list = List.of(at(0, 8), at(1, 35), at(2, 62));
        SectionsByOffset index = new SectionsByOffset(list, -1);
        assertEquals(list.get(0), index.get(0));
        assertEquals(list.get(2), index.get(2));
        assertNull(index.get(-1));
        assertNull(index.get(3));
        assertTrue(index.has(0));
        assertTrue(index.has(2));
        assertFalse(index.has(-1));
        assertFalse(index.has(3));
        assertEquals(27, index.bodyOffset(0));
        assertEquals(8, index.bodyLength(2));
        assertEquals(SectionType.FULL, index.type(1));
    }

    /** Over a parse's section table the same questions get the same answers, from the table. */
    @Test
    void overAParsesTableTheSectionsAreTheTables() {
        byte[] bytes = StreamBuilder.v3().ramLive(1).full(2, "timer", 0, 2, Bodies.timer()).eof().build().bytes();
        List<Section> walk = Inspector.standard().inspect(ByteSource.of(bytes)).parse().sections();
        SectionsByOffset index = new SectionsByOffset(walk, 62);
        assertEquals(4, walk.size());
        for (int i = 0; i < 4; i++) {
            assertEquals(walk.get(i).header().offset(), index.get(i).header().offset());
            assertEquals(walk.get(i).type(), index.get(i).type());
            assertEquals(walk.get(i).type(), index.type(i));
            assertEquals(walk.get(i).body().offset(), index.bodyOffset(i));
            assertEquals(walk.get(i).body().length(), index.bodyLength(i));
        }
        assertEquals("timer", index.get(3).idstr());
        assertNull(index.get(-1));
        assertNull(index.get(4));
        assertEquals(3, index.at(35).index());
        assertTrue(index.isHeaderStart(62));
        assertFalse(index.isHeaderStart(36));
    }
}
