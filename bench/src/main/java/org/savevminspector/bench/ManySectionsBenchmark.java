package org.savevminspector.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.savevminspector.fixtures.Fixtures;
import org.savevminspector.inspect.Inspection;
import org.savevminspector.inspect.Inspector;
import org.savevminspector.io.ByteSource;

/**
 * Sections per second over a synthetic stream of {@value #SECTIONS} sections (the default guest's sections
 * repeated with increasing ids, see {@link SyntheticStream}): one operation is one section, so the score is
 * sections/s. The whole stream (≈ 34 MB) is inspected per invocation, so iterations are a few seconds long.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class ManySectionsBenchmark {
    static final int SECTIONS = 100_000;

    private Inspector inspector;
    private byte[] stream;

    @Setup
    public void setUp() {
        inspector = Inspector.standard();
        stream = SyntheticStream.repeat(Fixtures.defaultGuest(), SECTIONS);
    }

    @Benchmark
    @OperationsPerInvocation(SECTIONS)
    public Inspection inspectManySections() {
        return inspector.inspect(ByteSource.of(stream));
    }
}
