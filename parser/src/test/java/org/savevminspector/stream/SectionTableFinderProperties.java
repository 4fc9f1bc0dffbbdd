package org.savevminspector.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertThrowsExactly;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.savevminspector.devices.DeviceCatalog;
import org.savevminspector.devices.DeviceLayout;
import org.savevminspector.io.ByteSource;
import org.savevminspector.model.Section;
import org.savevminspector.model.SectionType;

/**
 * The compact section store against a plain list of the sections put in: for random layouts of sections (every
 * type, headers right after the last body or away from it either way, ids that follow or jump, idstrs and layouts
 * that change or stay, tables across several 64-row checkpoints), every question by index, by offset and in any
 * order gives what the list gives, also for a table moved to other offsets.
 */
class SectionTableFinderProperties {
    private static final DeviceCatalog CATALOG = DeviceCatalog.standard();
    private static final DeviceLayout[] LAYOUTS = {null, CATALOG.versions("timer").get(0),
        CATALOG.versions("piix4acpi").get(0), CATALOG.versions("piix4acpi").get(1)};
    private static final String[] IDSTRS = {"timer", "ram", "i8259", "cpu", "", "piix4acpi"};
    private static final SectionType[] TYPES = {SectionType.FULL, SectionType.START, SectionType.PART,
        SectionType.END, SectionType.RECORD};

    /** One section as put in, and what the table must give back for it. */
    private record Row(int index, SectionType type, long header, long sid, String idstr, long instance, long version,
                       long body, DeviceLayout layout) {
        long headerLength() {
            return switch (type) {
                case FULL, START -> 14L + idstr.length();
                case RECORD -> 13L + idstr.length();
                default -> 5;
            };
        }

        long bodyOffset() {
            return header + headerLength();
        }

        long end() {
            return bodyOffset() + body;
        }
    }

    private static List<Row> rows(Random r) {
        int n = switch (r.nextInt(4)) {
            case 0 -> r.nextInt(3);
            case 1 -> 60 + r.nextInt(10);
            default -> r.nextInt(300);
        };
        List<Row> rows = new ArrayList<>();
        long end = r.nextInt(3) == 0 ? 0 : r.nextInt(40);
        long sid = -1;
        int idstr = 0;
        DeviceLayout layout = null;
        for (int i = 0; i < n; i++) {
            SectionType t = TYPES[r.nextInt(TYPES.length)];
            // strictly rising headers (every header is at least 5 bytes), mostly right after the last body
            long header = r.nextInt(3) > 0 ? end : end + r.nextInt(200) - (i == 0 ? 0 : 4);
            long expected = t == SectionType.RECORD ? -1 : t.hasFullHeader() ? sid + 1 : sid;
            long id = r.nextInt(3) > 0 ? expected : r.nextInt(4) == 0 ? (r.nextLong() & 0xFFFFFFFFL) : r.nextInt(10);
            if (r.nextInt(4) == 0) {
                idstr = r.nextInt(IDSTRS.length);
            }
            if (r.nextInt(4) == 0) {
                layout = LAYOUTS[r.nextInt(LAYOUTS.length)];
            }
            boolean full = t.hasFullHeader();
            long instance = full ? (r.nextBoolean() ? r.nextInt(3) : r.nextLong() & 0xFFFFFFFFL) : -1;
            long version = full ? (r.nextBoolean() ? r.nextInt(8) : r.nextLong() & 0xFFFFFFFFL) : -1;
            long body = r.nextInt(5) == 0 ? 0 : r.nextInt(4) == 0 ? r.nextLong() & 0xFFFFFFFFL : r.nextInt(300);
            Row row = new Row(i, t, header, id, IDSTRS[idstr], instance, version, body, layout);
            rows.add(row);
            end = row.end();
            sid = id;
        }
        return rows;
    }

