package org.savevminspector.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.savevminspector.diagnostics.Coordinates;
import org.savevminspector.model.Hex;
import org.savevminspector.model.Section;
import org.savevminspector.model.SectionType;
import org.savevminspector.model.Span;

/**
 * The compact lists of a replay's findings (misreads, sections not restored, overwritten pairs), each kept as runs
 * of entries one step apart, read back exactly the entries they were given, one by one, in order, by index and
 * moved into a save image; and a run is one run however long it is.
 */
class CompactFindingsTest {

    // ---- misreads ----

    /** One misread as the builder takes it. */
    private record M(byte kind, int section, String idstr, long version, long offset, long have, long read) {
        M next(long step) {
            return new M(kind, section + 1, idstr, version, offset + step, have, read);
        }

        /** This misread changed in field {@code f} (0–6) so that it continues no run. */
        M broken(int f) {
            return new M(f == 0 ? (byte) ((kind + 1) % 3) : kind, section + (f == 1 ? 1 : 0),
                    f == 2 ? (idstr == null ? "gpe" : idstr.equals("gpe") ? null : "gpe") : idstr,
                    version + (f == 3 ? 1 : 0), offset + (f == 4 ? 1 : 0), have + (f == 5 ? 1 : 0),
                    read + (f == 6 ? 1 : 0));
        }

        LoaderReport.Misread worded(Coordinates at) {
            long file = at.streamStart() + offset;
            String where = at.offset(offset);
            String message = switch (kind) {
                case MisreadList.OUT_OF_STEP -> "bytes at offset " + where + " that are no section header are read "
                        + "as section '" + idstr + "'";
                case MisreadList.SHORT -> idstr + " v" + version + " reads " + read + " of the " + have
                        + " body bytes: the last " + (have - read) + " byte(s) are not restored and the byte at offset "
                        + where + " is read as the next section type";
                default -> idstr + " v" + version + " reads " + read + " body bytes, " + (read - have)
                        + " more than the section has: what follows is taken as this device's state";
            };
            return new LoaderReport.Misread(kind == MisreadList.OUT_OF_STEP ? -1 : section, idstr, file,
                    kind == MisreadList.OUT_OF_STEP ? -1 : have, read, message);
        }
    }

    private static MisreadList misreads(List<M> entries) {
        MisreadList.Builder b = new MisreadList.Builder();
        for (M m : entries) {
            b.add(m.kind, m.section, m.idstr, m.version, m.offset, m.have, m.read);
        }
        return b.build();
    }

    private static List<LoaderReport.Misread> worded(List<M> entries, Coordinates at) {
        return entries.stream().map(m -> m.worded(at)).toList();
    }

    private static final M LONG = new M(MisreadList.LONG, 2, "piix4acpi", 2, 340, 278, 282);

    /** Below 7 the next entry broken in that field, 7 an entry unlike the others, above it the run's next entry. */
    private static List<M> misreadSequence(List<Integer> ops, long seed) {
        Random random = new Random(seed);
        List<M> out = new ArrayList<>();
        M last = LONG;
        long step = 300;
        out.add(last);
        for (int op : ops) {
            M m;
            if (op == 7) {
                m = new M((byte) random.nextInt(3), random.nextInt(100), random.nextBoolean() ? "timer" : null,
                        random.nextInt(4), random.nextInt(10_000), random.nextInt(300), random.nextInt(300));
                step = random.nextInt(100) - 20;
            } else {
                m = last.next(step);
                if (op < 7) {
                    m = m.broken(op);
                }
            }
            out.add(m);
            last = m;
        }
        return out;
    }

    @Property(tries = 300)
    void theCompactMisreadsAreThePlainOnes(@ForAll @Size(max = 40) List<@IntRange(min = 0, max = 11) Integer> ops,
                                           @ForAll long seed, @ForAll @LongRange(min = 1, max = 1 << 24) long d) {
        List<M> entries = misreadSequence(ops, seed);
        MisreadList list = misreads(entries);
        List<LoaderReport.Misread> plain = worded(entries, Coordinates.FILE);
        assertEquals(plain.size(), list.size());
        for (int i = 0; i < plain.size(); i++) {
            assertEquals(plain.get(i), list.get(i), "misread " + i);
        }
        assertEquals(plain, new ArrayList<>(list));
        assertThrows(IndexOutOfBoundsException.class, () -> list.get(-1));
        assertThrows(IndexOutOfBoundsException.class, () -> list.get(plain.size()));
        Coordinates image = Coordinates.streamAt(d);
        assertEquals(worded(entries, image), list.moved(d));
        assertEquals(worded(entries, image), list.in(image));
        assertEquals(plain, list.moved(d).in(Coordinates.FILE));
    }

