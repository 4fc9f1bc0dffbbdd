package org.savevminspector.io.vhd;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.diagnostics.Severity;
import org.savevminspector.io.ByteSource;
import org.savevminspector.model.Span;

/**
 * Writes a new VHD of the same kind as an input one, holding new virtual content where it differs from the
 * old: only the sectors that changed are written. A fixed disk is the old file with those sectors replaced; a
 * dynamic or differencing disk keeps every block where it was (its bitmap bits set for the changed sectors, which
 * are written whole), gains a new block at the end for a change that falls where no block was, and keeps its
 * footer (and so its unique id: a child made over it still finds it). The written file is then read back and
 * compared ({@link #verify}).
 */
public final class VhdRewriter {
    private final ByteSource file;
    private final VhdDisk disk;
    private final ByteSource before;
    private final ByteSource after;
    private final long oldEnd;
    /** Changed sectors: virtual sector index → its new 512 bytes. */
    private final TreeMap<Long, byte[]> changed = new TreeMap<>();

    /**
     * @param file       the VHD file's bytes
     * @param disk       its structure
     * @param before     its virtual disk as read now
     * @param after      the new content of the virtual disk from offset 0 (shorter than the disk: the rest stays)
     * @param oldEnd     where the content {@code after} replaces ended before (bytes between {@code after}'s end
     *                   and this become zeros: a trimmed image)
     * @param candidates the ranges of {@code after} that may differ from {@code before}
     * @throws VhdFormatException when the new content does not fit the virtual disk
     */
    public VhdRewriter(ByteSource file, VhdDisk disk, ByteSource before, ByteSource after, long oldEnd,
                       List<Span> candidates) throws VhdFormatException {
        if (after.size() > disk.virtualSize()) {
            throw new VhdFormatException("the repaired image (" + after.size() + " bytes) no longer fits the "
                    + "virtual disk (" + disk.virtualSize() + " bytes)");
        }
        this.file = file;
        this.disk = disk;
        this.before = before;
        this.after = after;
        this.oldEnd = oldEnd;
        List<Span> ranges = new ArrayList<>(candidates);
        long lo = Math.min(oldEnd, after.size());
        long hi = Math.max(oldEnd, after.size());
        if (hi > lo) {
            ranges.add(new Span(lo, hi - lo));
        }
        for (Span r : ranges) {
            collect(r);
        }
    }

    /** How many sectors of the virtual disk change. */
    public int changedSectors() {
        return changed.size();
    }

    private void collect(Span r) {
        long first = r.offset() / VhdDisk.SECTOR;
        long last = (r.end() - 1) / VhdDisk.SECTOR;
        for (long s = first; s <= last && r.length() > 0; s++) {
            if (changed.containsKey(s)) {
                continue;
            }
            long at = s * VhdDisk.SECTOR;
            byte[] now = newSector(at);
            byte[] was = Arrays.copyOf(before.bytes(at, VhdDisk.SECTOR), VhdDisk.SECTOR);
            if (!Arrays.equals(now, was)) {
                changed.put(s, now);
            }
        }
    }

    /** The sector at {@code at} as it must read: the new content, zeros up to the old end, else as it was. */
    private byte[] newSector(long at) {
        byte[] out = Arrays.copyOf(before.bytes(at, VhdDisk.SECTOR), VhdDisk.SECTOR);
        for (int i = 0; i < VhdDisk.SECTOR; i++) {
            long p = at + i;
            if (p < after.size()) {
                continue;
            }
            if (p < oldEnd) {
                out[i] = 0;
            }
        }
        int n = (int) Math.max(0, Math.min(VhdDisk.SECTOR, after.size() - at));
        if (n > 0) {
            byte[] b = after.bytes(at, n);
            System.arraycopy(b, 0, out, 0, b.length);
        }
        return out;
    }

    /** Writes the new VHD file. */
    public void write(OutputStream out) throws IOException {
        TreeMap<Long, byte[]> patches = new TreeMap<>();
        List<byte[]> appended = new ArrayList<>();
        long footerAt = disk.footer().span().offset() == 0 ? disk.fileSize() : disk.footer().span().offset();
        if (!disk.type().sparse()) {
            for (Map.Entry<Long, byte[]> e : changed.entrySet()) {
                patches.put(e.getKey() * VhdDisk.SECTOR, e.getValue());
            }
        } else {
            planBlocks(patches, appended, footerAt);
        }
        long pos = 0;
        for (Map.Entry<Long, byte[]> p : patches.entrySet()) {
            if (p.getKey() < pos) {
                throw new VhdFormatException("blocks of the VHD share bytes at offset " + p.getKey()
                        + ": a changed copy cannot be written");
            }
            copy(pos, p.getKey() - pos, out);
            out.write(p.getValue());
            pos = p.getKey() + p.getValue().length;
        }
        copy(pos, footerAt - pos, out);
        for (byte[] b : appended) {
            out.write(b);
        }
        byte[] footer = Arrays.copyOf(file.bytes(disk.footer().span().offset(), (int) disk.footer().span().length()),
                VhdFooter.SIZE);
        out.write(footer);
    }

