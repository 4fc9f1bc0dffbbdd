package org.savevminspector.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The direct multi-byte reads give what the byte-by-byte defaults give, and fail the same way. */
class ArrayByteSourceTest {
    private static final byte[] DATA = {(byte) 0x80, 0x01, (byte) 0xFE, 0x7F, 0x00, (byte) 0xFF, 0x12, 0x34, 0x56,
            (byte) 0x9A};

    /** The interface defaults only, reading through {@link ByteSource#u8}. */
    private static final class Bytewise implements ByteSource {
        private final ArrayByteSource data = new ArrayByteSource(DATA);

        @Override
        public long size() {
            return data.size();
        }

        @Override
        public int read(long pos, byte[] dst, int off, int len) {
            return data.read(pos, dst, off, len);
        }

        @Override
        public int u8(long pos) {
            return data.u8(pos);
        }
    }

    @Test
    void everyWidthMatchesTheBytewiseDefaultAtEveryOffset() {
        ByteSource fast = new ArrayByteSource(DATA);
        ByteSource slow = new Bytewise();
        for (int p = 0; p + 2 <= DATA.length; p++) {
            assertEquals(slow.be16(p), fast.be16(p), "be16 at " + p);
            assertEquals(slow.le16(p), fast.le16(p), "le16 at " + p);
        }
        for (int p = 0; p + 4 <= DATA.length; p++) {
            assertEquals(slow.be32(p), fast.be32(p), "be32 at " + p);
            assertEquals(slow.le32(p), fast.le32(p), "le32 at " + p);
        }
        for (int p = 0; p + 8 <= DATA.length; p++) {
            assertEquals(slow.be64(p), fast.be64(p), "be64 at " + p);
        }
        assertEquals(0x8001FE7FL, fast.be32(0));
        assertEquals(0x7FFE0180L, fast.le32(0));
        assertEquals(0xFF1234569AL, fast.be64(2) & 0xFFFFFFFFFFL);
    }

    @Test
    void readsRunningPastTheEndFailWithTheMessageOfU8() {
        ByteSource fast = new ArrayByteSource(DATA);
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> fast.be32(8));
        assertEquals("offset 10 is past the end of the data (10 bytes)", e.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> fast.be64(3));
        assertThrows(IndexOutOfBoundsException.class, () -> fast.le16(-1));
    }
}
