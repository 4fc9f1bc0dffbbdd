package org.savevminspector.io.vhd;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.diagnostics.DiagnosticCode;
import org.savevminspector.io.ByteSource;
import org.savevminspector.model.Hex;
import org.savevminspector.model.Span;

/**
 * Reads the structure of a VHD file after the Microsoft VHD specification (Virtual Hard Disk Image Format
 * Specification, version 1.0): the footer at the end (512 bytes, or 511 as early Virtual PC wrote it) and, for
 * dynamic and differencing disks, its copy at offset 0, the dynamic header at the footer's data offset and the
 * block allocation table; checksums verified, every block's place checked against the file and the other blocks.
 * What is wrong becomes a diagnostic at its file offset; only a disk that cannot be mapped at all (no dynamic
 * header, an impossible block size) is refused.
 */
public final class VhdReader {
    /** The most blocks a disk may have here (2 TiB of 32 KiB blocks): the table is held in memory, 4 bytes each. */
    static final long MAX_BLOCKS = 1L << 26;
    /** At most this many overlap diagnostics, then one that counts the rest. */
    private static final int MAX_OVERLAP_REPORTS = 16;
    private static final long UNUSED_ENTRY = 0xFFFFFFFFL;

    private final ByteSource src;
    private final long size;
    private final List<Diagnostic> diagnostics = new ArrayList<>();

    private VhdReader(ByteSource src) {
        this.src = src;
        this.size = src.size();
    }

    /** Whether {@code src} has a VHD footer cookie at its end (512- or 511-byte footer) or at offset 0. */
    public static boolean isVhd(ByteSource src) {
        long n = src.size();
        return n >= VhdFooter.SIZE - 1 && (cookieAt(src, n - VhdFooter.SIZE) || cookieAt(src, n - VhdFooter.SIZE + 1)
                || cookieAt(src, 0));
    }

    private static boolean cookieAt(ByteSource src, long at) {
        return at >= 0 && VhdFooter.hasCookie(src.bytes(at, 8));
    }

    /**
     * The structure of the VHD in {@code src}, or {@code null} when it is none (no footer cookie).
     *
     * @throws VhdFormatException when it is a VHD that cannot be mapped as a disk
     */
    public static VhdDisk read(ByteSource src) throws VhdFormatException {
        return isVhd(src) ? new VhdReader(src).read() : null;
    }

    private VhdDisk read() throws VhdFormatException {
        VhdFooter end = footerAtEnd();
        VhdFooter copy = cookieAt(src, 0) && size >= VhdFooter.SIZE ? footer(0, VhdFooter.SIZE) : null;
        checkSum(end, "footer");
        if (copy != null && copy != end) {
            checkSum(copy, "footer copy");
        }
        VhdFooter footer = choose(end, copy);
        VhdType type = footer.type();
        if (type == null) {
            throw new VhdFormatException("its VHD footer at offset " + footer.span().offset() + " gives disk type "
                    + footer.diskTypeCode() + ", which is none of fixed (2), dynamic (3) or differencing (4)");
        }
        long dataEnd = end != null ? end.span().offset() : size;
        VhdHeader header = null;
        VhdBat bat = null;
        if (type.sparse()) {
            compareCopy(end, copy);
            header = header(footer);
            bat = bat(footer, header, dataEnd);
            if (type == VhdType.DIFFERENCING) {
                header = header.withLocators(resolve(header.locators()));
            }
        } else if (dataEnd != footer.currentSize()) {
            diagnostics.add(Diagnostic.of(DiagnosticCode.VHD_INCONSISTENT, Math.min(dataEnd, footer.currentSize()),
                    Math.abs(dataEnd - footer.currentSize()), -1, "the fixed disk's data ends at offset "
                            + Hex.offset(dataEnd) + " but its footer gives a size of " + footer.currentSize()
                            + " bytes" + (dataEnd < footer.currentSize() ? ": the missing bytes read as zeros"
                            : ": the bytes between are not part of the disk")));
        }
        diagnostics.add(info(footer, header, bat));
        diagnostics.sort(Comparator.comparingLong(Diagnostic::offset));
        return new VhdDisk(size, footer, copy, header, bat, diagnostics);
    }

