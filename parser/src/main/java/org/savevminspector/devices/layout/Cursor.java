package org.savevminspector.devices.layout;

import java.util.Arrays;
import org.savevminspector.io.ByteSource;

/**
 * Walks one body. Holds the position, the end of the readable data, and the values of the fields a layout
 * marked {@link Scalar#keep() kept} (counts, flags) so that later elements can depend on them.
 */
public final class Cursor {
    private final ByteSource src;
    private final long start;
    private final long limit;
    private long pos;
    /**
     * Kept values as parallel arrays: a body keeps a handful of fields at most (counts, flags), so a linear
     * search beats hashing, and no boxing is needed.
     */
    private String[] keptNames;
    private long[] keptValues;
    private int keptCount;
    private boolean measuring;
    private boolean checking;
    private int unexpected;

    /**
     * @param src   the bytes
     * @param start first body byte
     * @param limit first offset that may not be read (end of data, or {@link Long#MAX_VALUE} for a
     *              zero-extended loader view)
     */
    public Cursor(ByteSource src, long start, long limit) {
        this.src = src;
        this.start = start;
        this.limit = limit;
        this.pos = start;
    }

    /**
     * A cursor for measuring: moving over bytes that are never read is allowed past {@code limit}, so that a
     * body longer than the data still gets its length; only reads (counts, flags) must be inside the data.
     */
    public static Cursor measuring(ByteSource src, long start, long limit) {
        Cursor c = new Cursor(src, start, limit);
        c.measuring = true;
        return c;
    }

    /** A measuring cursor that also reads every field with expected values and counts those that miss. */
    public static Cursor checking(ByteSource src, long start, long limit) {
        Cursor c = measuring(src, start, limit);
        c.checking = true;
        return c;
    }

    /** The bytes being walked (for {@link BytesView}s, which describe a run once it is known to be complete). */
    ByteSource source() {
        return src;
    }

    boolean checking() {
        return checking;
    }

    void unexpected() {
        unexpected++;
    }

    /** Number of fields whose value no genuine writer produces (see {@link Scalar#expect}). */
    public int unexpectedCount() {
        return unexpected;
    }

    public long position() {
        return pos;
    }

    /** Bytes consumed since the body start. */
    public long consumed() {
        return pos - start;
    }

    /** Moves over {@code n} bytes without reading them; fails if they are not all inside the data. */
    public void advance(long n) {
        if (measuring) {
            if (n < 0) {
                throw new Truncated(pos, n);
            }
        } else {
            require(n);
        }
        pos += n;
    }

    /** Reads an unsigned big- or little-endian integer of {@code size} bytes and advances. */
    public long readUnsigned(int size, boolean littleEndian) {
        require(size);
        long v = littleEndian ? readLittle(size) : readBig(size);
        pos += size;
        return v;
    }

    /** Width-specific reads let a source answer in one call (see {@code ArrayByteSource}). */
    private long readBig(int size) {
        switch (size) {
            case 1:
                return src.u8(pos);
            case 2:
                return src.be16(pos);
            case 4:
                return src.be32(pos);
            case 8:
                return src.be64(pos);
            default:
                return readBytewise(size, false);
        }
    }

    private long readLittle(int size) {
        switch (size) {
            case 1:
                return src.u8(pos);
            case 2:
                return src.le16(pos);
            case 4:
                return src.le32(pos);
            default:
                return readBytewise(size, true);
        }
    }

    private long readBytewise(int size, boolean littleEndian) {
        long v = 0;
        if (littleEndian) {
            for (int i = size - 1; i >= 0; i--) {
                v = (v << 8) | src.u8(pos + i);
            }
        } else {
            for (int i = 0; i < size; i++) {
                v = (v << 8) | src.u8(pos + i);
            }
        }
        return v;
    }

    private void require(long n) {
        if (n < 0 || pos + n > limit) {
            throw new Truncated(pos, n);
        }
    }

    public void keep(String name, long value) {
        int i = indexOfKept(name);
        if (i >= 0) {
            keptValues[i] = value;
            return;
        }
        if (keptNames == null) {
            keptNames = new String[4];
            keptValues = new long[4];
        } else if (keptCount == keptNames.length) {
            keptNames = Arrays.copyOf(keptNames, 2 * keptCount);
            keptValues = Arrays.copyOf(keptValues, 2 * keptCount);
        }
        keptNames[keptCount] = name;
        keptValues[keptCount] = value;
        keptCount++;
    }

    /** The last kept value of {@code name}; fails loudly when a layout refers to a field it did not keep. */
    public long get(String name) {
        int i = indexOfKept(name);
        if (i < 0) {
            throw new IllegalStateException("layout refers to field '" + name + "' before reading it (mark it keep())");
        }
        return keptValues[i];
    }

    private int indexOfKept(String name) {
        for (int i = 0; i < keptCount; i++) {
            String k = keptNames[i];
            if (k == name || k.equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** Signals that the data ended inside the body; carries where and how much was wanted. */
    public static final class Truncated extends RuntimeException {
        private final long at;
        private final long wanted;

        Truncated(long at, long wanted) {
            super("data ends inside the body: " + wanted + " byte(s) needed at offset " + at, null, false, false);
            this.at = at;
            this.wanted = wanted;
        }

        public long at() {
            return at;
        }

        public long wanted() {
            return wanted;
        }
    }
}
