package org.savevminspector.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.savevminspector.loader.LoaderRead.LoadedValue;

/**
 * The compact store of a replay's reads (runs of reads alike but for their section and, by one stride, their
 * offsets) reads back exactly the plain list it was given: size, every element by index, in order, through the
 * cursor the findings walk it with, and moved into a save image; and a run is one object however long it is.
 */
class LoaderReadsTest {
    /** How many ways a read can differ from the next read of a run (see {@link #broken}). */
    private static final int BREAKS = 15;

    private static final LoaderRead FIRST = new LoaderRead(3, "piix4acpi", 0, 2, 1000, 1022, 278, LoadStep.LOADED,
            "piix4acpi_load reads 278 body bytes", List.of(new LoadedValue("pm1a_evt_blk_address", 1046, 4, 0x1F40, 0),
            new LoadedValue("gpe0_blk_address", 1050, 2, 0x1F48, 1)));

    /** The read a run of stride {@code stride} has after {@code p}. */
    private static LoaderRead next(LoaderRead p, long stride) {
        return new LoaderRead(p.section() + 1, p.idstr(), p.instanceId(), p.version(), p.headerOffset() + stride,
                p.bodyOffset() + stride, p.bytesRead(), p.status(), p.message(), values(p.values(), stride, -1));
    }

