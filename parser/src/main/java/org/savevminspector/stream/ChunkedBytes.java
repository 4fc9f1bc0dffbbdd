package org.savevminspector.stream;

import java.util.Arrays;

/**
 * An append-only run of bytes in 64 KiB chunks with unsigned LEB128 varints: growing never copies what is
 * already written, so a store of millions of rows never needs twice its size while it grows.
 */
final class ChunkedBytes {
    private static final int CHUNK_BITS = 16;
    private static final int CHUNK = 1 << CHUNK_BITS;
    private static final int MASK = CHUNK - 1;

    private byte[][] chunks = new byte[4][];
    private long length;

    long length() {
        return length;
    }

    void put(int b) {
        int c = (int) (length >>> CHUNK_BITS);
        if (c == chunks.length) {
            chunks = Arrays.copyOf(chunks, c * 2);
        }
        if (chunks[c] == null) {
            chunks[c] = new byte[CHUNK];
        }
        chunks[c][(int) (length & MASK)] = (byte) b;
        length++;
    }

    /** An unsigned varint: 7 bits per byte, low bits first. */
    void putVarint(long v) {
        while ((v & ~0x7FL) != 0) {
            put((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        put((int) v);
    }

    /** A signed number as a zigzag varint (small magnitudes, either sign, in few bytes). */
    void putSigned(long v) {
        putVarint((v << 1) ^ (v >> 63));
    }

    int get(long pos) {
        return chunks[(int) (pos >>> CHUNK_BITS)][(int) (pos & MASK)] & 0xFF;
    }

    /** Drops the unused part of the last chunk once writing is done. */
    void trim() {
        int used = (int) ((length + MASK) >>> CHUNK_BITS);
        chunks = Arrays.copyOf(chunks, Math.max(1, used));
        int last = (int) ((length - 1) >>> CHUNK_BITS);
        if (length > 0 && chunks[last] != null) {
            chunks[last] = Arrays.copyOf(chunks[last], (int) (length - ((long) last << CHUNK_BITS)));
        }
    }

    /** Reads varints from a position. */
    final class Reader {
        private long pos;

        Reader(long pos) {
            this.pos = pos;
        }

        int u8() {
            return get(pos++);
        }

        long varint() {
            long v = 0;
            int shift = 0;
            int b;
            do {
                b = get(pos++);
                v |= (long) (b & 0x7F) << shift;
                shift += 7;
            } while ((b & 0x80) != 0);
            return v;
        }

        long signed() {
            long z = varint();
            return (z >>> 1) ^ -(z & 1);
        }
    }
}