    private VhdFooter footerAtEnd() {
        if (size >= VhdFooter.SIZE && cookieAt(src, size - VhdFooter.SIZE)) {
            return footer(size - VhdFooter.SIZE, VhdFooter.SIZE);
        }
        if (cookieAt(src, size - VhdFooter.SIZE + 1)) {
            return footer(size - VhdFooter.SIZE + 1, VhdFooter.SIZE - 1);
        }
        return null;
    }

    private VhdFooter footer(long at, int length) {
        return VhdFooter.parse(Arrays.copyOf(src.bytes(at, length), VhdFooter.SIZE), at, length);
    }

    /** The end footer when it is sound or nothing better exists; else the copy at offset 0, and say so. */
    private VhdFooter choose(VhdFooter end, VhdFooter copy) {
        if (end == null) {
            diagnostics.add(Diagnostic.of(DiagnosticCode.VHD_INCONSISTENT, size, 0, -1, "the file does not end "
                    + "with a VHD footer (cut short?): the disk is read by the footer's copy at offset 0"));
            return copy;
        }
        if (!end.checksumOk() && copy != null && copy.checksumOk()) {
            diagnostics.add(Diagnostic.of(DiagnosticCode.VHD_INFO, 0, VhdFooter.SIZE, -1, "the disk is read by the "
                    + "footer's copy at offset 0, whose checksum is sound"));
            return copy;
        }
        return end;
    }

    private void checkSum(VhdFooter f, String what) {
        if (f != null && !f.checksumOk()) {
            diagnostics.add(Diagnostic.of(DiagnosticCode.VHD_BAD_CHECKSUM, f.span().offset() + VhdFooter.CHECKSUM_AT,
                    4, -1, "the VHD " + what + " at offset " + Hex.offset(f.span().offset()) + " has checksum "
                            + hex32(f.checksum()) + " but its bytes give " + hex32(f.computedChecksum())));
        }
    }

    private void compareCopy(VhdFooter end, VhdFooter copy) {
        if (copy == null) {
            diagnostics.add(Diagnostic.of(DiagnosticCode.VHD_FOOTER_MISMATCH, 0, 0, -1, "a dynamic or "
                    + "differencing VHD starts with a copy of its footer, but this one does not"));
            return;
        }
        if (end == null) {
            return;
        }
        byte[] a = src.bytes(0, VhdFooter.SIZE);
        byte[] b = Arrays.copyOf(src.bytes(end.span().offset(), (int) end.span().length()), VhdFooter.SIZE);
        int at = Arrays.mismatch(a, b);
        if (at >= 0) {
            diagnostics.add(Diagnostic.of(DiagnosticCode.VHD_FOOTER_MISMATCH, at, 1, -1, "the footer copy at "
                    + "offset 0 differs from the footer at offset " + Hex.offset(end.span().offset()) + ", first at "
                    + "byte " + at));
        }
    }