    @Test
    void misreadsOneStepApartAreOneRun() {
        List<M> run = new ArrayList<>(List.of(LONG));
        for (int i = 0; i < 999; i++) {
            run.add(run.get(i).next(300));
        }
        MisreadList list = misreads(run);
        assertEquals(1, list.runs());
        assertEquals(LONG.next(300).next(300).worded(Coordinates.FILE), list.get(2));
        assertEquals(new LoaderReport.Misread(1001, "piix4acpi", 340 + 300L * 999, 278, 282, "piix4acpi v2 reads 282 "
                + "body bytes, 4 more than the section has: what follows is taken as this device's state"), list.get(999));
        // the second entry sets the step, whatever it is; the third must keep it
        assertEquals(1, misreads(List.of(LONG, LONG.next(-7), LONG.next(-7).next(-7))).runs());
        assertEquals(2, misreads(List.of(LONG, LONG.next(-7), LONG.next(-7).next(-6))).runs());
        for (int f = 0; f < 7; f++) {
            M second = LONG.next(300);
            int expected = f == 4 ? 1 : 2; // an offset off the step is the step, in the second entry
            assertEquals(expected, misreads(List.of(LONG, second.broken(f))).runs(), "second broken in " + f);
            assertEquals(2, misreads(List.of(LONG, second, second.next(300).broken(f))).runs(), "third broken in " + f);
        }
        // a run after the first is extended from its own start
        M other = new M(MisreadList.SHORT, 0, "ide", 3, 100, 170, 166);
        assertEquals(2, misreads(List.of(other, LONG, LONG.next(300), LONG.next(300).next(300))).runs());
        // bytes taken for a header belong to no section: any section number continues their run
        M outOfStep = new M(MisreadList.OUT_OF_STEP, 7, "timer", 2, 1000, 0, 8);
        MisreadList oos = misreads(List.of(outOfStep, new M(MisreadList.OUT_OF_STEP, 2, "timer", 2, 1020, 0, 8),
                new M(MisreadList.OUT_OF_STEP, 9, "timer", 2, 1040, 0, 8)));
        assertEquals(1, oos.runs());
        assertEquals(new LoaderReport.Misread(-1, "timer", 1040, -1, 8, "bytes at offset 1040 (0x410) that are no "
                + "section header are read as section 'timer'"), oos.get(2));
    }

    @Test
    void misreadsReadInTheirOwnCoordinatesAreTheList() {
        MisreadList list = misreads(List.of(LONG));
        assertSame(list, list.in(Coordinates.FILE));
        MisreadList moved = list.moved(4096);
        assertSame(moved, moved.in(Coordinates.streamAt(4096)));
        assertEquals(new LoaderReport.Misread(2, "piix4acpi", 4096 + 340, 278, 282, LONG.worded(Coordinates.FILE)
                .message()), moved.get(0));
        M shortRead = new M(MisreadList.SHORT, 4, "ide", 3, 200, 170, 166);
        assertEquals("ide v3 reads 166 of the 170 body bytes: the last 4 byte(s) are not restored and the byte at "
                + "offset 4296 (0x10C8; stream +0xC8) is read as the next section type",
                misreads(List.of(shortRead)).moved(4096).get(0).message());
    }

    // ---- sections not restored ----

    /** One entry as the builder takes it. */
    private record N(int section, byte why, int number) {
    }

    private static final String QEMU = "qemu-dm 3.4";

    private static List<Section> sections(int n, long seed) {
        Random random = new Random(seed);
        List<Section> out = new ArrayList<>();
        SectionType[] types = {SectionType.FULL, SectionType.START, SectionType.PART, SectionType.END};
        long at = 8;
        for (int i = 0; i < n; i++) {
            SectionType t = types[random.nextInt(types.length)];
            long instance = random.nextInt(3) == 0 ? 0x10 + random.nextInt(300) : 0;
            out.add(new Section(i, t, i + 1, random.nextBoolean() ? "timer" : "serial", instance, 2, new Span(at, 19),
                    new Span(at + 19, 8), true, 2, List.of(), List.of()));
            at += 27;
        }
        return out;
    }

