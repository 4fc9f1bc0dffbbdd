package org.savevminspector.container;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.savevminspector.diagnostics.DiagnosticCode;
import org.savevminspector.diagnostics.Offset;
import org.savevminspector.model.Field;
import org.savevminspector.model.Hex;

/**
 * The non-page chunks of a legacy libxc stream (FORMAT.md D.1; {@code XEN@4.5 tools/libxc/xg_save_restore.h}, chunk ids
 * {@code XC_SAVE_ID_*}; bodies as {@code xc_domain_restore.c:pagebuf_get_one} reads them). One row per id: a new
 * id is a new row.
 */
enum LegacyChunk {
    END(0, "end of body", (w, body, ws, f) -> 0),
    ENABLE_VERIFY_MODE(-1, "ENABLE_VERIFY_MODE", (w, body, ws, f) -> 0),
    VCPU_INFO(-2, "VCPU_INFO", LegacyChunk::vcpuInfo),
    HVM_IDENT_PT(-3, "HVM_IDENT_PT", LegacyChunk::param),
    HVM_VM86_TSS(-4, "HVM_VM86_TSS", LegacyChunk::param),
    TMEM(-5, "TMEM", LegacyChunk::tmem),
    TMEM_EXTRA(-6, "TMEM_EXTRA", LegacyChunk::tmemExtra),
    TSC_INFO(-7, "TSC_INFO", LegacyChunk::tscInfo),
    HVM_CONSOLE_PFN(-8, "HVM_CONSOLE_PFN", LegacyChunk::param),
    LAST_CHECKPOINT(-9, "LAST_CHECKPOINT", (w, body, ws, f) -> 0),
    HVM_ACPI_IOPORTS_LOCATION(-10, "HVM_ACPI_IOPORTS_LOCATION", LegacyChunk::param),
    HVM_VIRIDIAN(-11, "HVM_VIRIDIAN", LegacyChunk::param),
    COMPRESSED_DATA(-12, "COMPRESSED_DATA", LegacyChunk::compressed),
    ENABLE_COMPRESSION(-13, "ENABLE_COMPRESSION", (w, body, ws, f) -> 0),
    HVM_GENERATION_ID_ADDR(-14, "HVM_GENERATION_ID_ADDR", LegacyChunk::param),
    HVM_PAGING_RING_PFN(-15, "HVM_PAGING_RING_PFN", LegacyChunk::param),
    HVM_ACCESS_RING_PFN(-16, "HVM_ACCESS_RING_PFN", LegacyChunk::param),
    HVM_SHARING_RING_PFN(-17, "HVM_SHARING_RING_PFN", LegacyChunk::param),
    TOOLSTACK(-18, "TOOLSTACK", LegacyChunk::toolstack),
    HVM_IOREQ_SERVER_PFN(-19, "HVM_IOREQ_SERVER_PFN", LegacyChunk::param),
    HVM_NR_IOREQ_SERVER_PAGES(-20, "HVM_NR_IOREQ_SERVER_PAGES", LegacyChunk::param);

    /** Measures a chunk's body (after the id), adding its fields; -1 when it runs past the end (diagnosed). */
    @FunctionalInterface
    interface Body {
        long measure(ImageWalk w, long body, int wordSize, List<Field> fields);
    }

    /**
     * {@code TMEM_POOL_PAGESIZE_SHIFT}/{@code _MASK} of {@code XEN@4.4 xen/include/public/tmem.h}; the page is
     * {@code 1 << (((flags >> shift) & mask) + 12)} bytes ({@code xc_tmem.c:xc_tmem_restore}).
     */
    private static final int TMEM_PAGESIZE_SHIFT = 4;
    private static final int TMEM_PAGESIZE_MASK = 0xF;
    private static final Map<Integer, LegacyChunk> BY_ID = new HashMap<>();

    static {
        for (LegacyChunk c : values()) {
            BY_ID.put(c.id, c);
        }
    }

    final int id;
    final String label;
    final Body body;

    LegacyChunk(int id, String label, Body body) {
        this.id = id;
        this.label = label;
        this.body = body;
    }

    static LegacyChunk byId(int id) {
        return BY_ID.get(id);
    }

    /** {le32 pad, le64 value}: the HVM parameter chunks ({@code xc_domain_save.c}'s 16-byte chunk struct). */
    private static long param(ImageWalk w, long body, int ws, List<Field> f) {
        if (!w.need(body, 12, "HVM parameter chunk body")) {
            return -1;
        }
        f.add(w.le32("pad", body, null));
        f.add(w.le64("data", body + 4, null));
        return 12;
    }