    private VhdHeader header(VhdFooter footer) throws VhdFormatException {
        long at = footer.dataOffset();
        if (at < 0 || at > size - VhdHeader.SIZE) {
            throw new VhdFormatException("its VHD footer places the dynamic header at offset " + Long.toUnsignedString(at)
                    + ", outside the file (" + size + " bytes)");
        }
        VhdHeader h = VhdHeader.parse(src.bytes(at, VhdHeader.SIZE), at);
        if (!VhdHeader.COOKIE.equals(h.cookie())) {
            throw new VhdFormatException("its VHD dynamic header at offset " + at + " does not start with '"
                    + VhdHeader.COOKIE + "'");
        }
        if (!h.checksumOk()) {
            diagnostics.add(Diagnostic.of(DiagnosticCode.VHD_BAD_CHECKSUM, at + VhdHeader.CHECKSUM_AT, 4, -1,
                    "the VHD dynamic header at offset " + Hex.offset(at) + " has checksum " + hex32(h.checksum())
                            + " but its bytes give " + hex32(h.computedChecksum())));
        }
        long bs = h.blockSize();
        if (bs < VhdDisk.SECTOR || Long.bitCount(bs) != 1) {
            throw new VhdFormatException("its VHD dynamic header at offset " + at + " gives a block size of " + bs
                    + " bytes, not a power of two of at least 512");
        }
        return h;
    }

    private VhdBat bat(VhdFooter footer, VhdHeader h, long dataEnd) throws VhdFormatException {
        long needed = (footer.currentSize() + h.blockSize() - 1) / h.blockSize();
        if (needed > MAX_BLOCKS) {
            throw new VhdFormatException("its virtual size of " + footer.currentSize() + " bytes in blocks of "
                    + h.blockSize() + " bytes makes " + needed + " blocks, more than this reader maps ("
                    + MAX_BLOCKS + ")");
        }
        long entries = h.maxTableEntries();
        if (entries < needed) {
            diagnostics.add(Diagnostic.of(DiagnosticCode.VHD_INCONSISTENT, h.span().offset() + 28, 4, -1, "the block "
                    + "allocation table has " + entries + " entries but the virtual size needs " + needed
                    + ": the blocks past entry " + entries + " read as zeros"));
        }
        long n = Math.min(entries, needed);
        long at = h.tableOffset();
        long inFile = at < 0 || at >= size ? 0 : Math.min(n, (size - at) / 4);
        if (inFile < n) {
            diagnostics.add(Diagnostic.of(DiagnosticCode.VHD_INCONSISTENT, Math.max(0, Math.min(at + 4 * inFile, size)),
                    0, -1, "the block allocation table at offset " + Long.toUnsignedString(at) + " (" + n
                            + " entries) runs past the end of the file: its last " + (n - inFile)
                            + " entries are missing and their blocks read as unallocated"));
        }
        int[] sectors = new int[(int) n];
        Arrays.fill(sectors, VhdBat.UNUSED);
        readEntries(at, (int) inFile, sectors);
        long bitmap = h.bitmapBytes();
        List<long[]> blocks = new ArrayList<>();
        for (int i = 0; i < inFile; i++) {
            if (sectors[i] == VhdBat.UNUSED) {
                continue;
            }
            long off = (sectors[i] & 0xFFFFFFFFL) * VhdDisk.SECTOR;
            long blockEnd = off + bitmap + h.blockSize();
            if (blockEnd > dataEnd) {
                diagnostics.add(Diagnostic.of(DiagnosticCode.VHD_BAT_PAST_END, at + 4L * i, 4, -1, "block allocation "
                        + "table entry " + i + " (virtual " + Hex.offset(i * h.blockSize()) + ") places its block at "
                        + "offset " + Hex.offset(off) + ", ending at " + blockEnd + ", past the end of the data at "
                        + Hex.offset(dataEnd) + ": the block is read as unallocated"));
                sectors[i] = VhdBat.UNUSED;
                continue;
            }
            blocks.add(new long[] {off, blockEnd, i});
        }
        VhdBat bat = new VhdBat(new Span(at, 4 * n), sectors);
        checkOverlaps(blocks, h, bat);
        return bat;
    }

    private void readEntries(long at, int count, int[] sectors) {
        int chunk = 1 << 18;
        for (int done = 0; done < count; done += chunk) {
            int k = Math.min(chunk, count - done);
            ByteBuffer b = ByteBuffer.wrap(src.bytes(at + 4L * done, 4 * k));
            for (int i = 0; i < k && b.remaining() >= 4; i++) {
                long v = b.getInt() & 0xFFFFFFFFL;
                sectors[done + i] = v == UNUSED_ENTRY ? VhdBat.UNUSED : (int) v;
            }
        }
    }

