package org.savevminspector.container;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.savevminspector.diagnostics.DiagnosticCode;
import org.savevminspector.diagnostics.Offset;
import org.savevminspector.model.Field;
import org.savevminspector.model.FieldType;
import org.savevminspector.model.Hex;
import org.savevminspector.model.Span;

/**
 * The record shape shared by libxl and libxc migration streams v2 (FORMAT.md D.4): u32 type, u32 body_length, body,
 * zero padding to a multiple of 8. Fields are little-endian unless the stream header says otherwise.
 */
final class V2Records {

    /** One record header as read. */
    record Header(long offset, long type, long bodyLength, int padding) {
        long body() {
            return offset + 8;
        }

        long end() {
            return offset + 8 + bodyLength + padding;
        }
    }

    private V2Records() {
    }

    static int padding(long bodyLength) {
        return (int) ((8 - bodyLength % 8) % 8);
    }

    static long u32(ImageWalk w, long pos, boolean bigEndian) {
        return bigEndian ? w.src.be32(pos) : w.src.le32(pos);
    }

    static Field u32(ImageWalk w, String name, long pos, boolean bigEndian, Map<Long, String> names) {
        long v = u32(w, pos, bigEndian);
        return Field.scalar(name, bigEndian ? FieldType.BE32 : FieldType.LE32, pos, v,
                names == null ? null : x -> names.getOrDefault(x & 0x7FFFFFFFL, "unknown")
                        + ((x & 0x80000000L) != 0 ? " (optional)" : ""));
    }

    /**
     * Reads the header at {@code pos} and checks that body and padding fit and that the padding is zero; returns
     * {@code null} when the record runs past the end (diagnosed).
     */
    static Header header(ImageWalk w, long pos, boolean bigEndian, String stream) {
        w.step(pos);
        if (!w.need(pos, 8, stream + " record header")) {
            return null;
        }
        long type = u32(w, pos, bigEndian);
        long len = u32(w, pos + 4, bigEndian);
        int pad = padding(len);
        if (len > w.size - pos - 8) {
            w.error(DiagnosticCode.CONTAINER_TRUNCATED, "v2-record-body", pos + 4, 4, stream, Hex.plain(type),
                    Offset.of(pos), len, w.size - pos - 8);
            return null;
        }
        long padAt = pos + 8 + len;
        if (pad > w.size - padAt) {
            w.error(DiagnosticCode.CONTAINER_TRUNCATED, "v2-record-padding", padAt, w.size - padAt, stream,
                    Offset.of(pos), pad, Offset.of(padAt));
            return null;
        }
        byte[] p = w.src.bytes(padAt, pad);
        for (int i = 0; i < p.length; i++) {
            if (p[i] != 0) {
                w.error(DiagnosticCode.CONTAINER_BAD_PADDING, "v2-record", padAt, pad, stream, Offset.of(pos),
                        Offset.of(padAt), Hex.spaced(p), pad);
                break;
            }
        }
        return new Header(pos, type, len, pad);
    }

    static List<Field> headerFields(ImageWalk w, Header h, boolean bigEndian, Map<Long, String> names) {
        List<Field> f = new ArrayList<>();
        f.add(u32(w, "type", h.offset(), bigEndian, names));
        f.add(u32(w, "body_length", h.offset() + 4, bigEndian, null));
        return f;
    }

    static void add(ImageWalk w, String type, Header h, String name, List<Field> fields) {
        w.records.add(new ContainerRecord(type, name, new Span(h.offset(), h.end() - h.offset()), fields, null));
    }
}