    private static SectionTable table(List<Row> rows) {
        SectionTable.Builder b = new SectionTable.Builder(ByteSource.of(new byte[0]));
        for (Row row : rows) {
            assertEquals(row.index(), b.add(row.type(), row.header(), row.sid(), row.idstr(), row.instance(),
                    row.version(), row.body(), row.layout()));
            assertEquals(row.header(), b.lastHeader());
            assertEquals(row.end(), b.lastEnd());
            assertEquals(row.idstr(), b.lastIdstr());
        }
        assertEquals(rows.size(), b.size());
        return b.build();
    }

    private static void assertSection(Row row, long delta, Section s) {
        String at = row.toString();
        assertEquals(row.index(), s.index(), at);
        assertEquals(row.type(), s.type(), at);
        assertEquals(row.sid(), s.sectionId(), at);
        assertEquals(row.idstr(), s.idstr(), at);
        assertEquals(row.instance(), s.instanceId(), at);
        assertEquals(row.version(), s.versionId(), at);
        assertEquals(row.header() + delta, s.header().offset(), at);
        assertEquals(row.headerLength(), s.header().length(), at);
        assertEquals(row.bodyOffset() + delta, s.body().offset(), at);
        assertEquals(row.body(), s.body().length(), at);
        assertEquals(row.layout() != null, s.decoded(), at);
        assertEquals(row.layout() == null ? -1 : row.layout().version(), s.shapeVersion(), at);
    }

    /** The linear scan {@code firstAtOrAfter} must agree with. */
    private static int firstAtOrAfter(List<Row> rows, long delta, long offset) {
        for (Row row : rows) {
            if (row.header() + delta >= offset) {
                return row.index();
            }
        }
        return rows.size();
    }

    /** Offsets worth asking about: every header, one before and after it, each body end, and anything at all. */
    private static long query(Random r, List<Row> rows, long delta) {
        if (rows.isEmpty() || r.nextInt(6) == 0) {
            return delta + r.nextInt(20_000) - 100;
        }
        Row row = rows.get(r.nextInt(rows.size()));
        return delta + switch (r.nextInt(4)) {
            case 0 -> row.header() - 1;
            case 1 -> row.header() + 1;
            case 2 -> row.end();
            default -> row.header();
        };
    }

    @Property(tries = 150)
    void byIndexInOrderAndByOffsetAsTheListSays(@ForAll long seed) {
        Random r = new Random(seed);
        List<Row> rows = rows(r);
        SectionTable built = table(rows);
        long delta = r.nextBoolean() ? 0 : 1 + r.nextInt(1 << 20);
        SectionTable t = delta == 0 ? built : built.moved(delta, ByteSource.of(new byte[0]));
        assertEquals(rows.size(), t.size());
        Iterator<Section> it = t.iterator();
        for (Row row : rows) {
            assertSection(row, delta, it.next());
        }
        assertFalse(it.hasNext());
        assertThrowsExactly(NoSuchElementException.class, it::next);
        for (int q = 0; q < 100 && !rows.isEmpty(); q++) {
            Row row = rows.get(r.nextInt(rows.size()));
            assertSection(row, delta, t.get(row.index()));
        }
        for (int q = 0; q < 300; q++) {
            long offset = query(r, rows, delta);
            assertEquals(firstAtOrAfter(rows, delta, offset), t.firstAtOrAfter(offset), "offset " + offset);
        }
        assertEquals(0, t.firstAtOrAfter(Long.MIN_VALUE + delta));
        assertEquals(rows.size(), t.firstAtOrAfter(Long.MAX_VALUE));
        assertEquals("section " + rows.size() + " of " + rows.size(),
                assertThrowsExactly(IndexOutOfBoundsException.class, () -> t.get(rows.size())).getMessage());
        assertEquals("section -1 of " + rows.size(),
                assertThrowsExactly(IndexOutOfBoundsException.class, () -> t.get(-1)).getMessage());
    }

