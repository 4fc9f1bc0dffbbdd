package org.savevminspector.container;

import java.util.ArrayList;
import java.util.List;
import org.savevminspector.diagnostics.DiagnosticCode;
import org.savevminspector.diagnostics.Offset;
import org.savevminspector.io.ByteSource;
import org.savevminspector.model.Field;
import org.savevminspector.model.Span;

/**
 * Walks a legacy libxc stream (FORMAT.md D.1): {@code p2m_size}, chunks up to the terminator, the HVM tail, then the
 * device-model record, repeating for Remus checkpoints. Page contents are skipped by arithmetic from the pfn
 * arrays (the only payload-sized reads are those arrays, N × W bytes per batch of N pages).
 */
final class LegacyLibxc {
    /** {@code MAX_BATCH_SIZE} of {@code xg_save_restore.h}: the restorer rejects bigger batches. */
    static final int MAX_BATCH = 1024;
    private static final int PAGE = 4096;
    /** Type nibbles of entries without page contents: BROKEN, XALLOC, XTAB ({@code xen/include/public/domctl.h}). */
    private static final int BROKEN = 0xD;
    private static final int XALLOC = 0xE;
    private static final int XTAB = 0xF;

    private LegacyLibxc() {
    }

    /**
     * The toolstack's word size (FORMAT.md D.1 "Word size"): for an HVM image, bytes 4–7 of the libxc part are zero only
     * when {@code p2m_size} is a 64-bit {@code unsigned long}.
     */
    static int wordSize(ImageWalk w, long start) {
        return w.src.has(start, 8) && w.src.le32(start + 4) == 0 ? 8 : 4;
    }

    /** Walks the whole legacy image from {@code start} (the {@code p2m_size} field) to the end of its qemu record. */
    static long walkImage(ImageWalk w, long start) {
        int ws = wordSize(w, start);
        if (!w.need(start, ws, "libxc p2m_size")) {
            return -1;
        }
        w.add("libxc-header", "p2m_size", start, ws, List.of(w.word("p2m_size", start, ws, v -> "highest guest pfn + 1")));
        w.info("legacy-word-size", start, ws, ws * 8, ws);
        long pos = start + ws;
        while (true) {
            pos = body(w, pos, ws);
            if (pos < 0) {
                return -1;
            }
            pos = QemuRecord.read(w, pos);
            if (pos < 0 || !QemuRecord.REMUS.equals(lastQemuSignature(w)) || pos >= w.size) {
                return pos;
            }
            w.info("remus-checkpoint", pos, 0, Offset.of(pos));
        }
    }

    private static String lastQemuSignature(ImageWalk w) {
        for (int i = w.records.size() - 1; i >= 0; i--) {
            ContainerRecord r = w.records.get(i);
            if (r.type().equals("qemu-record")) {
                return r.name();
            }
        }
        return null;
    }

    /** Chunks up to and including the terminator, then the HVM tail; returns the offset after the tail. */
    static long body(ImageWalk w, long start, int ws) {
        long pos = start;
        long runStart = -1;
        PageRun run = null;
        byte[] pfns = new byte[MAX_BATCH * 8];
        while (true) {
            w.step(pos);
            if (!w.need(pos, 4, "libxc chunk id")) {
                flush(w, runStart, pos, run);
                return -1;
            }
            int id = (int) w.src.le32(pos);
            if (id > 0) {
                if (id > MAX_BATCH) {
                    flush(w, runStart, pos, run);
                    w.error(DiagnosticCode.CONTAINER_INCONSISTENT, "batch-too-large", pos, 4, id, Offset.of(pos));
                    return -1;
                }
                long arrayLen = (long) id * ws;
                if (!w.need(pos + 4, arrayLen, "pfn array of a page batch of " + id + " entries")) {
                    flush(w, runStart, pos, run);
                    return -1;
                }
                PageRun batch = batch(w.src, pos, id, ws, pfns);
                long payload = batch.payloadBytes();
                if (!w.need(pos + 4 + arrayLen, payload, "contents of " + batch.pagesWithData()
                        + " page(s) of a batch")) {
                    flush(w, runStart, pos, run);
                    return -1;
                }
                if (run == null) {
                    run = PageRun.empty(false, ws);
                    runStart = pos;
                }
                run = run.plus(batch);
                pos += 4 + arrayLen + payload;
                continue;
            }
            flush(w, runStart, pos, run);
            run = null;
            LegacyChunk chunk = LegacyChunk.byId(id);
            if (chunk == null) {
                LegacyChunk.unknown(w, pos, id);
                return -1;
            }
            List<Field> fields = new ArrayList<>();
            fields.add(w.sle32("id", pos, v -> "XC_SAVE_ID_" + chunk.name()));
            long len = chunk.body.measure(w, pos + 4, ws, fields);
            if (len < 0) {
                return -1;
            }
            w.add("libxc-chunk", chunk.label, pos, 4 + len, fields);
            pos += 4 + len;
            if (chunk == LegacyChunk.END) {
                return tail(w, pos);
            }
        }
    }

    /**
     * The batch of {@code n} entries at {@code pos} (its count, then its pfn array, read into {@code buf}) summarised:
     * the pages whose contents follow and the pfn range.
     */
    static PageRun batch(ByteSource src, long pos, int n, int ws, byte[] buf) {
        src.read(pos + 4, buf, 0, n * ws);
        long withData = 0;
        long lo = Long.MAX_VALUE;
        long hi = -1;
        for (int i = 0; i < n; i++) {
            // type and pfn are the low 32 bits of an entry of either word size: the restorer's mask,
            // ~XEN_DOMCTL_PFINFO_LTAB_MASK, is an unsigned int (XEN@4.4 xen/include/public/domctl.h: 0xfU<<28), so
            // xc_domain_restore.c's pfn_type & ~LTAB_MASK clears a 64-bit entry's upper half
            long entry = le32(buf, i * ws);
            int type = (int) (entry >>> 28) & 0xF;
            long pfn = entry & 0x0FFFFFFFL;
            if (type != BROKEN && type != XALLOC && type != XTAB) {
                withData++;
            }
            lo = Math.min(lo, pfn);
            hi = Math.max(hi, pfn);
        }
        return PageRun.empty(false, ws).plus(n, withData, lo, hi, withData * PAGE);
    }

    /** The HVM tail after the terminator ({@code xc_domain_restore.c:buffer_tail_hvm}). */
    private static long tail(ImageWalk w, long pos) {
        if (!w.need(pos, 28, "HVM tail (3 magic pfns and the HVM context size)")) {
            return -1;
        }
        long recSize = w.src.le32(pos + 24);
        List<Field> fields = List.of(w.le64("ioreq_pfn", pos, null), w.le64("bufioreq_pfn", pos + 8, null),
                w.le64("xenstore_pfn", pos + 16, null), w.le32("rec_size", pos + 24, v -> "bytes of HVM context"));
        if (!w.need(pos + 28, recSize, "needs-hvm-context", "", recSize, Offset.of(pos + 24))) {
            return -1;
        }
        w.add("hvm-tail", "HVM tail", pos, 28 + recSize, fields);
        return pos + 28 + recSize;
    }

    private static void flush(ImageWalk w, long start, long end, PageRun run) {
        if (run != null) {
            w.records.add(new ContainerRecord("page-data", "page batches", new Span(start, end - start), List.of(), run));
        }
    }

    private static long le32(byte[] b, int i) {
        return (b[i] & 0xFFL) | (b[i + 1] & 0xFFL) << 8 | (b[i + 2] & 0xFFL) << 16 | (b[i + 3] & 0xFFL) << 24;
    }
}