    private static LoaderReport.NotRestored expected(N e, List<Section> sections, List<String> refusals,
                                                     long stoppedAt, Coordinates at) {
        Section s = sections.get(e.section);
        if (e.why == NotRestoredList.OVERWRITTEN) {
            return new LoaderReport.NotRestored(e.section, s.idstr(), s.instanceId(), "overwritten: section #" + e.number
                    + " has the same idstr and instance (" + Hex.plain(s.instanceId()) + "), so " + QEMU + " loads it "
                    + "into the same device; that device ends with the state of #" + e.number + " and the device #"
                    + e.number + " was saved from keeps its power-on state");
        }
        String name = s.idstr() + switch (s.type()) {
            case PART -> " (part)";
            case END -> " (end)";
            default -> "";
        };
        return new LoaderReport.NotRestored(e.section, name, s.instanceId(), e.why == NotRestoredList.REFUSED
                ? "its load function returns an error that qemu ignores: " + refusals.get(e.number)
                : "never read: the loader stopped at offset " + at.offset(stoppedAt) + " and reported success");
    }

    /**
     * Entries in section order from {@code ops}: 0 the next section, same why, the number a step on; 1 the same
     * with another step; 2 another why; 3 a section skipped.
     */
    private static List<N> entries(List<Integer> ops, long seed, int refusals) {
        Random random = new Random(seed);
        List<N> out = new ArrayList<>();
        int s = random.nextInt(3);
        byte why = NotRestoredList.OVERWRITTEN;
        int step = 1;
        int number = s + 1;
        out.add(new N(s, why, number));
        for (int op : ops) {
            s++;
            if (op == 1) {
                step = random.nextInt(5) - 2;
            } else if (op == 2) {
                why = (byte) ((why + 1) % 3);
            } else if (op == 3) {
                s += 1 + random.nextInt(3);
            }
            number = switch (why) {
                case NotRestoredList.OVERWRITTEN -> op == 0 ? number + step : s + 1 + random.nextInt(4);
                case NotRestoredList.REFUSED -> random.nextInt(refusals);
                default -> -1;
            };
            out.add(new N(s, why, number));
        }
        return out;
    }

    @Property(tries = 300)
    void theCompactSectionsNotRestoredAreThePlainOnes(
            @ForAll @Size(max = 40) List<@IntRange(min = 0, max = 5) Integer> ops, @ForAll long seed,
            @ForAll @LongRange(min = 1, max = 1 << 24) long d) {
        List<String> refusals = List.of("ide_load: -22", "rtl8139_load: version 5 is not supported");
        List<N> entries = entries(ops.stream().map(o -> o > 3 ? 0 : o).toList(), seed, refusals.size());
        List<Section> sections = sections(entries.get(entries.size() - 1).section + 2, seed);
        long stoppedAt = 8 + 27L * sections.size();
        NotRestoredList.Builder b = new NotRestoredList.Builder();
        entries.forEach(e -> b.add(e.section, e.why, e.number));
        NotRestoredList list = b.build(sections, QEMU, stoppedAt, refusals);
        List<LoaderReport.NotRestored> plain = entries.stream()
                .map(e -> expected(e, sections, refusals, stoppedAt, Coordinates.FILE)).toList();
        assertEquals(plain.size(), list.size());
        for (int i = 0; i < plain.size(); i++) {
            assertEquals(plain.get(i), list.get(i), "entry " + i);
        }
        Iterator<LoaderReport.NotRestored> it = list.iterator();
        for (int i = 0; i < plain.size(); i++) {
            assertEquals(plain.get(i), it.next(), "entry " + i + " in order");
        }
        assertFalse(it.hasNext());
        assertThrows(NoSuchElementException.class, it::next);
        assertThrows(IndexOutOfBoundsException.class, () -> list.get(-1));
        assertThrows(IndexOutOfBoundsException.class, () -> list.get(plain.size()));
        List<LoaderReport.NotRestored> moved = entries.stream()
                .map(e -> expected(e, sections, refusals, stoppedAt, Coordinates.streamAt(d))).toList();
        assertEquals(moved, list.moved(d));
        assertEquals(moved, new ArrayList<>(list.moved(d)));
    }

