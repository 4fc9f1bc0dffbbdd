package org.savevminspector.container;

import java.util.ArrayList;
import java.util.List;
import org.savevminspector.io.ByteSource;

/**
 * The fallback for a file no walker recognised: a byte search for the QEVM magic followed by a file version
 * qemu-dm ever wrote (1, 2 or 3). It reads the whole file in 1 MiB chunks, so it runs only when the structured
 * walk found no device-model record. What a sparse source does not hold ({@link ByteSource#nextData}) is not
 * read.
 */
final class EmbeddedScan {
    static final int MAX_HITS = 16;
    private static final int CHUNK = 1 << 20;
    private static final byte[] MAGIC = {'Q', 'E', 'V', 'M'};

    private EmbeddedScan() {
    }

    static List<Long> scan(ByteSource src, long from, ImageWalk progress) {
        List<Long> hits = new ArrayList<>();
        byte[] buf = new byte[CHUNK + 7];
        long size = src.size();
        // a sparse source (a VHD's unallocated blocks) is leapt over where it holds nothing: zeros hold no magic
        for (long base = src.nextData(from); base < size && hits.size() < MAX_HITS;
             base = src.nextData(base + CHUNK)) {
            progress.step(base);
            int n = src.read(base, buf, 0, (int) Math.min(buf.length, size - base));
            int limit = Math.min(n - 7, CHUNK);
            for (int i = 0; i < limit; i++) {
                if (buf[i] == MAGIC[0] && buf[i + 1] == MAGIC[1] && buf[i + 2] == MAGIC[2] && buf[i + 3] == MAGIC[3]
                        && buf[i + 4] == 0 && buf[i + 5] == 0 && buf[i + 6] == 0 && buf[i + 7] >= 1 && buf[i + 7] <= 3) {
                    hits.add(base + i);
                    if (hits.size() == MAX_HITS) {
                        break;
                    }
                }
            }
        }
        return hits;
    }

}
