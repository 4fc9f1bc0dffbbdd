package org.savevminspector.container;

import java.util.List;
import java.util.Map;
import org.savevminspector.diagnostics.DiagnosticCode;
import org.savevminspector.diagnostics.Offset;
import org.savevminspector.model.Field;
import org.savevminspector.model.Hex;
import org.savevminspector.model.Span;

/**
 * A libxl migration stream v2 (FORMAT.md D.4; {@code XEN@4.6 tools/libxl/libxl_sr_stream_format.h},
 * {@code libxl_stream_write.c}): the big-endian "LibxlFmt" header, then records; LIBXC_CONTEXT is followed by a
 * whole libxc image, EMULATOR_CONTEXT of emulator 1 (qemu-traditional) holds the QEVM stream.
 */
final class LibxlV2 {
    static final String IDENT = "LibxlFmt";
    private static final Map<Long, String> TYPES = Map.of(0L, "END", 1L, "LIBXC_CONTEXT", 2L,
            "EMULATOR_XENSTORE_DATA", 3L, "EMULATOR_CONTEXT", 4L, "CHECKPOINT_END", 5L, "CHECKPOINT_STATE");
    private static final Map<Long, String> EMULATORS = Map.of(0L, "unknown (convert-legacy-stream)", 1L,
            "qemu-traditional", 2L, "qemu-upstream");
    private static final long END = 0;
    private static final long LIBXC_CONTEXT = 1;
    private static final long EMULATOR_CONTEXT = 3;

    private LibxlV2() {
    }

    /** Walks from the libxl header at {@code pos}; returns the offset after END, or -1 when the walk stopped. */
    static long walk(ImageWalk w, long pos) {
        if (!w.need(pos, 16, "libxl stream header")) {
            return -1;
        }
        if (!w.startsWith(pos, IDENT)) {
            w.error(DiagnosticCode.CONTAINER_INCONSISTENT, "no-libxl-header", pos, 8, Offset.of(pos),
                    Hex.spaced(w.src.bytes(pos, 8)));
            return -1;
        }
        long version = w.src.be32(pos + 8);
        long options = w.src.be32(pos + 12);
        boolean big = (options & 1) != 0;
        w.add("libxl-header", "libxl header", pos, 16, List.of(w.ascii("ident", pos, 8),
                w.be32("version", pos + 8, v -> v == 2 ? "libxl migration v2" : "unknown"),
                w.be32("options", pos + 12, v -> ((v & 1) == 0 ? "little-endian" : "big-endian")
                        + ((v & 2) != 0 ? ", legacy (converted)" : ""))));
        if (version != 2) {
            w.error(DiagnosticCode.CONTAINER_INCONSISTENT, "libxl-version", pos + 8, 4, version,
                    Offset.of(pos + 8));
        }
        long at = pos + 16;
        while (true) {
            V2Records.Header h = V2Records.header(w, at, big, "libxl");
            if (h == null) {
                return -1;
            }
            long type = h.type() & 0x7FFFFFFFL;
            String name = TYPES.get(type);
            List<Field> fields = V2Records.headerFields(w, h, big, TYPES);
            if (name == null) {
                w.error(DiagnosticCode.CONTAINER_UNKNOWN_RECORD, "libxl", at, 4, Hex.plain(h.type()), Offset.of(at),
                        h.bodyLength());
            }
            if (type == EMULATOR_CONTEXT || type == 2) {
                if (h.bodyLength() < 8) {
                    w.error(DiagnosticCode.CONTAINER_INCONSISTENT, "emulator-record-short", at + 4, 4, name,
                            Offset.of(at), h.bodyLength());
                } else {
                    fields.add(V2Records.u32(w, "emulator_id", h.body(), big, EMULATORS));
                    fields.add(V2Records.u32(w, "index", h.body() + 4, big, null));
                    if (type == EMULATOR_CONTEXT) {
                        emulatorContext(w, h, big);
                    }
                }
            }
            V2Records.add(w, "libxl-record", h, name == null ? "unknown" : name, fields);
            at = h.end();
            if (type == LIBXC_CONTEXT) {
                if (h.bodyLength() != 0) {
                    w.error(DiagnosticCode.CONTAINER_INCONSISTENT, "libxc-context-body", h.offset() + 4, 4,
                            Offset.of(h.offset()), h.bodyLength());
                }
                at = LibxcV2.walk(w, at);
                if (at < 0) {
                    return -1;
                }
            }
            if (type == END) {
                return at;
            }
        }
    }

    private static void emulatorContext(ImageWalk w, V2Records.Header h, boolean big) {
        long id = V2Records.u32(w, h.body(), big);
        if (id == 2) {
            w.info("upstream-qemu-context", h.offset(), 8, Offset.of(h.offset()));
            return;
        }
        if (id != 1 && id != 0) {
            w.error(DiagnosticCode.CONTAINER_INCONSISTENT, "unknown-emulator", h.body(), 4, Offset.of(h.offset()), id);
            return;
        }
        w.lengthFields.clear();
        w.lengthFields.add(new LengthField(h.offset() + 4, 4, big, 8, "EMULATOR_CONTEXT body_length"));
        w.padding = new Span(h.body() + h.bodyLength(), h.padding());
        w.qevmToEof = false;
        w.qevm(h.body() + 8, h.bodyLength() - 8);
    }
}
