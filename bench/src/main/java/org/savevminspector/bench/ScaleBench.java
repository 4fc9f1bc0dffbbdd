package org.savevminspector.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.lang.ref.Reference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.savevminspector.fixtures.Bodies;
import org.savevminspector.fixtures.Fixtures;
import org.savevminspector.fixtures.SectionRecord;
import org.savevminspector.fixtures.Stream;
import org.savevminspector.fixtures.StreamBuilder;
import org.savevminspector.inspect.Inspection;
import org.savevminspector.inspect.Inspector;
import org.savevminspector.io.MappedByteSource;
import org.savevminspector.loader.LoaderProfile;
import org.savevminspector.loader.LoaderProfiles;
import org.savevminspector.stream.ParseResult;
import org.savevminspector.stream.SavevmParser;

/**
 * The many-sections benchmark (never part of the test verdict; issue 13 point 6):
 * <pre>
 * java -cp bench/target/benchmarks.jar org.savevminspector.bench.ScaleBench generate KIND COUNT OUT
 * java -Xmx256m -cp bench/target/benchmarks.jar org.savevminspector.bench.ScaleBench run FILE [RUNS]
 * </pre>
 * {@code generate} writes a v3 stream of {@code COUNT} sections of one kind: {@code part} (one {@code ram} START,
 * COUNT PART sections, one END: 5 bytes each), {@code start} (COUNT {@code ram} START sections with ids 1, 2, …),
 * {@code timer} (COUNT {@code timer} v2 sections with ids 1, 2, …: each a duplicate of the one before),
 * {@code piix4acpi} (COUNT copies of the XenServer 6.0–6.2 piix4acpi section after the default device set).
 * {@code run} inspects FILE {@code RUNS} times (default 5; the first warms the JIT) through a memory-mapped
 * source, so that the input is not on the heap: the shape walk, every diagnostic, the upstream loader
 * simulation, then the three other loader profiles as {@code check --all-loaders} does. For each run it prints the
 * time of the inspection and of the other loaders and the sections per second; at the end, the heap the last
 * inspection retains (used heap after full collections with and without it) per section, and the peak of the
 * heap pools.
 */
public final class ScaleBench {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ScaleBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 4 && args[0].equals("generate")) {
            generate(args[1], Integer.parseInt(args[2]), Path.of(args[3]));
        } else if ((args.length == 2 || args.length == 3) && args[0].equals("run")) {
            run(Path.of(args[1]), args.length > 2 ? Integer.parseInt(args[2]) : 5);
        } else {
            System.err.println("usage: ScaleBench generate part|start|timer|piix4acpi COUNT OUT | run FILE [RUNS]");
            System.exit(2);
        }
    }

    static byte[] stream(String kind, int count) {
        StreamBuilder b = StreamBuilder.v3();
        switch (kind) {
            case "part" -> {
                b.start(1, "ram", 0, 3, new byte[0]);
                for (int i = 0; i < count; i++) {
                    b.part(1, new byte[0]);
                }
                b.end(1, new byte[0]);
            }
            case "start" -> {
                for (int i = 0; i < count; i++) {
                    b.start(i + 1L, "ram", 0, 3, new byte[0]);
                }
            }
            case "timer" -> {
                byte[] body = Bodies.timer();
                for (int i = 0; i < count; i++) {
                    b.full(i + 1L, "timer", 0, 2, body);
                }
            }
            case "piix4acpi" -> {
                Stream s = Fixtures.piix4acpiCase();
                SectionRecord acpi = s.section("piix4acpi");
                byte[] all = s.bytes();
                b = StreamBuilder.empty().raw(Arrays.copyOf(all, acpi.headerOffset()));
                byte[] one = Arrays.copyOfRange(all, acpi.headerOffset(), acpi.endOffset());
                for (int i = 0; i < count; i++) {
                    b.raw(one);
                }
            }
            default -> throw new IllegalArgumentException("kind " + kind + ": part, start, timer or piix4acpi");
        }
        return b.eof().build().bytes();
    }

    private static void generate(String kind, int count, Path out) throws Exception {
        byte[] bytes = stream(kind, count);
        Files.write(out, bytes);
        System.out.printf(Locale.ROOT, "wrote %s: %d %s sections, %d bytes%n", out, count, kind, bytes.length);
    }

    private static void run(Path file, int runs) throws Exception {
        Inspector inspector = Inspector.standard();
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            p.resetPeakUsage();
        }
        long before = usedAfterGc();
        Inspection last = null;
        try (MappedByteSource src = MappedByteSource.open(file)) {
            for (int i = 1; i <= runs; i++) {
                last = null;
                long c0 = THREADS.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                Inspection in = inspector.inspect(src);
                long t1 = System.nanoTime();
                long c1 = THREADS.getCurrentThreadCpuTime();
                for (LoaderProfile p : LoaderProfiles.all()) {
                    if (!p.name().equals(in.loader().profile())) {
                        inspector.simulate(src, in.parse(), p).verdict();
                    }
                }
                long t2 = System.nanoTime();
                long[] phases = phases(inspector, src);
                int n = in.sections().size();
                System.out.printf(Locale.ROOT, "run %d: %d sections, %d diagnostics, loader %s: inspect %.0f ms "
                                + "(%.2f M sections/s; CPU %.0f ms, %.2f M sections/s), three other loaders %.0f ms%n",
                        i, n, in.diagnostics().size(), in.loader().outcome().json(), (t1 - t0) / 1e6,
                        n / ((t1 - t0) / 1e9) / 1e6, (c1 - c0) / 1e6, n / ((c1 - c0) / 1e9) / 1e6, (t2 - t1) / 1e6);
                System.out.printf(Locale.ROOT, "       of which (CPU, again on their own): shape walk and stream "
                        + "checks %.0f ms, upstream loader simulation %.0f ms%n", phases[0] / 1e6, phases[1] / 1e6);
                last = in;
            }
            long with = usedAfterGc();
            int n = last.sections().size();
            System.out.printf(Locale.ROOT, "retained by the inspection: %.1f MiB, %.1f bytes per section%n",
                    (with - before) / 1048576.0, (with - before) / (double) Math.max(1, n));
            Reference.reachabilityFence(last);
        }
        long peak = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                peak += p.getPeakUsage().getUsed();
            }
        }
        System.out.printf(Locale.ROOT, "peak heap (sum of heap pools' peaks): %.1f MiB; max heap %d MiB%n",
                peak / 1048576.0, Runtime.getRuntime().maxMemory() >> 20);
    }

    /** CPU nanoseconds of the shape walk with its checks, and of the upstream loader simulation over it. */
    private static long[] phases(Inspector inspector, MappedByteSource src) {
        long c0 = THREADS.getCurrentThreadCpuTime();
        ParseResult parse = SavevmParser.standard().parse(src);
        long c1 = THREADS.getCurrentThreadCpuTime();
        inspector.simulate(src, parse, LoaderProfiles.upstream());
        long c2 = THREADS.getCurrentThreadCpuTime();
        return new long[] {c1 - c0, c2 - c1};
    }

    private static long usedAfterGc() {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
