package org.savevminspector.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MappedByteSourceTest {
    @TempDir
    Path dir;

    @Test
    void readsAcrossWindowBoundariesAgreeWithTheBytes() throws Exception {
        byte[] data = new byte[3 * 4096 + 123];
        new Random(7).nextBytes(data);
        Path f = Files.write(dir.resolve("f.bin"), data);
        ByteSource ref = ByteSource.of(data);
        try (MappedByteSource m = MappedByteSource.open(f, 4096)) {
            assertEquals(data.length, m.size());
            for (long pos : new long[] {0, 4093, 4094, 4095, 4096, 8190, 12287, data.length - 4}) {
                assertEquals(ref.le32(pos), m.le32(pos), "le32 at " + pos);
                assertEquals(ref.be32(pos), m.be32(pos), "be32 at " + pos);
                assertEquals(ref.u8(pos), m.u8(pos), "u8 at " + pos);
            }
            byte[] all = new byte[data.length + 10];
            assertEquals(data.length, m.read(0, all, 0, all.length));
            assertArrayEquals(data, java.util.Arrays.copyOf(all, data.length));
            assertArrayEquals(ref.bytes(4000, 9000), m.bytes(4000, 9000));
            assertEquals(0, m.read(data.length, all, 0, 1));
            assertThrows(IndexOutOfBoundsException.class, () -> m.u8(data.length));
            assertFalse(m.usesFallback());
        }
    }

    @Test
    void anEmptyFileHasNoBytes() throws Exception {
        Path f = Files.write(dir.resolve("empty"), new byte[0]);
        try (MappedByteSource m = MappedByteSource.open(f)) {
            assertEquals(0, m.size());
            assertEquals(0, m.read(0, new byte[4], 0, 4));
        }
    }

    @Test
    void aSliceIsAddressedFromZero() {
        byte[] data = {1, 2, 3, 4, 5, 6};
        SliceByteSource s = new SliceByteSource(ByteSource.of(data), 2, 3);
        assertEquals(3, s.size());
        assertEquals(3, s.u8(0));
        assertArrayEquals(new byte[] {3, 4, 5}, s.bytes(0, 10));
        assertThrows(IndexOutOfBoundsException.class, () -> s.u8(3));
        assertThrows(IllegalArgumentException.class, () -> new SliceByteSource(ByteSource.of(data), 4, 3));
    }
}
