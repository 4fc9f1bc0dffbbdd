package org.savevminspector.io.vhd;

import org.savevminspector.model.Span;

/**
 * The block allocation table of a dynamic or differencing VHD: for each block of the virtual disk, the file
 * sector where its sector bitmap and data lie, or nothing (all ones: the block reads as zeros, or from the
 * parent). Entries the reader found unusable (past the end of the file) count as unallocated.
 */
public final class VhdBat {
    static final int UNUSED = -1;

    private final Span span;
    private final int[] sectors;
    private final int allocated;

    VhdBat(Span span, int[] sectors) {
        this.span = span;
        this.sectors = sectors;
        int n = 0;
        for (int s : sectors) {
            if (s != UNUSED) {
                n++;
            }
        }
        this.allocated = n;
    }

    /** Where the table lies in the file (its entries, 4 bytes each). */
    public Span span() {
        return span;
    }

    public int entries() {
        return sectors.length;
    }

    /** Blocks with a usable entry. */
    public int allocated() {
        return allocated;
    }

    /** File offset of block {@code i}'s sector bitmap, or -1 when the block is not allocated. */
    public long blockOffset(long i) {
        if (i < 0 || i >= sectors.length || sectors[(int) i] == UNUSED) {
            return -1;
        }
        return (sectors[(int) i] & 0xFFFFFFFFL) * VhdDisk.SECTOR;
    }

    /** File offset of entry {@code i} itself. */
    public long entryOffset(long i) {
        return span.offset() + 4 * i;
    }

    /** The lowest and highest allocated block, or {@code {-1, -1}}. */
    public long[] allocatedRange() {
        long first = -1;
        long last = -1;
        for (int i = 0; i < sectors.length; i++) {
            if (sectors[i] != UNUSED) {
                if (first < 0) {
                    first = i;
                }
                last = i;
            }
        }
        return new long[] {first, last};
    }
}
