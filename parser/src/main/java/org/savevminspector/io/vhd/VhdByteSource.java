package org.savevminspector.io.vhd;

import java.util.Arrays;
import org.savevminspector.io.ByteSource;

/**
 * The virtual disk of a VHD, read at random without copying it: a fixed disk's bytes are the file's; a dynamic
 * disk's come from the data block the allocation table names, sector by sector as the block's bitmap says
 * (a clear bit, like an unallocated block, reads as zeros); a differencing disk's sectors whose bit is clear, and
 * its unallocated blocks, come from its parent. This is how blktap's {@code libvhd.c:__vhd_io_dynamic_read_link}
 * reads a chain. A 64 KiB window keeps the walkers' many small reads cheap. Not thread-safe; closing it closes
 * the file's source and the parent's.
 */
public final class VhdByteSource implements ByteSource {
    private static final int WINDOW = 64 * 1024;

    private final ByteSource file;
    private final VhdDisk disk;
    private final ByteSource parent;
    private final long size;
    private final long blockSize;
    private final long bitmapBytes;
    private final long dataEnd;
    private long bitmapBlock = -1;
    private byte[] bitmap;
    private final byte[] window = new byte[WINDOW];
    private long windowStart = -1;
    private int windowLen;

    /**
     * @param file   the VHD file's bytes
     * @param disk   its structure ({@link VhdReader})
     * @param parent the parent's virtual disk for a differencing disk, else {@code null}
     */
    public VhdByteSource(ByteSource file, VhdDisk disk, ByteSource parent) {
        if (disk.type() == VhdType.DIFFERENCING && parent == null) {
            throw new IllegalArgumentException("a differencing disk needs its parent");
        }
        this.file = file;
        this.disk = disk;
        this.parent = parent;
        this.size = disk.virtualSize();
        this.blockSize = disk.blockSize();
        this.bitmapBytes = disk.header() == null ? 0 : disk.header().bitmapBytes();
        this.dataEnd = disk.type().sparse() ? disk.fileSize() : Math.min(disk.footer().span().offset(), size);
    }

    public VhdDisk disk() {
        return disk;
    }

    /** The VHD file's bytes. */
    public ByteSource file() {
        return file;
    }

