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
    void passesOverAFileOfFewWindowsMapEachWindowOnce() throws Exception {
        // three windows of 4096 bytes: a second and third pass, and hops back, reuse the kept mappings (each
        // replaced window stayed mapped until a collection: 853 MiB resident for a 100 MB stream)
        byte[] data = new byte[3 * 4096];
        new Random(11).nextBytes(data);
        Path f = Files.write(dir.resolve("three.bin"), data);
        try (MappedByteSource m = MappedByteSource.open(f, 4096)) {
            for (int pass = 0; pass < 3; pass++) {
                for (long pos = 0; pos < data.length; pos += 512) {
                    assertEquals(data[(int) pos] & 0xFF, m.u8(pos), "u8 at " + pos);
                }
            }
            assertEquals(3, m.mappings());
        }
    }

    @Test
    void aFileOfMoreWindowsThanAreKeptReplacesTheOldest() throws Exception {
        int windows = MappedByteSource.WINDOWS + 2;
        byte[] data = new byte[windows * 4096];
        new Random(12).nextBytes(data);
        Path f = Files.write(dir.resolve("six.bin"), data);
        try (MappedByteSource m = MappedByteSource.open(f, 4096)) {
            for (int pass = 0; pass < 2; pass++) {
                for (int w = 0; w < windows; w++) {
                    assertEquals(ByteSource.of(data).be32(w * 4096L + 100), m.be32(w * 4096L + 100));
                }
            }
            assertEquals(2 * windows, m.mappings());
            m.u8(windows * 4096L - 1); // the last window is still kept
            assertEquals(2 * windows, m.mappings());
        }
    }

    @Test
    void aSmallFileIsReadIntoTheHeapNotMapped() throws Exception {
        byte[] data = new byte[10_000];
        new Random(13).nextBytes(data);
        Path f = Files.write(dir.resolve("small.bin"), data);
        ByteSource ref = ByteSource.of(data);
        try (MappedByteSource m = MappedByteSource.open(f)) {
            assertEquals(data.length, m.size());
            for (long pos : new long[] {0, 1, 4095, 4096, 9992, data.length - 4}) {
                assertEquals(ref.be32(pos), m.be32(pos), "be32 at " + pos);
                assertEquals(ref.le32(pos), m.le32(pos), "le32 at " + pos);
            }
            assertEquals(ref.be64(9992), m.be64(9992));
            assertArrayEquals(data, m.bytes(0, data.length + 5));
            assertThrows(IndexOutOfBoundsException.class, () -> m.u8(data.length));
            assertEquals(0, m.mappings());
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
