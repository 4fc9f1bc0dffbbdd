package org.savevminspector.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.savevminspector.fixtures.Fixtures;
import org.savevminspector.fixtures.SaveImageWriter;
import org.savevminspector.fixtures.SaveImageWriter.Kind;
import org.savevminspector.io.ByteSource;
import org.savevminspector.model.Span;
import org.savevminspector.repair.RepairOptions;
import org.savevminspector.repair.RepairStrategy;

/**
 * The repaired image read in place (what a writer of a changed virtual disk copies from): byte for byte the image
 * the fixture writer builds around the repaired stream, read in pieces of every size across every segment edge;
 * nothing before 0, at or past the end, or for an empty read; and outside its changed ranges, the input's bytes.
 */
class RepairedImageSourceTest {
    private static final byte[] BROKEN = Fixtures.xenServer62().bytes();

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theRepairedImageReadsAsTheImageAroundTheRepairedStream(Kind kind) {
        byte[] image = SaveImageWriter.image(kind, BROKEN, 3);
        ByteSource src = ByteSource.of(image);
        ImageRepairPlan plan = ImageRepairer.standard().plan(src, ImageInspector.standard().inspect(src),
                new RepairOptions(RepairStrategy.UPGRADE, false));
        byte[] expected = SaveImageWriter.image(kind, plan.stream().result(), 3);
        RepairedImageSource repaired = new RepairedImageSource(src, plan);

        assertEquals(expected.length, repaired.size());
        assertEquals(plan.newSize(), repaired.size());
        for (int piece : new int[] {1, 3, 7, 64, 4099, expected.length}) {
            byte[] seen = new byte[expected.length];
            for (int pos = 0; pos < expected.length; pos += piece) {
                int want = Math.min(piece, expected.length - pos);
                assertEquals(want, repaired.read(pos, seen, pos, want), "read of " + want + " at " + pos);
            }
            assertArrayEquals(expected, seen, "pieces of " + piece);
        }
        byte[] tail = new byte[8];
        assertEquals(3, repaired.read(expected.length - 3, tail, 0, 8), "a read across the end stops there");
        assertArrayEquals(Arrays.copyOfRange(expected, expected.length - 3, expected.length),
                Arrays.copyOf(tail, 3));
        assertEquals(0, repaired.read(-1, tail, 0, 8));
        assertEquals(0, repaired.read(expected.length, tail, 0, 8));
        assertEquals(0, repaired.read(0, tail, 0, 0));

        List<Span> changed = repaired.changed();
        assertTrue(!changed.isEmpty());
        assertEquals(expected.length, changed.get(changed.size() - 1).end(),
                "the stream grows, so everything after it moves");
        boolean[] inChanged = new boolean[expected.length];
        for (Span s : changed) {
            assertTrue(s.length() > 0, s::toString);
            for (long p = s.offset(); p < s.end(); p++) {
                inChanged[(int) p] = true;
            }
        }
        for (int p = 0; p < Math.min(image.length, expected.length); p++) {
            if (!inChanged[p]) {
                assertEquals(image[p], expected[p], "unchanged byte " + p);
            }
        }
    }
}