    /** One finder asked any mix of questions in any order, as the loader and the GUI ask them. */
    @Property(tries = 150)
    void aFinderAnswersEveryQuestionInAnyOrderAsTheListSays(@ForAll long seed) {
        Random r = new Random(seed);
        List<Row> rows = rows(r);
        long delta = r.nextBoolean() ? 0 : 1 + r.nextInt(1 << 20);
        SectionTable built = table(rows);
        SectionTable t = delta == 0 ? built : built.moved(delta, ByteSource.of(new byte[0]));
        SectionTable.Finder f = t.finder();
        int last = -1;
        for (int q = 0; q < 400; q++) {
            if (rows.isEmpty()) {
                assertNull(f.at(query(r, rows, delta)));
                break;
            }
            // mostly forward by a little, as a walk in file order asks; sometimes back, or far on
            int i = switch (r.nextInt(4)) {
                case 0 -> r.nextInt(rows.size());
                default -> Math.max(0, Math.min(rows.size() - 1, last + r.nextInt(4) - (r.nextInt(8) == 0 ? 2 : 0)));
            };
            Row row = rows.get(i);
            switch (r.nextInt(7)) {
                case 0 -> assertEquals(row.header() + delta, f.headerOffset(i));
                case 1 -> assertEquals(row.bodyOffset() + delta, f.bodyOffset(i));
                case 2 -> assertEquals(row.type(), f.type(i));
                case 3 -> assertEquals(row.body(), f.bodyLength(i));
                case 4 -> assertSection(row, delta, f.get(i));
                default -> {
                    long offset = query(r, rows, delta);
                    int k = firstAtOrAfter(rows, delta, offset);
                    Section s = f.at(offset);
                    if (k < rows.size() && rows.get(k).header() + delta == offset) {
                        assertSection(rows.get(k), delta, s);
                        i = k;
                    } else {
                        assertNull(s, "offset " + offset);
                    }
                }
            }
            last = i;
        }
        int n = rows.size();
        assertEquals("section " + n + " of " + n,
                assertThrowsExactly(IndexOutOfBoundsException.class, () -> f.get(n)).getMessage());
        assertEquals("section -1 of " + n,
                assertThrowsExactly(IndexOutOfBoundsException.class, () -> f.headerOffset(-1)).getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> f.bodyLength(n));
    }

    private static SectionTable timers(int n) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(new Row(i, SectionType.FULL, 8 + 27L * i, i + 1, "timer", 0, 2, 8, LAYOUTS[1]));
        }
        return table(rows);
    }

    @Test
    void aFreshFinderAskedPastTheLastHeaderFindsNothing() {
        SectionTable t = timers(3);
        assertNull(t.finder().at(8 + 27L * 2 + 1));
        assertNull(t.finder().at(8 + 27L * 3));
        assertNull(t.finder().at(7));
        assertEquals(2, t.finder().at(8 + 27L * 2).index());
        assertNull(timers(0).finder().at(8));
        assertEquals(0, timers(0).firstAtOrAfter(8));
    }

    @Test
    void aFreshFinderAnswersByIndexFromTheFirstQuestion() {
        SectionTable t = timers(200);
        assertEquals(8 + 27L * 150, t.finder().headerOffset(150));
        assertEquals(8, t.finder().headerOffset(0));
        assertEquals(8, t.finder().bodyLength(70));
        assertEquals(8 + 27L * 3 + 19, t.finder().bodyOffset(3));
        assertEquals(SectionType.FULL, t.finder().type(0));
    }

    /** The section left by a step is given again, not made again, when asked for right after the look ahead. */
    @Test
    void theSectionBehindTheCursorIsTheOneMadeBefore() {
        SectionTable t = timers(100);
        SectionTable.Finder f = t.finder();
        Section five = f.get(5);
        assertEquals(6, f.get(6).index());
        assertSame(five, f.get(5));
        Section ten = f.at(8 + 27L * 10);
        assertEquals(11, f.at(8 + 27L * 11).index());
        assertSame(ten, f.at(8 + 27L * 10));
        assertEquals(12, f.get(12).index());
        assertEquals(11, f.get(11).index());
    }
}
