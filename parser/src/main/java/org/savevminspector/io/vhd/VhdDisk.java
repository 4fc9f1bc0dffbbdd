package org.savevminspector.io.vhd;

import java.util.List;
import org.savevminspector.diagnostics.Diagnostic;

/**
 * One VHD file as read: its footer (and the copy at offset 0), the dynamic header and block allocation table of a
 * dynamic or differencing disk, and what the reader found wrong, at file offsets. Made by {@link VhdReader}.
 *
 * @param fileSize    bytes of the VHD file
 * @param footer      the footer the reader went by: the one at the end, or the copy when only that one is sound
 * @param footerCopy  the copy at offset 0 of a dynamic or differencing disk, or {@code null}
 * @param header      the dynamic header, or {@code null} for a fixed disk
 * @param bat         the block allocation table, or {@code null} for a fixed disk
 * @param diagnostics in file-offset order
 */
public record VhdDisk(long fileSize, VhdFooter footer, VhdFooter footerCopy, VhdHeader header, VhdBat bat,
                      List<Diagnostic> diagnostics) {
    public static final int SECTOR = 512;

    public VhdDisk {
        diagnostics = List.copyOf(diagnostics);
    }

    public VhdType type() {
        return footer.type();
    }

    /** The virtual disk's size: the bytes a reader of the disk sees. */
    public long virtualSize() {
        return footer.currentSize();
    }

    public long blockSize() {
        return header == null ? 0 : header.blockSize();
    }

    /**
     * Where the byte at {@code virtual} is stored in this file, the sector bitmap not considered: the same offset
     * for a fixed disk, inside its data block for a sparse one, -1 in an unallocated block.
     */
    public long fileOffset(long virtual) {
        if (virtual < 0 || virtual >= virtualSize()) {
            return -1;
        }
        if (!type().sparse()) {
            return virtual;
        }
        long block = bat.blockOffset(virtual / header.blockSize());
        return block < 0 ? -1 : block + header.bitmapBytes() + virtual % header.blockSize();
    }
}
