package org.savevminspector.io.vhd;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.diagnostics.DiagnosticCode;
import org.savevminspector.diagnostics.Offset;
import org.savevminspector.io.ByteSource;
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
            diagnostics.add(Diagnostic.raise(DiagnosticCode.VHD_INCONSISTENT, dataEnd < footer.currentSize()
                    ? "fixed-data-short" : "fixed-data-long", Math.min(dataEnd, footer.currentSize()),
                    Math.abs(dataEnd - footer.currentSize()), -1, Offset.of(dataEnd), footer.currentSize()));
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
            diagnostics.add(Diagnostic.raise(DiagnosticCode.VHD_INCONSISTENT, "no-footer", size, 0, -1));
            return copy;
        }
        if (!end.checksumOk() && copy != null && copy.checksumOk()) {
            diagnostics.add(Diagnostic.raise(DiagnosticCode.VHD_INFO, "footer-copy-used", 0, VhdFooter.SIZE, -1));
            return copy;
        }
        return end;
    }

    private void checkSum(VhdFooter f, String what) {
        if (f != null && !f.checksumOk()) {
            diagnostics.add(Diagnostic.raise(DiagnosticCode.VHD_BAD_CHECKSUM, "structure", f.span().offset()
                    + VhdFooter.CHECKSUM_AT, 4, -1, what, Offset.of(f.span().offset()), hex32(f.checksum()),
                    hex32(f.computedChecksum())));
        }
    }

    private void compareCopy(VhdFooter end, VhdFooter copy) {
        if (copy == null) {
            diagnostics.add(Diagnostic.raise(DiagnosticCode.VHD_FOOTER_MISMATCH, "no-copy", 0, 0, -1));
            return;
        }
        if (end == null) {
            return;
        }
        byte[] a = src.bytes(0, VhdFooter.SIZE);
        byte[] b = Arrays.copyOf(src.bytes(end.span().offset(), (int) end.span().length()), VhdFooter.SIZE);
        int at = Arrays.mismatch(a, b);
        if (at >= 0) {
            diagnostics.add(Diagnostic.raise(DiagnosticCode.VHD_FOOTER_MISMATCH, "differs", at, 1, -1,
                    Offset.of(end.span().offset()), at));
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
            diagnostics.add(Diagnostic.raise(DiagnosticCode.VHD_BAD_CHECKSUM, "structure", at + VhdHeader.CHECKSUM_AT,
                    4, -1, "dynamic header", Offset.of(at), hex32(h.checksum()), hex32(h.computedChecksum())));
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
            diagnostics.add(Diagnostic.raise(DiagnosticCode.VHD_INCONSISTENT, "bat-too-short", h.span().offset() + 28,
                    4, -1, entries, needed));
        }
        long n = Math.min(entries, needed);
        long at = h.tableOffset();
        long inFile = at < 0 || at >= size ? 0 : Math.min(n, (size - at) / 4);
        if (inFile < n) {
            diagnostics.add(Diagnostic.raise(DiagnosticCode.VHD_INCONSISTENT, "bat-past-end",
                    Math.max(0, Math.min(at + 4 * inFile, size)), 0, -1, Long.toUnsignedString(at), n, n - inFile));
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
                diagnostics.add(Diagnostic.raise(DiagnosticCode.VHD_BAT_PAST_END, "entry", at + 4L * i, 4, -1, i,
                        Offset.of(i * h.blockSize()), Offset.of(off), blockEnd, Offset.of(dataEnd)));
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
                    diagnostics.add(Diagnostic.raise(DiagnosticCode.VHD_OVERLAPPING_BLOCKS, "pair", b[0],
                            Math.min(b[1], reach[1]) - b[0], -1, name(later), Offset.of(later[0]), name(other),
                            other[0], other[1]));
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
            diagnostics.add(Diagnostic.raise(DiagnosticCode.VHD_OVERLAPPING_BLOCKS, "more", last[0], 0, -1, more));
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
                diagnostics.add(Diagnostic.raise(DiagnosticCode.VHD_INCONSISTENT, "parent-locator", l.entryOffset(), 24,
                        -1, l.platform().strip(), l.dataLength(), Long.toUnsignedString(l.dataOffset())));
                out.add(l);
            } else {
                out.add(l.withPath(l.decode(src.bytes(l.dataOffset(), (int) l.dataLength()))));
            }
        }
        return out;
    }

    private static Diagnostic info(VhdFooter f, VhdHeader h, VhdBat bat) {
        return Diagnostic.raise(DiagnosticCode.VHD_INFO, h == null ? "disk" : "disk-blocks", f.span().offset(),
                f.span().length(), -1, f.type().json(), f.currentSize(), f.creator(), f.creatorHostOs().strip(),
                f.created(), h == null ? 0 : h.blockSize(), h == null ? 0 : bat.allocated(),
                h == null ? 0 : bat.entries());
    }

    private static String hex32(long v) {
        return String.format("0x%08X", v);
    }
}
