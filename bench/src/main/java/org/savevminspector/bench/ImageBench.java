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
import org.savevminspector.fixtures.VhdWriter;
import org.savevminspector.io.ByteSource;
import org.savevminspector.io.Input;
import org.savevminspector.io.InputName;
import org.savevminspector.io.InputOpener;

/**
 * The save-image benchmark (never part of the test verdict):
 * <pre>
 * java -cp bench/target/benchmarks.jar org.savevminspector.bench.ImageBench generate xl-v2 4GiB /tmp/g.img [--real]
 * java -cp bench/target/benchmarks.jar org.savevminspector.bench.ImageBench generate-vhd xl-v2 15GiB 16GiB /tmp/g.vhd
 * java -cp bench/target/benchmarks.jar org.savevminspector.bench.ImageBench generate-fleet /tmp/fleet 1000
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
        if (args.length >= 5 && args[0].equals("generate-vhd")) {
            generateVhd(args[1], parseSize(args[2]), parseSize(args[3]), Path.of(args[4]));
        } else if (args.length >= 3 && args[0].equals("generate-fleet")) {
            FleetTree.generate(Path.of(args[1]), Integer.parseInt(args[2]));
        } else if (args.length >= 4 && args[0].equals("generate")) {
            generate(args[1], parseSize(args[2]), Path.of(args[3]),
                    args.length > 4 && args[4].equals("--real"));
        } else if (args.length >= 2 && args[0].equals("index")) {
            index(Path.of(args[1]), args.length > 2 ? Integer.parseInt(args[2]) : 5);
        } else {
            System.err.println("usage: ImageBench generate KIND GUEST_SIZE OUT [--real] | generate-vhd KIND GUEST_SIZE "
                    + "DISK_SIZE OUT | generate-fleet DIR FILES | index FILE [RUNS]\n"
                    + "KIND: xend, xl-4.0, xl-legacy, xl-v2, xenserver-legacy, xenserver-v2");
            System.exit(2);
        }
    }

    static long parseSize(String s) {
        String u = s.toUpperCase(Locale.ROOT);
        long mult = u.endsWith("GIB") ? 1L << 30 : u.endsWith("MIB") ? 1L << 20 : 1;
        return Long.parseLong(u.replaceAll("[A-Z]", "")) * mult;
    }

    private static SaveImageWriter.Kind kind(String kind) {
        return SaveImageWriter.Kind.valueOf(kind.toUpperCase(Locale.ROOT).replace('-', '_').replace("XL_4.0", "XL_40"));
    }

    /**
     * A dynamic VHD of {@code diskBytes} (2 MiB blocks) holding a sparse image: blocks are allocated only where the
     * image has bytes (headers, pfn arrays, the QEVM stream), their bitmaps mark only those sectors, and the data
     * of the rest stays a hole of the file system, as the page contents of a sparse image do.
     */
    private static void generateVhd(String kind, long guestBytes, long diskBytes, Path out) throws Exception {
        long start = System.nanoTime();
        VhdWriter vhd = new VhdWriter(diskBytes);
        SaveImageWriter.write(new SaveImageWriter(vhd.sink()), kind(kind), Fixtures.defaultGuest().bytes(),
                guestBytes / SaveImageWriter.PAGE, 8, false);
        vhd.flush();
        try (FileChannel ch = FileChannel.open(out, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            vhd.dynamic(ch);
            System.out.printf("wrote %s: dynamic VHD of %d bytes holding a sparse %s image, %d bytes of file in "
                    + "%.1f s%n", out, diskBytes, kind, ch.size(), (System.nanoTime() - start) / 1e9);
        }
    }

    private static void generate(String kind, long guestBytes, Path out, boolean real) throws Exception {
        SaveImageWriter.Kind k = kind(kind);
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
            // through the input layer, as the commands open files: a VHD is read as its virtual disk
            try (Input in = new InputOpener(InputOpener.Options.defaults()).open(InputName.of(file));
                 ByteSource src = in.open()) {
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
