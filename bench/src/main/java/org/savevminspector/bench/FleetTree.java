package org.savevminspector.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.savevminspector.fixtures.Fixtures;
import org.savevminspector.fixtures.SaveImageWriter;
import org.savevminspector.fixtures.VhdWriter;
import org.savevminspector.io.compress.Compression;

/**
 * A directory tree of save files as a pool upgrade leaves them, for timing {@code check --recursive}: per guest
 * directory a bare stream (good or the XenServer 6.0–6.2 case), an xl image of 16 MiB of guest memory (page data
 * sparse), a gzip- and a zstd-compressed stream, a dynamic VHD holding an image, and a text file (skipped).
 */
final class FleetTree {
    private FleetTree() {
    }

    static void generate(Path dir, int files) throws IOException {
        byte[] good = Fixtures.defaultGuest().bytes();
        byte[] xs62 = Fixtures.sample();
        byte[] image = SaveImageWriter.image(SaveImageWriter.Kind.XL_V2, good, 4096);
        byte[] gz = compress(Compression.GZIP, xs62);
        byte[] zst = compress(Compression.ZSTD, good);
        byte[] vhd = new VhdWriter(32L << 20).put(0, image).dynamic();
        byte[][] kinds = {good, xs62, image, gz, zst, vhd, "guest notes\n".getBytes(StandardCharsets.UTF_8)};
        String[] names = {"good.qevm", "xs62.qevm", "guest.xl", "xs62.qevm.gz", "good.qevm.zst", "suspend.vhd",
            "notes.txt"};
        long start = System.nanoTime();
        for (int i = 0; i < files; i++) {
            Path p = dir.resolve(String.format("host%02d/vm%04d/%s", i / 70, i / 7, names[i % 7]));
            Files.createDirectories(p.getParent());
            Files.write(p, kinds[i % 7]);
        }
        System.out.printf("wrote %d files under %s in %.1f s%n", files, dir, (System.nanoTime() - start) / 1e9);
    }

    private static byte[] compress(Compression c, byte[] b) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream o = c.encoder(out)) {
            o.write(b);
        }
        return out.toByteArray();
    }
}
