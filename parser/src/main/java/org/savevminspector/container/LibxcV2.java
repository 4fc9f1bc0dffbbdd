package org.savevminspector.container;

import java.util.List;
import java.util.Map;
import org.savevminspector.diagnostics.DiagnosticCode;
import org.savevminspector.diagnostics.Offset;
import org.savevminspector.model.Field;
import org.savevminspector.model.FieldType;
import org.savevminspector.model.Hex;
import org.savevminspector.model.Span;

/**
 * A libxc migration-v2 image (FORMAT.md D.4; {@code XEN docs/specs/libxc-migration-stream.pandoc}): image header, domain
 * header, records to END. PAGE_DATA records are summarised from their pfn arrays; their pages are skipped by
 * body_length.
 */
final class LibxcV2 {
    private static final Map<Long, String> TYPES = Map.ofEntries(Map.entry(0L, "END"), Map.entry(1L, "PAGE_DATA"),
            Map.entry(2L, "X86_PV_INFO"), Map.entry(3L, "X86_PV_P2M_FRAMES"), Map.entry(4L, "X86_PV_VCPU_BASIC"),
            Map.entry(5L, "X86_PV_VCPU_EXTENDED"), Map.entry(6L, "X86_PV_VCPU_XSAVE"), Map.entry(7L, "SHARED_INFO"),
            Map.entry(8L, "X86_TSC_INFO"), Map.entry(9L, "HVM_CONTEXT"), Map.entry(0xAL, "HVM_PARAMS"),
            Map.entry(0xBL, "TOOLSTACK"), Map.entry(0xCL, "X86_PV_VCPU_MSRS"), Map.entry(0xDL, "VERIFY"),
            Map.entry(0xEL, "CHECKPOINT"), Map.entry(0xFL, "CHECKPOINT_DIRTY_PFN_LIST"),
            Map.entry(0x10L, "STATIC_DATA_END"), Map.entry(0x11L, "X86_CPUID_POLICY"),
            Map.entry(0x12L, "X86_MSR_POLICY"));
    private static final long PAGE_DATA = 1;
    private static final int PAGE = 4096;

    private LibxcV2() {
    }

    /** Walks the image at {@code pos}; returns the offset after its END record, or -1 when the walk had to stop. */
    static long walk(ImageWalk w, long pos) {
        if (!w.need(pos, 40, "libxc v2 image and domain headers")) {
            return -1;
        }
        if (w.src.be64(pos) != -1L || w.src.be32(pos + 8) != 0x58454E46L) {
            w.error(DiagnosticCode.CONTAINER_INCONSISTENT, "no-libxc-v2-header", pos, 12, Offset.of(pos),
                    Hex.spaced(w.src.bytes(pos, 12)));
            return -1;
        }
        int options = w.src.be16(pos + 16);
        boolean big = (options & 1) != 0;
        w.add("libxc-header", "libxc image header", pos, 24, List.of(
                Field.bytes("marker", pos, 8), w.be32("id", pos + 8, v -> "\"XENF\""),
                w.be32("version", pos + 12, v -> v == 2 ? "Xen 4.6–4.13" : v == 3 ? "Xen ≥ 4.14" : "unknown"),
                Field.scalar("options", FieldType.BE16, pos + 16, options, v -> (v & 1) == 0 ? "little-endian"
                        : "big-endian"), Field.bytes("reserved", pos + 18, 6)));
        long d = pos + 24;
        w.add("libxc-header", "domain header", d, 16, List.of(
                V2Records.u32(w, "type", d, big, Map.of(1L, "x86 PV", 2L, "x86 HVM")),
                Field.scalar("page_shift", big ? FieldType.BE16 : FieldType.LE16, d + 4,
                        big ? w.src.be16(d + 4) : w.src.le16(d + 4), null),
                V2Records.u32(w, "xen_major", d + 8, big, null), V2Records.u32(w, "xen_minor", d + 12, big, null)));
        long at = pos + 40;
        long runStart = -1;
        PageRun run = null;
        while (true) {
            V2Records.Header h = V2Records.header(w, at, big, "libxc");
            if (h == null) {
                flush(w, runStart, at, run);
                return -1;
            }
            if (h.type() == PAGE_DATA) {
                PageRun batch = pageData(w, h, big);
                if (batch == null) {
                    flush(w, runStart, at, run);
                    return -1;
                }
                if (run == null) {
                    run = PageRun.empty(true, 8);
                    runStart = at;
                }
                run = run.plus(batch);
                at = h.end();
                continue;
            }
            flush(w, runStart, at, run);
            run = null;
            String name = TYPES.get(h.type() & 0x7FFFFFFFL);
            if (name == null) {
                w.error(DiagnosticCode.CONTAINER_UNKNOWN_RECORD, "libxc", at, 4, Hex.plain(h.type()), Offset.of(at),
                        h.bodyLength());
            }
            V2Records.add(w, "libxc-record", h, name == null ? "unknown" : name,
                    V2Records.headerFields(w, h, big, TYPES));
            at = h.end();
            if (h.type() == 0) {
                return at;
            }
        }
    }

