package org.savevminspector.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
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
 * Time per file to parse and analyse the FORMAT.md E.1 default file (7,525 bytes): shape walk, every field decoded, the
 * upstream loader simulated. Run with {@code -prof gc} for the allocation per file ({@code gc.alloc.rate.norm}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DefaultFileBenchmark {
    private Inspector inspector;
    private byte[] file;

    @Setup
    public void setUp() {
        inspector = Inspector.standard();
        file = Fixtures.defaultGuest().bytes();
    }

    @Benchmark
    public Inspection inspectDefaultFile() {
        return inspector.inspect(ByteSource.of(file));
    }
}
