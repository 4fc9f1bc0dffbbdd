package org.savevminspector.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.savevminspector.diff.DiffInput;
import org.savevminspector.diff.DiffResult;
import org.savevminspector.diff.StructuralDiff;
import org.savevminspector.fixtures.Fixtures;
import org.savevminspector.inspect.Inspection;
import org.savevminspector.inspect.Inspector;
import org.savevminspector.io.ByteSource;

/**
 * The structural diff of two synthetic streams of {@code sections} sections (the default guest's sections
 * repeated, {@link SyntheticStream}), the second with one byte changed in every 1,000th section; the inspections
 * are made once in the setup, so the score is the comparison alone, in milliseconds per comparison: ten times the
 * time for ten times the sections means the comparison is linear in the number of sections.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class DiffBenchmark {
    @Param({"10000", "100000"})
    public int sections;

    private DiffInput a;
    private DiffInput b;

    @Setup
    public void setUp() {
        byte[] sa = SyntheticStream.repeat(Fixtures.defaultGuest(), sections);
        Inspector inspector = Inspector.standard();
        Inspection ia = inspector.inspect(ByteSource.of(sa));
        byte[] sb = sa.clone();
        for (int i = 0; i < ia.sections().size(); i += 1000) {
            var body = ia.sections().get(i).body();
            if (body.length() > 0) {
                sb[(int) body.offset()] ^= 0x01;
            }
        }
        a = new DiffInput("a", ByteSource.of(sa), ia, null);
        b = new DiffInput("b", ByteSource.of(sb), inspector.inspect(ByteSource.of(sb)), null);
    }

    @Benchmark
    public DiffResult compare() {
        return StructuralDiff.standard().compare(a, b);
    }
}
