package org.savevminspector.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.savevminspector.diff.DiffFixtures.diff;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.savevminspector.fixtures.Bodies;
import org.savevminspector.fixtures.StreamBuilder;

/**
 * Two streams of many sections (issue 13 point 6): the comparison keeps its pairs as numbers and makes them when
 * read; by index and in order they read back the same, the counts come without making them, and a pair with
 * differing fields is the one the comparison made.
 */
class ManySectionsDiffTest {
    /** {@code n} timers with ids 1, 2, …; the one at {@code changed} (if any) with another first body byte. */
    private static byte[] timers(int n, int changed) {
        StreamBuilder b = StreamBuilder.v3();
        for (int i = 0; i < n; i++) {
            byte[] body = Bodies.timer();
            if (i == changed) {
                body[0] ^= 0x01;
            }
            b.full(i + 1, "timer", 0, 2, body);
        }
        return b.eof().build().bytes();
    }

    @Test
    void pairsAreMadeWhenReadAndReadBackAlike() {
        DiffResult r = diff(timers(3_000, -1), timers(3_000, 2_345));
        assertEquals(3_000, r.sections().size());
        assertEquals(2_999, r.count(DiffStatus.SAME));
        assertEquals(1, r.count(DiffStatus.CHANGED));
        assertEquals(0, r.count(DiffStatus.ONLY_A));
        assertEquals(0, r.count(DiffStatus.ONLY_B));
        assertFalse(r.identical());

        List<SectionPair> inOrder = new ArrayList<>(3_000);
        r.sections().forEach(inOrder::add);
        for (int i : new int[] {0, 1, 2_344, 2_345, 2_999}) {
            SectionPair p = r.sections().get(i);
            assertEquals(p, inOrder.get(i));
            assertEquals(i, p.a().index());
            assertEquals(i, p.b().index());
            assertEquals(8 + 27L * i, p.a().header().offset());
        }
        SectionPair changed = r.sections().get(2_345);
        assertEquals(DiffStatus.CHANGED, changed.status());
        assertEquals(List.of("cpu_clock_offset"), changed.fields().stream().map(FieldPair::path).toList());
        assertSame(changed, r.sections().get(2_345));
        assertSame(changed.a(), r.sections().get(2_345).a());
        assertEquals(DiffStatus.SAME, r.sections().get(2_344).status());
        assertEquals(List.of(), r.sections().get(2_344).fields());

        // pairs(): the file header, every section pair, the EOF marker
        List<DiffPair> rows = r.pairs();
        assertEquals(3_002, rows.size());
        assertEquals(r.header(), rows.get(0));
        assertEquals(r.sections().get(7), rows.get(8));
        assertEquals(r.eof(), rows.get(3_001));
        int n = 0;
        for (DiffPair p : rows) {
            n++;
        }
        assertEquals(3_002, n);
    }

    @Test
    void identicalStreamsOfManySectionsAreIdentical() {
        byte[] a = timers(3_000, -1);
        DiffResult r = diff(a, a.clone());
        assertEquals(3_000, r.count(DiffStatus.SAME));
        assertEquals(true, r.identical());
    }
}