    /** The parent's virtual disk of a differencing disk, else {@code null}. */
    public ByteSource parent() {
        return parent;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public int read(long pos, byte[] dst, int off, int len) {
        if (pos < 0 || pos >= size || len <= 0) {
            return 0;
        }
        int want = (int) Math.min(len, size - pos);
        if (want > WINDOW / 4) {
            readDirect(pos, dst, off, want);
            return want;
        }
        int done = 0;
        while (done < want) {
            long p = pos + done;
            if (p < windowStart || p >= windowStart + windowLen) {
                windowStart = p - p % WINDOW;
                windowLen = (int) Math.min(WINDOW, size - windowStart);
                readDirect(windowStart, window, 0, windowLen);
            }
            int n = (int) Math.min(want - done, windowStart + windowLen - p);
            System.arraycopy(window, (int) (p - windowStart), dst, off + done, n);
            done += n;
        }
        return done;
    }

    /**
     * A fixed disk holds data up to the end of its file's data; a dynamic disk in its allocated blocks; a
     * differencing disk in its own allocated blocks and wherever its parent holds data under an unallocated one.
     * An allocated block counts whole (its bitmap is not consulted: a scan reads it anyway).
     */
    @Override
    public long nextData(long pos) {
        if (pos >= size) {
            return size;
        }
        long p = Math.max(0, pos);
        if (!disk.type().sparse()) {
            return p < dataEnd ? p : size;
        }
        long block = p / blockSize;
        if (disk.bat().blockOffset(block) >= 0) {
            return p;
        }
        long next = size;
        for (long b = block + 1, n = Math.min(disk.bat().entries(), (size + blockSize - 1) / blockSize); b < n; b++) {
            if (disk.bat().blockOffset(b) >= 0) {
                next = b * blockSize;
                break;
            }
        }
        if (parent != null) {
            next = Math.min(next, Math.max(p, parent.nextData(p)));
        }
        return Math.min(next, size);
    }

    @Override
    public int u8(long pos) {
        if (pos < 0 || pos >= size) {
            throw new IndexOutOfBoundsException("offset " + pos + " is past the end of the data (" + size + " bytes)");
        }
        if (pos < windowStart || pos >= windowStart + windowLen) {
            byte[] one = new byte[1];
            read(pos, one, 0, 1);
            return one[0] & 0xFF;
        }
        return window[(int) (pos - windowStart)] & 0xFF;
    }

    /** Fills exactly {@code len} bytes at {@code pos} (inside the disk). */
    private void readDirect(long pos, byte[] dst, int off, int len) {
        int done = 0;
        while (done < len) {
            long p = pos + done;
            int n;
            if (!disk.type().sparse()) {
                n = (int) Math.min(len - done, Math.max(0, dataEnd - p));
                if (n == 0) {
                    n = len - done;
                    Arrays.fill(dst, off + done, off + len, (byte) 0);
                } else {
                    fromFile(p, dst, off + done, n);
                }
            } else {
                n = fromBlock(p, dst, off + done, (int) Math.min(len - done, blockSize - p % blockSize));
            }
            done += n;
        }
    }

    /** Up to {@code len} bytes of one block, as far as the bitmap's bits stay the same; returns how many. */
    private int fromBlock(long p, byte[] dst, int off, int len) {
        long block = p / blockSize;
        long at = disk.bat().blockOffset(block);
        if (at < 0) {
            underneath(p, dst, off, len);
            return len;
        }
        byte[] bits = bitmap(block, at);
        long inBlock = p % blockSize;
        int sector = (int) (inBlock / VhdDisk.SECTOR);
        boolean present = isSet(bits, sector);
        long runEnd = (long) (sector + 1) * VhdDisk.SECTOR;
        while (runEnd < inBlock + len && isSet(bits, (int) (runEnd / VhdDisk.SECTOR)) == present) {
            runEnd += VhdDisk.SECTOR;
        }
        int n = (int) Math.min(len, runEnd - inBlock);
        if (present) {
            fromFile(at + bitmapBytes + inBlock, dst, off, n);
        } else {
            underneath(p, dst, off, n);
        }
        return n;
    }

    /** What lies under a sector this disk does not hold: the parent's, or zeros. */
    private void underneath(long p, byte[] dst, int off, int len) {
        if (parent == null) {
            Arrays.fill(dst, off, off + len, (byte) 0);
            return;
        }
        int n = parent.read(p, dst, off, len);
        n = Math.max(n, 0);
        if (n < len) {
            Arrays.fill(dst, off + n, off + len, (byte) 0); // a parent smaller than the child: zeros past its end
        }
    }

    private void fromFile(long at, byte[] dst, int off, int len) {
        int done = 0;
        while (done < len) {
            int n = file.read(at + done, dst, off + done, len - done);
            if (n <= 0) {
                Arrays.fill(dst, off + done, off + len, (byte) 0); // past the end of a cut file
                return;
            }
            done += n;
        }
    }

    private byte[] bitmap(long block, long at) {
        if (block != bitmapBlock) {
            bitmap = Arrays.copyOf(file.bytes(at, (int) bitmapBytes), (int) bitmapBytes);
            bitmapBlock = block;
        }
        return bitmap;
    }

    /** Bit {@code sector} of a sector bitmap: the most significant bit of byte 0 is sector 0. */
    static boolean isSet(byte[] bits, int sector) {
        return (bits[sector >>> 3] & (0x80 >>> (sector & 7))) != 0;
    }

    /**
     * Where the byte at {@code virtual} is stored: in this file (its offset), in the parent ({@code -2}) or
     * nowhere: it reads as zero ({@code -1}).
     */
    public long locate(long virtual) {
        long at = disk.fileOffset(virtual);
        if (at < 0 || !disk.type().sparse()) {
            return at >= 0 && at < dataEnd ? at : parent != null ? -2 : -1;
        }
        long block = virtual / blockSize;
        byte[] bits = bitmap(block, disk.bat().blockOffset(block));
        return isSet(bits, (int) (virtual % blockSize / VhdDisk.SECTOR)) ? at : parent != null ? -2 : -1;
    }

    @Override
    public void close() {
        try {
            file.close();
        } finally {
            if (parent != null) {
                parent.close();
            }
        }
    }
}
