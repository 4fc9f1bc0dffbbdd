package org.savevminspector.io.vhd;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.savevminspector.model.Span;

/**
 * The 512-byte hard disk footer of a VHD (VHD specification, "Hard Disk Footer Format"), at the end of every VHD
 * and, for dynamic and differencing disks, copied at offset 0. Big-endian throughout.
 *
 * @param span             where this footer lies in the file
 * @param cookie           {@code conectix}
 * @param features         bit 1 (reserved) is always set
 * @param formatVersion    0x00010000
 * @param dataOffset       the dynamic header's file offset; all ones for a fixed disk
 * @param timestamp        seconds since 2000-01-01 00:00:00 UTC
 * @param creatorApp       four characters: {@code tap } (blktap), {@code vpc }, {@code qemu}, {@code win }…
 * @param creatorVersion   major.minor in two 16-bit halves
 * @param creatorHostOs    {@code Wi2k}, {@code Mac } or another four characters
 * @param originalSize     the disk size at creation
 * @param currentSize      the virtual disk's size now: the bytes the reports address
 * @param geometry         cylinders (16 bits), heads (8), sectors per track (8)
 * @param diskTypeCode     2 fixed, 3 dynamic, 4 differencing
 * @param checksum         as stored
 * @param computedChecksum as computed over the other bytes
 * @param uniqueId         the disk's identity, which a differencing child names as its parent
 * @param savedState       1 when the disk belongs to a saved virtual machine (Virtual PC)
 */
public record VhdFooter(Span span, String cookie, long features, long formatVersion, long dataOffset,
                        long timestamp, String creatorApp, long creatorVersion, String creatorHostOs,
                        long originalSize, long currentSize, long geometry, long diskTypeCode, long checksum,
                        long computedChecksum, UUID uniqueId, int savedState) {

    public static final int SIZE = 512;
    public static final String COOKIE = "conectix";
    static final int CHECKSUM_AT = 64;
    /** 2000-01-01T00:00:00Z, the VHD epoch. */
    static final long EPOCH = 946_684_800L;

    /** Parses {@code b} (512 bytes; a 511-byte footer of early Virtual PC versions is given padded) read at {@code at}. */
    public static VhdFooter parse(byte[] b, long at, int length) {
        ByteBuffer buf = ByteBuffer.wrap(b);
        return new VhdFooter(new Span(at, length), ascii(b, 0, 8), u32(buf, 8), u32(buf, 12), buf.getLong(16),
                u32(buf, 24), ascii(b, 28, 4), u32(buf, 32), ascii(b, 36, 4), buf.getLong(40), buf.getLong(48),
                u32(buf, 56), u32(buf, 60), u32(buf, 64), VhdChecksum.of(b, CHECKSUM_AT),
                new UUID(buf.getLong(68), buf.getLong(76)), b[84] & 0xFF);
    }

    /** Whether {@code b} starts with the footer cookie. */
    public static boolean hasCookie(byte[] b) {
        return b.length >= 8 && COOKIE.equals(ascii(b, 0, 8));
    }

    public boolean checksumOk() {
        return checksum == computedChecksum;
    }

    /** The disk type, or {@code null} for a value the specification does not give. */
    public VhdType type() {
        return VhdType.of(diskTypeCode);
    }

    public Instant created() {
        return Instant.ofEpochSecond(EPOCH + timestamp);
    }

    /** {@code tap 1.3}: the creator application and its version. */
    public String creator() {
        return creatorApp.strip() + " " + (creatorVersion >>> 16) + "." + (creatorVersion & 0xFFFF);
    }

    public int cylinders() {
        return (int) (geometry >>> 16);
    }

    public int heads() {
        return (int) (geometry >>> 8 & 0xFF);
    }

    public int sectorsPerTrack() {
        return (int) (geometry & 0xFF);
    }

    static long u32(ByteBuffer b, int at) {
        return b.getInt(at) & 0xFFFFFFFFL;
    }

    /** ASCII, with NUL and other control bytes shown as spaces (reports escape what reaches a terminal). */
    static String ascii(byte[] b, int at, int len) {
        return new String(b, at, len, StandardCharsets.ISO_8859_1).replace('\0', ' ');
    }
}