    /** One PAGE_DATA record at {@code pos} summarised (lazy tree nodes); {@code null} when it does not parse. */
    static PageRun pageDataAt(ImageWalk w, long pos) {
        V2Records.Header h = V2Records.header(w, pos, false, "libxc");
        return h == null || h.type() != PAGE_DATA ? null : pageData(w, h, false);
    }

    /**
     * PAGE_DATA: u32 count, u32 reserved, count × u64 pfns (type in bits 63–60), then the pages with data. Without
     * {@link ImageWalk#pfnArrays} only the count is read: the pages with data are what the length leaves after the
     * pfn array, which must be whole pages, at most one per entry.
     */
    private static PageRun pageData(ImageWalk w, V2Records.Header h, boolean big) {
        long body = h.body();
        if (h.bodyLength() < 8) {
            w.error(DiagnosticCode.CONTAINER_INCONSISTENT, "page-data-short", h.offset() + 4, 4,
                    Offset.of(h.offset()), h.bodyLength());
            return null;
        }
        long count = V2Records.u32(w, body, big);
        if (8 + count * 8 > h.bodyLength()) {
            w.error(DiagnosticCode.CONTAINER_INCONSISTENT, "page-data-pfns", body, 4, Offset.of(h.offset()), count,
                    h.bodyLength());
            return null;
        }
        if (!w.pfnArrays) {
            return counted(w, h, count);
        }
        long withData = 0;
        long lo = Long.MAX_VALUE;
        long hi = -1;
        byte[] buf = new byte[8 * 1024];
        for (long i = 0; i < count; i += 1024) {
            int n = (int) Math.min(1024, count - i);
            w.src.read(body + 8 + i * 8, buf, 0, n * 8);
            for (int k = 0; k < n; k++) {
                long e = big ? be64(buf, k * 8) : le64(buf, k * 8);
                int type = (int) (e >>> 60) & 0xF;
                long pfn = e & ((1L << 52) - 1);
                if (type != 0xD && type != 0xE && type != 0xF) {
                    withData++;
                }
                lo = Math.min(lo, pfn);
                hi = Math.max(hi, pfn);
            }
        }
        long payload = h.bodyLength() - 8 - count * 8;
        if (payload != withData * PAGE) {
            w.error(DiagnosticCode.CONTAINER_INCONSISTENT, "page-data-announced", h.offset() + 4, 4,
                    Offset.of(h.offset()), h.bodyLength(), payload, withData, withData * PAGE);
        }
        return PageRun.empty(true, 8).plus(count, withData, lo, hi, payload);
    }

    private static PageRun counted(ImageWalk w, V2Records.Header h, long count) {
        long payload = h.bodyLength() - 8 - count * 8;
        if (payload % PAGE != 0 || payload / PAGE > count) {
            w.error(DiagnosticCode.CONTAINER_INCONSISTENT, payload % PAGE != 0 ? "page-data-partial-page"
                    : "page-data-pages-per-entry", h.offset() + 4, 4, Offset.of(h.offset()), h.bodyLength(), payload,
                    count, PAGE);
        }
        return PageRun.empty(true, 8).plusUnread(count, Math.min(count, payload / PAGE), payload);
    }

    private static void flush(ImageWalk w, long start, long end, PageRun run) {
        if (run != null) {
            w.records.add(new ContainerRecord("page-data", "PAGE_DATA records", new Span(start, end - start),
                    List.of(), run));
        }
    }

    private static long le64(byte[] b, int i) {
        long v = 0;
        for (int k = 7; k >= 0; k--) {
            v = v << 8 | (b[i + k] & 0xFF);
        }
        return v;
    }

    private static long be64(byte[] b, int i) {
        long v = 0;
        for (int k = 0; k < 8; k++) {
            v = v << 8 | (b[i + k] & 0xFF);
        }
        return v;
    }
}