    /** Blocks must not share bytes with each other, nor with the footer copy, the header or the table. */
    private void checkOverlaps(List<long[]> blocks, VhdHeader h, VhdBat bat) {
        List<long[]> all = new ArrayList<>(blocks);
        all.add(new long[] {0, VhdFooter.SIZE, -1});
        all.add(new long[] {h.span().offset(), h.span().end(), -2});
        all.add(new long[] {bat.span().offset(), bat.span().end(), -3});
        all.sort(Comparator.comparingLong((long[] b) -> b[0]).thenComparingLong(b -> b[1]));
        int reported = 0;
        int more = 0;
        long[] reach = null;
        for (long[] b : all) {
            if (reach != null && b[0] < reach[1] && (b[2] >= 0 || reach[2] >= 0)) {
                if (reported < MAX_OVERLAP_REPORTS) {
                    long[] later = b[2] >= 0 ? b : reach;
                    long[] other = later == b ? reach : b;
                    diagnostics.add(Diagnostic.of(DiagnosticCode.VHD_OVERLAPPING_BLOCKS, b[0], Math.min(b[1], reach[1])
                            - b[0], -1, name(later) + " at offset " + Hex.offset(later[0]) + " overlaps " + name(other)
                            + " (" + other[0] + ".." + other[1] + ")"));
                    reported++;
                } else {
                    more++;
                }
            }
            if (reach == null || b[1] > reach[1]) {
                reach = b;
            }
        }
        if (more > 0) {
            long[] last = all.get(all.size() - 1);
            diagnostics.add(Diagnostic.of(DiagnosticCode.VHD_OVERLAPPING_BLOCKS, last[0], 0, -1, more
                    + " more overlapping block(s) not listed"));
        }
    }

    private static String name(long[] b) {
        return b[2] >= 0 ? "block " + b[2] : b[2] == -1 ? "the footer copy" : b[2] == -2 ? "the dynamic header"
                : "the block allocation table";
    }

    /** Reads each locator's path; one that lies outside the file is said to. */
    private List<ParentLocator> resolve(List<ParentLocator> locators) {
        List<ParentLocator> out = new ArrayList<>();
        for (ParentLocator l : locators) {
            if (l.dataLength() <= 0 || l.dataLength() > 64 * 1024 || l.dataOffset() < 0
                    || l.dataOffset() > size - l.dataLength()) {
                diagnostics.add(Diagnostic.of(DiagnosticCode.VHD_INCONSISTENT, l.entryOffset(), 24, -1, "parent "
                        + "locator " + l.platform().strip() + " places " + l.dataLength() + " byte(s) at offset "
                        + Long.toUnsignedString(l.dataOffset()) + ", outside the file"));
                out.add(l);
            } else {
                out.add(l.withPath(l.decode(src.bytes(l.dataOffset(), (int) l.dataLength()))));
            }
        }
        return out;
    }

    private static Diagnostic info(VhdFooter f, VhdHeader h, VhdBat bat) {
        StringBuilder b = new StringBuilder().append(f.type().json()).append(" VHD, virtual size ")
                .append(f.currentSize()).append(" bytes, made by ").append(f.creator()).append(" (")
                .append(f.creatorHostOs().strip()).append(") at ").append(f.created());
        if (h != null) {
            b.append("; blocks of ").append(h.blockSize()).append(" bytes, ").append(bat.allocated()).append(" of ")
                    .append(bat.entries()).append(" allocated");
        }
        return Diagnostic.of(DiagnosticCode.VHD_INFO, f.span().offset(), f.span().length(), -1, b.toString());
    }

    private static String hex32(long v) {
        return String.format("0x%08X", v);
    }
}
