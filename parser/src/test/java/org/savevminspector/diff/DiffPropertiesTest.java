package org.savevminspector.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.savevminspector.fixtures.Fixtures;
import org.savevminspector.model.Span;

/**
 * Whatever two files are compared: no exception, every span inside its own file, a file is identical to itself,
 * and swapping the files swaps the sides (what is only in A becomes only in B).
 */
class DiffPropertiesTest {
    private static final List<byte[]> FILES = List.of(Fixtures.sample(), Fixtures.xenServer62().bytes(),
            Fixtures.v2Compat().bytes(), Fixtures.v1File().bytes());

    /** A file with one of: a cut, a run of bytes overwritten, bytes inserted, bytes deleted. */
    @Provide
    Arbitrary<byte[]> mutants() {
        return Combinators.combine(Arbitraries.of(FILES), Arbitraries.integers().between(0, 3),
                Arbitraries.doubles().between(0, 1), Arbitraries.integers().between(1, 40),
                Arbitraries.bytes()).as((f, kind, where, n, b) -> {
                    int at = (int) (where * f.length);
                    return switch (kind) {
                        case 0 -> Arrays.copyOf(f, at);
                        case 1 -> {
                            byte[] m = f.clone();
                            Arrays.fill(m, at, Math.min(f.length, at + n), b);
                            yield m;
                        }
                        case 2 -> {
                            byte[] m = new byte[f.length + n];
                            System.arraycopy(f, 0, m, 0, at);
                            Arrays.fill(m, at, at + n, b);
                            System.arraycopy(f, at, m, at + n, f.length - at);
                            yield m;
                        }
                        default -> {
                            int end = Math.min(f.length, at + n);
                            byte[] m = new byte[f.length - (end - at)];
                            System.arraycopy(f, 0, m, 0, at);
                            System.arraycopy(f, end, m, at, f.length - end);
                            yield m;
                        }
                    };
                });
    }

    @Property(tries = 40)
    void anyPairComparesWithoutExceptionAndSymmetrically(@ForAll("mutants") byte[] a, @ForAll("mutants") byte[] b) {
        DiffResult ab = DiffFixtures.diff(a, b);
        DiffResult ba = DiffFixtures.diff(b, a);
        assertInside(ab, a.length, b.length);
        assertEquals(ab.count(DiffStatus.ONLY_A), ba.count(DiffStatus.ONLY_B));
        assertEquals(ab.count(DiffStatus.CHANGED), ba.count(DiffStatus.CHANGED));
        assertEquals(ab.count(DiffStatus.SAME), ba.count(DiffStatus.SAME));
        assertEquals(ab.identical(), ba.identical());
        assertTrue(DiffFixtures.diff(a, a.clone()).identical());
    }

    private static void assertInside(DiffResult r, long sizeA, long sizeB) {
        for (DiffPair p : r.pairs()) {
            inside(p.spanA(), sizeA, p);
            inside(p.spanB(), sizeB, p);
            for (FieldPair f : p.fields()) {
                inside(f.spanA(), sizeA, f);
                inside(f.spanB(), sizeB, f);
            }
        }
    }

    private static void inside(Span s, long size, Object what) {
        assertTrue(s == null || s.end() <= size, () -> s + " outside " + size + ": " + what);
    }
}
