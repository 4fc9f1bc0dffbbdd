package org.savevminspector.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import org.savevminspector.container.ContainerIndex;
import org.savevminspector.container.ContainerIndexer;
import org.savevminspector.fixtures.Fixtures;
import org.savevminspector.fixtures.SaveImageWriter;
import org.savevminspector.io.MappedByteSource;

/**
 * The save-image benchmark (never part of the test verdict):
 * <pre>
 * java -cp bench/target/benchmarks.jar org.savevminspector.bench.ImageBench generate xl-v2 4GiB /tmp/g.img [--real]
 * java -Xmx256m -cp bench/target/benchmarks.jar org.savevminspector.bench.ImageBench index /tmp/g.img [runs]
 * </pre>
 * {@code generate} writes a synthetic image of the given guest size around the default-guest QEVM stream, page
 * contents sparse (holes) or real (written); {@code index} indexes it {@code runs} times (default 5; the first
 * warms the page cache and the JIT) and prints the time of each run and the peak heap of the process.
 */
public final class ImageBench {
    private ImageBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length >= 4 && args[0].equals("generate")) {
            generate(args[1], parseSize(args[2]), Path.of(args[3]),
                    args.length > 4 && args[4].equals("--real"));
        } else if (args.length >= 2 && args[0].equals("index")) {
            index(Path.of(args[1]), args.length > 2 ? Integer.parseInt(args[2]) : 5);
        } else {
            System.err.println("usage: ImageBench generate KIND GUEST_SIZE OUT [--real] | index FILE [RUNS]\n"
                    + "KIND: xend, xl-4.0, xl-legacy, xl-v2, xenserver-legacy, xenserver-v2");
            System.exit(2);
        }
    }

    static long parseSize(String s) {
        String u = s.toUpperCase(Locale.ROOT);
        long mult = u.endsWith("GIB") ? 1L << 30 : u.endsWith("MIB") ? 1L << 20 : 1;
        return Long.parseLong(u.replaceAll("[A-Z]", "")) * mult;
    }

    private static void generate(String kind, long guestBytes, Path out, boolean real) throws Exception {
        SaveImageWriter.Kind k = SaveImageWriter.Kind.valueOf(kind.toUpperCase(Locale.ROOT).replace('-', '_')
                .replace("XL_4.0", "XL_40"));
        long start = System.nanoTime();
        try (FileChannel ch = FileChannel.open(out, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            SaveImageWriter.FileSink sink = new SaveImageWriter.FileSink(ch, !real);
            SaveImageWriter.write(new SaveImageWriter(sink), k, Fixtures.defaultGuest().bytes(),
                    guestBytes / SaveImageWriter.PAGE, 8, false);
            sink.finish();
            System.out.printf("wrote %s: %s image, %d bytes (%s pages) in %.1f s%n", out, kind, ch.size(),
                    real ? "real" : "sparse", (System.nanoTime() - start) / 1e9);
        }
    }

    private static void index(Path file, int runs) throws Exception {
        ContainerIndexer indexer = ContainerIndexer.standard();
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            p.resetPeakUsage();
        }
        for (int i = 1; i <= runs; i++) {
            long t0 = System.nanoTime();
            ContainerIndex idx;
            try (MappedByteSource src = MappedByteSource.open(file)) {
                idx = indexer.index(src);
            }
            long t1 = System.nanoTime();
            System.out.printf("run %d: %s, %d bytes, %d records, QEVM at %s: %.1f ms%n", i,
                    idx.kind() == null ? "unknown" : idx.kind().json(), idx.size(), idx.records().size(), idx.qevm(),
                    (t1 - t0) / 1e6);
        }
        long peak = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                peak += p.getPeakUsage().getUsed();
            }
        }
        System.out.printf("peak heap (sum of heap pools' peaks): %.1f MiB; max heap %d MiB%n", peak / 1048576.0,
                Runtime.getRuntime().maxMemory() >> 20);
    }
}
