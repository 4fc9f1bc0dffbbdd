package org.savevminspector.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** The row store's bytes: what is put is read back, byte for byte and number for number, across chunk edges. */
class ChunkedBytesTest {

    @Property(tries = 500)
    void everySignedNumberReadsBackAsItWasPut(@ForAll List<Long> values) {
        ChunkedBytes b = new ChunkedBytes();
        for (long v : values) {
            b.putSigned(v);
            b.putVarint(v);
        }
        b.trim();
        ChunkedBytes.Reader in = b.new Reader(0);
        for (long v : values) {
            assertEquals(v, in.signed());
            assertEquals(v, in.varint());
        }
    }

    @Test
    void theEdgesOfEachSignAndWidth() {
        long[] values = {0, 1, -1, 63, -64, 64, -65, 127, 128, Integer.MAX_VALUE, Integer.MIN_VALUE,
            0xFFFFFFFFL, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1};
        ChunkedBytes b = new ChunkedBytes();
        for (long v : values) {
            b.putSigned(v);
        }
        // zigzag: 0, -1, 1, -2 … are 0, 1, 2, 3 …: one byte for -64..63, two from there
        assertEquals(1 + 1 + 1 + 1 + 1 + 2 + 2 + 2 + 2 + 5 + 5 + 5 + 10 + 10 + 10, b.length());
        b.trim();
        ChunkedBytes.Reader in = b.new Reader(0);
        for (long v : values) {
            assertEquals(v, in.signed());
        }
        ChunkedBytes z = new ChunkedBytes();
        z.putSigned(-1);
        z.putSigned(1);
        z.putSigned(-64);
        assertEquals(List.of(1, 2, 127), List.of(z.get(0), z.get(1), z.get(2)));
    }

    /** Lengths that end one byte before a chunk's end, on it and one after, and nothing at all. */
    @Test
    void trimmedStoresKeepEveryByteAtEachChunkEdge() {
        for (int n : new int[] {0, 1, 65_535, 65_536, 65_537, 2 * 65_536 - 1, 3 * 65_536}) {
            ChunkedBytes b = new ChunkedBytes();
            for (int i = 0; i < n; i++) {
                b.put(i * 31 + (i >>> 16));
            }
            b.trim();
            assertEquals(n, b.length());
            ChunkedBytes.Reader in = b.new Reader(0);
            for (int i = 0; i < n; i++) {
                assertEquals((i * 31 + (i >>> 16)) & 0xFF, in.u8(), n + " #" + i);
            }
        }
    }
}
