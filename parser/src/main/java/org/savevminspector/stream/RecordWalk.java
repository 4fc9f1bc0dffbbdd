package org.savevminspector.stream;

import java.util.ArrayList;
import java.util.List;
import org.savevminspector.devices.DeviceCatalog;
import org.savevminspector.devices.DeviceLayout;
import org.savevminspector.devices.layout.Cursor;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.diagnostics.DiagnosticCode;
import org.savevminspector.diagnostics.Offset;
import org.savevminspector.io.ByteSource;
import org.savevminspector.model.Field;
import org.savevminspector.model.SectionType;
import org.savevminspector.model.Span;

/**
 * The walk of the self-delimiting formats: v2-compat records up to {@code 16 + total_len} (FORMAT.md A.12) and v1
 * records up to the end of the data (FORMAT.md A.13) or, in XenServer's v1 dialect, up to a zero length byte (Appendix
 * X.2). Each record carries its body length, so no layout is needed to walk. The body is decoded with the
 * layout of its label — or with an alternative body of the same label (the 2008 {@code pcislots}, XenServer's
 * v1-dialect bodies) when that is the one whose length is {@code record_len}. When no layout has that length the
 * labelled one still decodes what it can inside the record, and the disagreement is a diagnostic.
 */
final class RecordWalk {
    private final ByteSource src;
    private final DeviceCatalog catalog;
    private final WalkState st;

    RecordWalk(ByteSource src, DeviceCatalog catalog, WalkState state) {
        this.src = src;
        this.catalog = catalog;
        this.st = state;
    }

    /**
     * @param pos        first record
     * @param end        end of the records: {@code 16 + total_len} for v2, the data size for v1
     * @param fileVersion 2 or 1; only version 1 files can end with XenServer's zero length byte
     */
    void walk(long pos, long end, int fileVersion) {
        long size = src.size();
        long limit = Math.min(end, size);
        if (end > size) {
            st.diagnostics.add(Diagnostic.raise(DiagnosticCode.TRUNCATED, "v2-total-length", size, 0, -1, end - 16,
                    Offset.of(end), Offset.of(size)));
        }
        while (pos < limit) {
            st.step(pos);
            // pos < limit <= size, so the length byte is there; the rest of the header must end by limit
            int len = src.u8(pos);
            if (len == 0 && fileVersion == 1) {
                xenServerTerminator(pos, size);
                return;
            }
            if (pos + 13L + len > limit) {
                st.diagnostics.add(Diagnostic.raise(DiagnosticCode.TRUNCATED, "record-header", pos, limit - pos, -1,
                        Offset.of(pos)));
                st.unparsed = new Span(pos, size - pos);
                return;
            }
            String idstr = st.sections.intern(HeaderFields.idstr(src, pos + 1, len));
            long instance = src.be32(pos + 1 + len);
            long version = src.be32(pos + 5 + len);
            long recordLen = src.be32(pos + 9 + len);
            long bodyStart = pos + 13 + len;
            long available = Math.min(recordLen, limit - bodyStart);
            List<DeviceLayout> candidates = catalog.alternatives(idstr, version);
            DeviceLayout fitting = candidates.stream().filter(d -> fits(d, bodyStart, recordLen)).findFirst()
                    .orElse(null);
            DeviceLayout shape = fitting != null ? fitting : candidates.isEmpty() ? null : candidates.get(0);
            int index = st.add(SectionType.RECORD, pos, -1, idstr, instance, version, available, shape);
            if (shape == null) {
                st.diagnostics.add(DiagnosticCode.UNKNOWN_DEVICE, pos, 13L + len, index, st.templates.unknownRecord, 0);
            } else if (fitting == null) {
                lengthMismatch(index, shape, version, pos + 9 + len, bodyStart, recordLen);
            } else if (!fitting.variant().isEmpty()) {
                st.diagnostics.add(DiagnosticCode.FORMAT_INFO, pos, 13L + len, index, st.templates.recordVariant,
                        recordLen);
            }
            if (available < recordLen) {
                st.diagnostics.add(Diagnostic.raise(DiagnosticCode.TRUNCATED, "record-body", bodyStart, available,
                        index, idstr, Offset.of(bodyStart), recordLen, available));
                return;
            }
            pos = bodyStart + recordLen;
        }
        if (pos < size) {
            st.trailing = new Span(pos, size - pos);
            st.diagnostics.add(Diagnostic.raise(DiagnosticCode.TRAILING_BYTES, "after-last-record", pos, size - pos,
                    -1, size - pos, Offset.of(pos)));
        }
    }

    /** XenServer's v1 loader stops at a zero length byte where the next record's idstr length belongs. */
    private void xenServerTerminator(long pos, long size) {
        st.eof = new Span(pos, 1);
        st.diagnostics.add(Diagnostic.raise(DiagnosticCode.FORMAT_INFO, "xenserver-v1-terminator", pos, 1, -1,
                Offset.of(pos)));
        if (pos + 1 < size) {
            st.trailing = new Span(pos + 1, size - pos - 1);
            st.diagnostics.add(Diagnostic.raise(DiagnosticCode.TRAILING_BYTES, "after-v1-terminator", pos + 1,
                    size - pos - 1, -1, size - pos - 1, Offset.of(pos)));
        }
    }

    /**
     * The fields of a record decoded with {@code fields} of its body {@code [start, end)}, bounded by the record:
     * fields that would cross its end are left out by the decoder, and a body shorter than the record gets the
     * rest as one {@code record_tail} field, so every byte still has a node.
     */
    static List<Field> withTail(List<Field> fields, long start, long end) {
        long decodedEnd = fields.isEmpty() ? start : fields.get(fields.size() - 1).span().end();
        if (decodedEnd >= end) {
            return fields;
        }
        List<Field> out = new ArrayList<>(fields);
        out.add(Field.bytes("record_tail", decodedEnd, end - decodedEnd));
        return out;
    }

    /** RECORD_LENGTH_MISMATCH: the number packs record_len and what the labelled layout decodes (see its template). */
    private void lengthMismatch(int index, DeviceLayout shape, long version, long recordLenAt, long bodyStart,
                                long recordLen) {
        long measured;
        try {
            measured = shape.layout().measure(src, bodyStart, src.size());
        } catch (Cursor.Truncated t) {
            measured = -1;
        }
        if (measured + 1 <= 0xFFFFFFFFL) {
            st.diagnostics.add(DiagnosticCode.RECORD_LENGTH_MISMATCH, recordLenAt, 4, index,
                    st.templates.recordLength, recordLen | (measured + 1) << 32);
        } else {
            // a count so large the length does not fit the template's number: the texts now, once
            st.diagnostics.add(new Diagnostic(DiagnosticCode.RECORD_LENGTH_MISMATCH, recordLenAt, 4, index,
                    StreamTemplates.recordLength(measured).text(StreamTemplates.recordLengthArgs(
                            st.sections.lastIdstr(), version, recordLenAt - 9 - st.sections.lastIdstr().length(),
                            recordLen, shape, measured))));
        }
    }

    private boolean fits(DeviceLayout d, long bodyStart, long recordLen) {
        try {
            // counts and flags must lie inside both the record and the data (a cut file's record_len runs past it)
            long limit = Math.min(bodyStart + recordLen, src.size());
            return d.layout().measure(src, bodyStart, limit) == recordLen;
        } catch (Cursor.Truncated t) {
            return false;
        }
    }
}
