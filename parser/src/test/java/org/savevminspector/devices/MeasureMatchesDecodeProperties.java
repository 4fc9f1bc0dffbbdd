package org.savevminspector.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.savevminspector.devices.layout.Cursor;
import org.savevminspector.io.ArrayByteSource;
import org.savevminspector.model.Field;

/**
 * For random bodies of every catalogued layout: {@code measure()} equals the span {@code decode()} covers, the
 * decoded fields tile the body without gaps, and a body cut short decodes to a prefix of the complete fields.
 */
class MeasureMatchesDecodeProperties {

    /** Long enough for the largest fixed body (e1000 v1, 67 612) plus a count-dependent tail. */
    private static final int DATA = 70_000;

    @Provide
    Arbitrary<DeviceLayout> layouts() {
        DeviceCatalog c = DeviceCatalog.standard();
        Set<DeviceLayout> all = new LinkedHashSet<>();
        all.addAll(c.all()); // primary layouts and their variants (2008 pcislots, XenServer v1 dialect)
        return Arbitraries.of(List.copyOf(all));
    }

    /** Random bytes; with {@code sparse}, mostly zeros so that the "flag is 0" branches (VRAM dumps) get taken. */
    private static byte[] data(long seed, boolean sparse) {
        Random r = new Random(seed);
        byte[] b = new byte[DATA];
        if (sparse) {
            for (int i = 0; i < 64; i++) {
                b[r.nextInt(DATA)] = (byte) r.nextInt(256);
            }
        } else {
            r.nextBytes(b);
        }
        return b;
    }

    @Property(tries = 300)
    void measureEqualsDecodedSpan(@ForAll("layouts") DeviceLayout d, @ForAll long seed, @ForAll boolean sparse) {
        byte[] b = data(seed, sparse);
        ArrayByteSource src = new ArrayByteSource(b);
        long measured = d.layout().measure(src, 0, b.length);
        List<Field> fields = d.layout().decode(src, 0, b.length);
        long end = tile(d, fields);
        if (measured <= b.length) {
            assertEquals(measured, end, d + ": decode covers what measure says");
        } else {
            assertTrue(end < measured, d + ": a body longer than the data decodes to a prefix");
        }
    }

    @Property(tries = 300)
    void truncatedBodiesDecodeToAPrefix(@ForAll("layouts") DeviceLayout d, @ForAll long seed,
                                        @ForAll @IntRange(min = 0, max = 2_000) int cut) {
        byte[] b = data(seed, false);
        ArrayByteSource src = new ArrayByteSource(b);
        List<Field> whole = d.layout().decode(src, 0, b.length);
        List<Field> part = d.layout().decode(src, 0, cut);
        long end = tile(d, part);
        assertTrue(end <= cut, d + ": no field past the cut");
        assertTrue(part.size() <= whole.size());
        for (int i = 0; i < part.size(); i++) {
            assertEquals(whole.get(i), part.get(i), d + ": field " + i + " same as in the whole body");
        }
        try {
            long m = d.layout().measure(src, 0, cut);
            assertTrue(m >= end, d + ": measure at least the complete fields");
        } catch (Cursor.Truncated t) {
            assertTrue(t.at() + t.wanted() > cut, "Truncated only when a needed byte lies past the cut");
        }
    }

    /** Asserts the top-level fields are contiguous from 0 and returns where they end. */
    private static long tile(DeviceLayout d, List<Field> fields) {
        long pos = 0;
        for (Field f : fields) {
            assertEquals(pos, f.span().offset(), d + ": " + f.name() + " follows the previous field");
            pos = f.span().end();
        }
        return pos;
    }
}
