package org.savevminspector.loader;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.savevminspector.fixtures.ByteWriter;
import org.savevminspector.io.ByteSource;

/**
 * A v1 PCI block seen as a v2 one, byte by byte at every edge: what lies before the body, the version word that
 * reads 2, the 256 config bytes unchanged, the 16 zero irq_state bytes, and the rest of the body 16 bytes later.
 */
class PciV2ViewTest {

    @Test
    void aV1BlockReadsAsAV2BlockAndTheRestFollowsSixteenBytesLater() {
        ByteWriter v1 = new ByteWriter().u8(0xA1).u8(0xA2).u8(0xA3).be32(1);
        for (int i = 0; i < 256; i++) {
            v1.u8(i ^ 0x5A);
        }
        v1.u8(0xE1).u8(0xE2).u8(0xE3);
        byte[] base = v1.toByteArray();

        ByteWriter v2 = new ByteWriter().u8(0xA1).u8(0xA2).u8(0xA3).be32(2);
        for (int i = 0; i < 256; i++) {
            v2.u8(i ^ 0x5A);
        }
        v2.fill(16, 0).u8(0xE1).u8(0xE2).u8(0xE3);
        byte[] expected = v2.toByteArray();

        PciV2View view = new PciV2View(ByteSource.of(base), 3);
        assertEquals(base.length + 16, view.size());
        byte[] seen = new byte[expected.length + 2];
        assertEquals(expected.length, view.read(0, seen, 2, expected.length));
        byte[] tail = java.util.Arrays.copyOfRange(seen, 2, seen.length);
        assertArrayEquals(expected, tail);
        for (int pos = 0; pos < expected.length; pos++) {
            assertEquals(expected[pos] & 0xFF, view.u8(pos), "byte " + pos);
        }
    }

    @Test
    void aSourceOfUnknownSizeStaysUnknown() {
        ByteSource endless = new ByteSource() {
            @Override
            public long size() {
                return Long.MAX_VALUE;
            }

            @Override
            public int read(long pos, byte[] dst, int off, int len) {
                return 0;
            }
        };
        assertEquals(Long.MAX_VALUE, new PciV2View(endless, 0).size());
    }
}
