package org.savevminspector.io.vhd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.savevminspector.container.ContainerIndex;
import org.savevminspector.fixtures.Fixtures;
import org.savevminspector.fixtures.VhdWriter;
import org.savevminspector.image.ImageInspector;
import org.savevminspector.io.ByteSource;
import org.savevminspector.io.CountingByteSource;
import org.savevminspector.io.SliceByteSource;

/**
 * A VHD of a few kilobytes may claim a disk of terabytes. The scan for an embedded QEVM stream, the one reader that
 * reads a whole unrecognised input, must cost what the disk holds, not what it claims (found by fuzzing the input
 * layer: a 1.6 KB VHD claiming 4 GB took minutes).
 */
class SparseScanTest {
    private static final int BLOCK = 2 << 20;
    private static final byte[] STREAM = Fixtures.defaultGuest().bytes();

    private static VhdByteSource disk(VhdWriter w) throws VhdFormatException {
        ByteSource file = ByteSource.of(w.dynamic());
        return new VhdByteSource(file, VhdReader.read(file), null);
    }

    @Test
    void unallocatedBlocksAreLeaptOver() throws VhdFormatException {
        VhdWriter w = new VhdWriter(64L << 30).blockSize(BLOCK).put(5L * BLOCK + 100, new byte[] {1})
                .put(9L * BLOCK, new byte[] {2});
        VhdByteSource d = disk(w);
        assertEquals(5L * BLOCK, d.nextData(0));
        assertEquals(5L * BLOCK + 7, d.nextData(5L * BLOCK + 7), "inside an allocated block: itself");
        assertEquals(9L * BLOCK, d.nextData(6L * BLOCK));
        assertEquals(64L << 30, d.nextData(10L * BLOCK), "nothing after the last block");
        assertEquals(64L << 30, d.nextData(64L << 30));
        SliceByteSource slice = new SliceByteSource(d, 4L * BLOCK, 3L * BLOCK);
        assertEquals(BLOCK, slice.nextData(0), "a slice answers in its own offsets");
        assertEquals(3L * BLOCK, slice.nextData(2L * BLOCK), "nothing inside the slice after block 5");
    }

    @Test
    void aDifferencingDiskHoldsDataWhereItsParentDoes() throws VhdFormatException {
        VhdWriter parent = new VhdWriter(64L << 20).blockSize(BLOCK).put(3L * BLOCK, new byte[] {7});
        VhdWriter child = new VhdWriter(64L << 20).blockSize(BLOCK).put(6L * BLOCK, new byte[] {8});
        ByteSource parentFile = ByteSource.of(parent.dynamic());
        VhdByteSource p = new VhdByteSource(parentFile, VhdReader.read(parentFile), null);
        ByteSource childFile = ByteSource.of(child.differencing(parent, "parent.vhd"));
        VhdByteSource c = new VhdByteSource(childFile, VhdReader.read(childFile), p);
        assertEquals(3L * BLOCK, c.nextData(0), "the parent's block shows through");
        assertEquals(6L * BLOCK, c.nextData(4L * BLOCK), "then the child's own");
        assertEquals(64L << 20, c.nextData(7L * BLOCK));
    }

    @Test
    void theEmbeddedScanOfAHugeSparseDiskReadsOnlyWhatItHolds() throws VhdFormatException {
        long at = 300L * BLOCK + 4096;
        byte[] junk = new byte[16];
        VhdWriter w = new VhdWriter(1L << 40).blockSize(BLOCK).put(at - junk.length, junk).put(at, STREAM);
        CountingByteSource counted = new CountingByteSource(disk(w));
        ContainerIndex idx = ImageInspector.standard().inspect(counted).index();
        assertEquals(List.of(at), idx.embedded());
        assertTrue(counted.bytesRead() < 16L << 20, "read " + counted.bytesRead() + " bytes of a 1 TiB disk");
    }
}