    private static long vcpuInfo(ImageWalk w, long body, int ws, List<Field> f) {
        if (!w.need(body, 4, "VCPU_INFO max_vcpu_id")) {
            return -1;
        }
        long max = w.src.le32(body);
        f.add(w.le32("max_vcpu_id", body, null));
        long bitmap = 8 * (max / 64 + 1);
        if (!w.need(body + 4, bitmap, "VCPU_INFO online bitmap of " + bitmap + " bytes")) {
            return -1;
        }
        f.add(Field.bytes("vcpumap", body + 4, bitmap));
        return 4 + bitmap;
    }

    private static long tscInfo(ImageWalk w, long body, int ws, List<Field> f) {
        if (!w.need(body, 20, "TSC_INFO body")) {
            return -1;
        }
        f.add(w.le32("tsc_mode", body, null));
        f.add(w.le64("nsec", body + 4, null));
        f.add(w.le32("khz", body + 12, null));
        f.add(w.le32("incarnation", body + 16, null));
        return 20;
    }

    private static long compressed(ImageWalk w, long body, int ws, List<Field> f) {
        if (!w.need(body, ws, "COMPRESSED_DATA size")) {
            return -1;
        }
        long n = w.word(body, ws);
        f.add(w.word("size", body, ws, null));
        if (!w.need(body + ws, n, "COMPRESSED_DATA of " + n + " bytes")) {
            return -1;
        }
        f.add(Field.bytes("data", body + ws, n));
        return ws + n;
    }

    private static long toolstack(ImageWalk w, long body, int ws, List<Field> f) {
        if (!w.need(body, 4, "TOOLSTACK length")) {
            return -1;
        }
        long n = w.src.le32(body);
        f.add(w.le32("len", body, null));
        if (!w.need(body + 4, n, "TOOLSTACK data of " + n + " bytes")) {
            return -1;
        }
        f.add(Field.bytes("data", body + 4, n));
        return 4 + n;
    }

    /** {@code XEN@4.4 tools/libxc/xc_tmem.c:xc_tmem_restore}: a fixed header, then pools of pages. */
    private static long tmem(ImageWalk w, long body, int ws, List<Field> f) {
        if (!w.need(body, 28, "TMEM header")) {
            return -1;
        }
        f.add(w.le32("version", body, null));
        f.add(w.le32("max_pools", body + 4, null));
        long pos = body + 28;
        while (true) {
            w.step(pos);
            if (!w.need(pos, 4, "TMEM pool id")) {
                return -1;
            }
            int poolId = (int) w.src.le32(pos);
            pos += 4;
            if (poolId == -1) {
                return pos - body;
            }
            if (!w.need(pos, 24, "TMEM pool header")) {
                return -1;
            }
            long flags = w.src.le32(pos);
            long pages = w.src.le32(pos + 4);
            long pageSize = 4096L << ((flags >>> TMEM_PAGESIZE_SHIFT) & TMEM_PAGESIZE_MASK);
            pos += 24;
            for (long i = 0; i < pages; i++) {
                if (!w.need(pos, 24, "TMEM object id")) {
                    return -1;
                }
                boolean last = w.le64(pos) == -1 && w.le64(pos + 8) == -1 && w.le64(pos + 16) == -1;
                pos += 24;
                if (last) {
                    break;
                }
                if (!w.need(pos, 4 + pageSize, "TMEM page of " + pageSize + " bytes")) {
                    return -1;
                }
                pos += 4 + pageSize;
            }
        }
    }

    /** {@code xc_tmem.c:xc_tmem_restore_extra}: {pool_id, oid, index} until pool_id -1. */
    private static long tmemExtra(ImageWalk w, long body, int ws, List<Field> f) {
        long pos = body;
        while (true) {
            if (!w.need(pos, 4, "TMEM_EXTRA pool id")) {
                return -1;
            }
            int poolId = (int) w.src.le32(pos);
            pos += 4;
            if (poolId == -1) {
                return pos - body;
            }
            if (!w.need(pos, 28, "TMEM_EXTRA entry")) {
                return -1;
            }
            pos += 28;
        }
    }

    static void unknown(ImageWalk w, long pos, int id) {
        w.error(DiagnosticCode.CONTAINER_UNKNOWN_CHUNK, "legacy", pos, 4, id, Hex.spaced(w.src.bytes(pos, 4)),
                Offset.of(pos));
    }
}
