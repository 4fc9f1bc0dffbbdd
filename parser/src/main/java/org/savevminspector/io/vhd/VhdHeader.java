package org.savevminspector.io.vhd;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.savevminspector.model.Span;

/**
 * The 1024-byte dynamic disk header of a dynamic or differencing VHD (VHD specification, "Dynamic Disk Header
 * Format"), at the footer's data offset. Big-endian throughout.
 *
 * @param span             where it lies in the file
 * @param cookie           {@code cxsparse}
 * @param tableOffset      file offset of the block allocation table
 * @param headerVersion    0x00010000
 * @param maxTableEntries  BAT entries: the virtual size divided by the block size, rounded up
 * @param blockSize        bytes of virtual disk per block (2 MiB by default), a power of two
 * @param checksum         as stored
 * @param computedChecksum as computed over the other bytes
 * @param parentUniqueId   a differencing disk's parent's unique id (its footer's)
 * @param parentTimestamp  the parent's modification time when the child was made (seconds since 2000)
 * @param parentName       the parent's file name (UTF-16 big-endian in the header)
 * @param locators         the eight parent locator entries that are in use
 */
public record VhdHeader(Span span, String cookie, long tableOffset, long headerVersion, long maxTableEntries,
                        long blockSize, long checksum, long computedChecksum, UUID parentUniqueId,
                        long parentTimestamp, String parentName, List<ParentLocator> locators) {

    public static final int SIZE = 1024;
    public static final String COOKIE = "cxsparse";
    static final int CHECKSUM_AT = 36;
    private static final int LOCATORS_AT = 576;
    private static final int LOCATOR_SIZE = 24;

    public VhdHeader {
        locators = List.copyOf(locators);
    }

    /** Parses the 1024 bytes {@code b} read at {@code at}; locator entries are read but not yet resolved. */
    static VhdHeader parse(byte[] b, long at) {
        ByteBuffer buf = ByteBuffer.wrap(b);
        String name = new String(b, 64, 512, StandardCharsets.UTF_16BE);
        int nul = name.indexOf('\0');
        List<ParentLocator> locators = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            int o = LOCATORS_AT + i * LOCATOR_SIZE;
            long code = VhdFooter.u32(buf, o);
            if (code != 0) {
                locators.add(new ParentLocator(at + o, code, VhdFooter.u32(buf, o + 4), VhdFooter.u32(buf, o + 8),
                        buf.getLong(o + 16), null));
            }
        }
        return new VhdHeader(new Span(at, SIZE), VhdFooter.ascii(b, 0, 8), buf.getLong(16), VhdFooter.u32(buf, 24),
                VhdFooter.u32(buf, 28), VhdFooter.u32(buf, 32), VhdFooter.u32(buf, 36),
                VhdChecksum.of(b, CHECKSUM_AT), new UUID(buf.getLong(40), buf.getLong(48)), VhdFooter.u32(buf, 56),
                nul < 0 ? name : name.substring(0, nul), locators);
    }

    public boolean checksumOk() {
        return checksum == computedChecksum;
    }

    /** Bytes of the sector bitmap before each data block: one bit per 512-byte sector, padded to a sector. */
    public long bitmapBytes() {
        long bits = blockSize / VhdDisk.SECTOR;
        long bytes = (bits + 7) / 8;
        return (bytes + VhdDisk.SECTOR - 1) / VhdDisk.SECTOR * VhdDisk.SECTOR;
    }

    /** The same header with its locators resolved (their paths read from the file). */
    VhdHeader withLocators(List<ParentLocator> resolved) {
        return new VhdHeader(span, cookie, tableOffset, headerVersion, maxTableEntries, blockSize, checksum,
                computedChecksum, parentUniqueId, parentTimestamp, parentName, resolved);
    }
}