    @Test
    void sectionsOverwrittenInTurnAreOneRun() {
        List<Section> sections = sections(1000, 1);
        NotRestoredList.Builder b = new NotRestoredList.Builder();
        for (int i = 0; i < 999; i++) {
            b.add(i, NotRestoredList.OVERWRITTEN, i + 1);
        }
        NotRestoredList list = b.build(sections, QEMU, 27_008, List.of());
        assertEquals(1, list.runs());
        assertEquals(expected(new N(998, NotRestoredList.OVERWRITTEN, 999), sections, List.of(), 0, Coordinates.FILE),
                list.get(998));
        // the second entry sets the number's step (here 0: one refusal's words for every section)
        NotRestoredList.Builder refused = new NotRestoredList.Builder();
        refused.add(5, NotRestoredList.REFUSED, 0);
        refused.add(6, NotRestoredList.REFUSED, 0);
        refused.add(7, NotRestoredList.REFUSED, 0);
        refused.add(8, NotRestoredList.REFUSED, 1);
        refused.add(10, NotRestoredList.REFUSED, 1);
        refused.add(11, NotRestoredList.NEVER_READ, -1);
        refused.add(12, NotRestoredList.NEVER_READ, -1);
        assertEquals(4, refused.build(sections, QEMU, 0, List.of("a", "b")).runs());
    }

    // ---- overwritten pairs ----

    private static List<int[]> walk(LoaderFindings.Overwritten.Pairs p) {
        List<int[]> out = new ArrayList<>();
        for (; p.more(); p.next()) {
            out.add(new int[] {p.earlier(), p.later()});
        }
        return out;
    }

    private static String text(List<int[]> pairs) {
        StringBuilder s = new StringBuilder();
        pairs.forEach(p -> s.append(p[0]).append('>').append(p[1]).append(' '));
        return s.toString();
    }

    /**
     * For sections of random devices in load order (a few devices, so that sections of one device interleave
     * with those of others and pairs come out of order), the pairs come back in order of the earlier section.
     */
    @Property(tries = 400)
    void overwrittenPairsComeBackInOrderOfTheEarlierSection(
            @ForAll @Size(max = 60) List<@IntRange(min = 0, max = 4) Integer> devices, @ForAll boolean runOfOne) {
        Map<Integer, Integer> last = new HashMap<>();
        LoaderFindings.Overwritten over = new LoaderFindings.Overwritten();
        List<int[]> pairs = new ArrayList<>();
        int section = 0;
        for (int d : devices) {
            // one device a run of duplicates: each section overwritten by the next
            int device = runOfOne ? 0 : d;
            Integer earlier = last.put(device, section);
            if (earlier != null) {
                over.add(earlier, section);
                pairs.add(new int[] {earlier, section});
            }
            section++;
        }
        pairs.sort(Comparator.comparingInt(p -> p[0]));
        assertEquals(text(pairs), text(walk(over.inOrder())));
        if (runOfOne) {
            assertEquals(pairs.isEmpty() ? 0 : 1, over.runs());
        }
    }

    @Test
    void pairsOutOfOrderAreSorted() {
        // a b b a: b's pair (1, 2) comes before a's (0, 3)
        LoaderFindings.Overwritten over = new LoaderFindings.Overwritten();
        over.add(1, 2);
        over.add(0, 3);
        assertEquals("0>3 1>2 ", text(walk(over.inOrder())));
        // runs of pairs out of order: (5,6) (6,7) then (2,3) (3,4) (4,8)
        LoaderFindings.Overwritten runs = new LoaderFindings.Overwritten();
        runs.add(5, 6);
        runs.add(6, 7);
        runs.add(2, 3);
        runs.add(3, 4);
        runs.add(4, 8);
        assertEquals(3, runs.runs());
        assertEquals("2>3 3>4 4>8 5>6 6>7 ", text(walk(runs.inOrder())));
        // runs in order are handed over as they are, past the first eight (the arrays grow)
        LoaderFindings.Overwritten many = new LoaderFindings.Overwritten();
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            many.add(3 * i, 3 * i + 2);
            expected.append(3 * i).append('>').append(3 * i + 2).append(' ');
        }
        assertEquals(20, many.runs());
        assertEquals(expected.toString(), text(walk(many.inOrder())));
        // exactly as many runs as the arrays first hold
        LoaderFindings.Overwritten eight = new LoaderFindings.Overwritten();
        for (int i = 0; i < 8; i++) {
            eight.add(2 * i, 2 * i + 1);
        }
        assertEquals(8, eight.runs());
        assertEquals("0>1 2>3 4>5 6>7 8>9 10>11 12>13 14>15 ", text(walk(eight.inOrder())));
        // a run whose last earlier section passes the next run's first is out of order
        LoaderFindings.Overwritten overlapping = new LoaderFindings.Overwritten();
        overlapping.add(3, 10);
        overlapping.add(4, 11);
        overlapping.add(2, 12);
        assertEquals("2>12 3>10 4>11 ", text(walk(overlapping.inOrder())));
    }
}