    /** {@code values} {@code shift} bytes on, value {@code breakField} (0–5) of the first made different. */
    private static List<LoadedValue> values(List<LoadedValue> values, long shift, int breakField) {
        List<LoadedValue> out = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            LoadedValue v = values.get(i);
            boolean b = i == 0;
            out.add(new LoadedValue(b && breakField == 4 ? v.name() + "_hi" : v.name(),
                    v.offset() + shift + (b && breakField == 0 ? 1 : 0), v.length() + (b && breakField == 1 ? 1 : 0),
                    v.value() + (b && breakField == 2 ? 1 : 0), v.pastEnd() + (b && breakField == 3 ? 1 : 0)));
        }
        if (breakField == 5) {
            out.add(new LoadedValue("extra", 0, 1, 0, 0));
        }
        return out;
    }

    /** {@code r} changed in one field ({@code field} below {@link #BREAKS}) so that it does not continue a run. */
    private static LoaderRead broken(LoaderRead r, int field) {
        return new LoaderRead(r.section() + (field == 0 ? 1 : 0),
                field == 1 ? (r.idstr() == null ? "gpe" : r.idstr().equals("gpe") ? null : "gpe") : r.idstr(),
                r.instanceId() + (field == 2 ? 1 : 0), r.version() + (field == 3 ? 1 : 0),
                r.headerOffset() + (field == 4 ? 1 : 0), r.bodyOffset() + (field == 4 || field == 5 ? 1 : 0),
                r.bytesRead() + (field == 6 ? 1 : 0),
                field == 7 ? (r.status().equals(LoadStep.LOADED) ? "rejected" : LoadStep.LOADED) : r.status(),
                field == 8 ? (r.message() == null ? "m" : r.message().equals("m") ? null : "m") : r.message(),
                field >= 9 ? values(r.values(), 0, field - 9) : r.values());
    }

    /**
     * A sequence of reads from {@code ops}: below {@link #BREAKS} the next read of the run broken in that field,
     * {@code BREAKS} a read unlike any before (out of step with the walk, -1, one in four), above it the next
     * read of the run.
     */
    private static List<LoaderRead> reads(List<Integer> ops, long seed) {
        Random random = new Random(seed);
        List<LoaderRead> out = new ArrayList<>();
        LoaderRead last = FIRST;
        long stride = 27;
        out.add(last);
        for (int op : ops) {
            LoaderRead r;
            if (op == BREAKS) {
                long header = random.nextInt(1 << 20);
                r = new LoaderRead(random.nextInt(4) == 0 ? -1 : random.nextInt(1000), random.nextBoolean() ? "timer"
                        : null, random.nextInt(3), 1 + random.nextInt(3), header, header + random.nextInt(30),
                        random.nextInt(10), random.nextBoolean() ? LoadStep.LOADED : "skipped",
                        random.nextBoolean() ? null : "m", random.nextBoolean() ? List.of()
                        : List.of(new LoadedValue("io_base", header + 20, 2, random.nextInt(0x10000), 0)));
                stride = random.nextInt(64) - 8;
            } else {
                r = next(last, stride);
                if (op < BREAKS) {
                    r = broken(r, op);
                }
            }
            out.add(r);
            last = r;
        }
        return out;
    }

    private static LoaderReads compact(List<LoaderRead> reads) {
        LoaderReads.Builder b = new LoaderReads.Builder();
        reads.forEach(b::add);
        return b.build();
    }

    /** {@code r} as it reads {@code d} bytes further on: both offsets and those of its values. */
    private static LoaderRead moved(LoaderRead r, long d) {
        List<LoadedValue> v = new ArrayList<>();
        for (LoadedValue x : r.values()) {
            v.add(new LoadedValue(x.name(), x.offset() + d, x.length(), x.value(), x.pastEnd()));
        }
        return new LoaderRead(r.section(), r.idstr(), r.instanceId(), r.version(), r.headerOffset() + d,
                r.bodyOffset() + d, r.bytesRead(), r.status(), r.message(), v);
    }

    private static void assertCursorReads(List<LoaderRead> expected, List<LoaderRead> list) {
        LoaderReads.ReadCursor c = LoaderReads.cursor(list);
        for (int i = 0; i < expected.size(); i++) {
            LoaderRead r = expected.get(i);
            assertTrue(c.next(), "read " + i);
            assertEquals(i, c.index());
            assertEquals(r.section(), c.section(), "section of read " + i);
            assertEquals(r.idstr(), c.idstr());
            assertEquals(r.instanceId(), c.instanceId());
            assertEquals(r.version(), c.version());
            assertEquals(r.headerOffset(), c.headerOffset(), "header offset of read " + i);
            assertEquals(r.bodyOffset(), c.bodyOffset(), "body offset of read " + i);
            assertEquals(r.bytesRead(), c.bytesRead());
            assertEquals(r.status(), c.status());
            assertEquals(r.message(), c.message());
            assertEquals(r.values(), c.values(), "values of read " + i);
            assertEquals(r, c.read(), "read " + i);
        }
        assertFalse(c.next());
        assertFalse(c.next(), "past the end stays past the end");
    }

    @Property(tries = 300)
    void theCompactReadsAreThePlainReads(@ForAll @Size(max = 60) List<@IntRange(min = 0, max = 19) Integer> ops,
                                         @ForAll long seed, @ForAll @LongRange(min = -5000, max = 5000) long d) {
        List<LoaderRead> plain = reads(ops, seed);
        LoaderReads reads = compact(plain);
        assertEquals(plain.size(), reads.size());
        for (int i = 0; i < plain.size(); i++) {
            assertEquals(plain.get(i), reads.get(i), "read " + i);
        }
        assertEquals(plain, new ArrayList<>(reads));
        assertCursorReads(plain, reads);
        assertCursorReads(plain, plain);
        assertThrows(IndexOutOfBoundsException.class, () -> reads.get(-1));
        assertThrows(IndexOutOfBoundsException.class, () -> reads.get(plain.size()));

        List<LoaderRead> further = plain.stream().map(r -> moved(r, d)).toList();
        assertEquals(further, reads.moved(d));
        assertEquals(further, LoaderReads.moved(plain, d));
        assertCursorReads(further, reads.moved(d));
        assertEquals(plain.stream().map(r -> moved(r, 2 * d)).toList(), reads.moved(d).moved(d));
    }

    @Test
    void aRunOfAMillionReadsIsOneSegment() {
        LoaderReads.Builder b = new LoaderReads.Builder();
        LoaderRead r = FIRST;
        for (int i = 0; i < 1_000_000; i++) {
            b.add(r);
            r = next(r, 300);
        }
        LoaderReads reads = b.build();
        assertEquals(1, reads.segmentCount());
        assertEquals(1_000_000, reads.size());
        LoaderRead last = reads.get(999_999);
        assertEquals(3 + 999_999, last.section());
        assertEquals(1000 + 300L * 999_999, last.headerOffset());
        assertEquals(1022 + 300L * 999_999, last.bodyOffset());
        assertEquals(List.of(new LoadedValue("pm1a_evt_blk_address", 1046 + 300L * 999_999, 4, 0x1F40, 0),
                new LoadedValue("gpe0_blk_address", 1050 + 300L * 999_999, 2, 0x1F48, 1)), last.values());
    }

    /** Each field that differs ends the run, whether it differs in the second read or a later one. */
    @Test
    void everyFieldThatDiffersStartsANewSegment() {
        for (int field = 0; field < BREAKS; field++) {
            LoaderRead second = next(FIRST, 27);
            LoaderRead third = broken(next(second, 27), field);
            assertEquals(2, compact(List.of(FIRST, second, third)).segmentCount(), "field " + field + " third");
            LoaderRead brokenSecond = broken(second, field);
            assertEquals(2, compact(List.of(FIRST, brokenSecond)).segmentCount(), "field " + field + " second");
            // the broken read starts a run of its own
            assertEquals(2, compact(List.of(FIRST, brokenSecond, next(brokenSecond, 27))).segmentCount(),
                    "field " + field + " starts a run");
        }
        // a read differing only by its stride from the run's: offsets one step further, but not the run's step
        LoaderRead second = next(FIRST, 27);
        assertEquals(2, compact(List.of(FIRST, second, next(second, 28))).segmentCount());
        assertEquals(1, compact(List.of(FIRST, second, next(second, 27))).segmentCount());
        // a stride of 0 (the same offsets again) or a negative one is a run like any other
        assertEquals(1, compact(List.of(FIRST, next(FIRST, 0), next(next(FIRST, 0), 0))).segmentCount());
        assertEquals(1, compact(List.of(FIRST, next(FIRST, -5), next(next(FIRST, -5), -5))).segmentCount());
    }

    /** A read out of step with the walk (section -1) starts no run: the next would be section 0, not -1. */
    @Test
    void aReadOutOfStepStartsNoRun() {
        LoaderRead outOfStep = new LoaderRead(-1, "timer", 0, 2, 500, 519, 8, LoadStep.LOADED, null, List.of());
        LoaderRead after = next(outOfStep, 27);
        assertEquals(0, after.section());
        LoaderReads reads = compact(List.of(outOfStep, after, next(after, 27)));
        assertEquals(2, reads.segmentCount());
        assertEquals(List.of(outOfStep, after, next(after, 27)), reads);
        assertCursorReads(List.of(outOfStep, after, next(after, 27)), reads);
    }

    /** Without moving, a read is the one given: the store makes no copy of it, nor of its values. */
    @Test
    void unmovedReadsAreTheOnesGiven() {
        LoaderRead other = broken(FIRST, 1);
        LoaderReads reads = compact(List.of(FIRST, other));
        assertSame(FIRST, reads.get(0));
        assertSame(other, reads.moved(0).get(1));
        assertSame(FIRST.values(), LoaderReads.shifted(FIRST.values(), 0));
        assertSame(List.of(), LoaderReads.shifted(List.of(), 12));
        LoaderReads.ReadCursor c = LoaderReads.cursor(reads);
        c.next();
        assertSame(FIRST, c.read());
        assertSame(FIRST, LoaderReads.moved(List.of(FIRST), 0).get(0));
    }
}