    /** Changed sectors into their blocks: patches of existing blocks, new blocks for unallocated ones. */
    private void planBlocks(TreeMap<Long, byte[]> patches, List<byte[]> appended, long footerAt) {
        long bs = disk.blockSize();
        long spb = bs / VhdDisk.SECTOR;
        int bitmapBytes = (int) disk.header().bitmapBytes();
        TreeMap<Long, List<Long>> byBlock = new TreeMap<>();
        for (long s : changed.keySet()) {
            byBlock.computeIfAbsent(s / spb, k -> new ArrayList<>()).add(s);
        }
        long next = footerAt;
        for (Map.Entry<Long, List<Long>> b : byBlock.entrySet()) {
            long block = b.getKey();
            long at = disk.bat().blockOffset(block);
            byte[] bitmap;
            if (at >= 0) {
                bitmap = Arrays.copyOf(file.bytes(at, bitmapBytes), bitmapBytes);
                for (long s : b.getValue()) {
                    setBit(bitmap, (int) (s % spb));
                    patches.put(at + bitmapBytes + (s % spb) * VhdDisk.SECTOR, changed.get(s));
                }
                patches.put(at, bitmap);
            } else {
                byte[] fresh = new byte[(int) (bitmapBytes + bs)];
                for (long s : b.getValue()) {
                    setBit(fresh, (int) (s % spb));
                    System.arraycopy(changed.get(s), 0, fresh, (int) (bitmapBytes + (s % spb) * VhdDisk.SECTOR),
                            VhdDisk.SECTOR);
                }
                appended.add(fresh);
                patches.put(disk.bat().entryOffset(block), ByteBuffer.allocate(4)
                        .putInt((int) (next / VhdDisk.SECTOR)).array());
                next += fresh.length;
            }
        }
    }

    private static void setBit(byte[] bitmap, int sector) {
        bitmap[sector >>> 3] |= (byte) (0x80 >>> (sector & 7));
    }

    private void copy(long from, long len, OutputStream out) throws IOException {
        byte[] buf = new byte[1 << 20];
        long done = 0;
        while (done < len) {
            int n = file.read(from + done, buf, 0, (int) Math.min(buf.length, len - done));
            if (n <= 0) {
                throw new IOException("the VHD file ended at offset " + (from + done) + " while copying it");
            }
            out.write(buf, 0, n);
            done += n;
        }
    }

    /**
     * Reads the written file back: a VHD of the same type and size, no error the input did not have, and every
     * changed sector as it must read. Returns its virtual disk (over {@code parent} for a differencing disk), for
     * the caller's own checks; the caller closes it.
     *
     * @throws IOException with the reason when the written file is not what was meant
     */
    public VhdByteSource verify(ByteSource written, ByteSource parent) throws IOException {
        VhdDisk again = VhdReader.read(written);
        if (again == null || again.type() != disk.type() || again.virtualSize() != disk.virtualSize()) {
            throw new IOException("the written VHD does not read back as a " + disk.type().json() + " disk of "
                    + disk.virtualSize() + " bytes");
        }
        for (Diagnostic d : again.diagnostics()) {
            if (d.severity().atLeast(Severity.ERROR)
                    && disk.diagnostics().stream().noneMatch(x -> x.code() == d.code())) {
                throw new IOException("the written VHD has a new problem: " + d.message());
            }
        }
        VhdByteSource view = new VhdByteSource(written, again, parent);
        for (Map.Entry<Long, byte[]> e : changed.entrySet()) {
            byte[] got = view.bytes(e.getKey() * VhdDisk.SECTOR, VhdDisk.SECTOR);
            if (!Arrays.equals(got, e.getValue())) {
                throw new IOException("the written VHD reads differently at virtual offset "
                        + e.getKey() * VhdDisk.SECTOR + " than the repair wrote");
            }
        }
        return view;
    }
}
