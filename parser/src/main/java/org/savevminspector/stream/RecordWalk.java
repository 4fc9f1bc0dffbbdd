package org.savevminspector.stream;

import java.util.List;
import java.util.Optional;
import org.savevminspector.devices.DeviceCatalog;
import org.savevminspector.devices.DeviceLayout;
import org.savevminspector.devices.layout.Cursor;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.diagnostics.DiagnosticCode;
import org.savevminspector.io.ByteSource;
import org.savevminspector.model.Field;
import org.savevminspector.model.Hex;
import org.savevminspector.model.Section;
import org.savevminspector.model.SectionType;
import org.savevminspector.model.Span;

/**
 * The walk of the self-delimiting formats: v2-compat records up to {@code 16 + total_len} (§A.12) and v1
 * records up to the end of the data (§A.13). Each record carries its body length, so no layout is needed to
 * walk; a layout is used to decode the body when its length agrees with {@code record_len}.
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
     * @param pos first record
     * @param end end of the records: {@code 16 + total_len} for v2, the data size for v1
     */
    void walk(long pos, long end) {
        long size = src.size();
        long limit = Math.min(end, size);
        if (end > size) {
            st.diagnostics.add(new Diagnostic(DiagnosticCode.TRUNCATED, size, 0, -1,
                    "the v2 header announces " + (end - 16) + " bytes of records (to offset " + Hex.offset(end)
                            + ") but the data ends at " + Hex.offset(size),
                    "total_len at offset 8 counts the bytes after it (§A.12); the file was cut short."));
        }
        while (pos < limit) {
            st.step(pos);
            // pos < limit <= size, so the length byte is there; the rest of the header must end by limit
            int len = src.u8(pos);
            if (pos + 13L + len > limit) {
                st.diagnostics.add(new Diagnostic(DiagnosticCode.TRUNCATED, pos, limit - pos, -1,
                        "data ends inside a record header at offset " + Hex.offset(pos), ""));
                st.unparsed = new Span(pos, size - pos);
                return;
            }
            String idstr = HeaderFields.idstr(src, pos + 1, len);
            long instance = src.be32(pos + 1 + len);
            long version = src.be32(pos + 5 + len);
            long recordLen = src.be32(pos + 9 + len);
            long bodyStart = pos + 13 + len;
            long available = Math.min(recordLen, limit - bodyStart);
            int index = st.sections.size();
            Optional<DeviceLayout> known = catalog.find(idstr, version);
            Optional<DeviceLayout> layout = known.filter(d -> fits(d, bodyStart, recordLen));
            List<Field> fields = layout.map(d -> d.layout().decode(src, bodyStart, bodyStart + available))
                    .orElse(List.of());
            Section s = new Section(index, SectionType.RECORD, -1, idstr, instance, version,
                    new Span(pos, 13L + len), new Span(bodyStart, available), layout.isPresent(),
                    layout.map(DeviceLayout::version).orElse(-1), HeaderFields.record(src, pos, len, idstr), fields);
            st.sections.add(s);
            if (layout.isEmpty()) {
                String why = known.isPresent()
                        ? "its record_len " + recordLen + " differs from the length of the known layout"
                        : "no decoder knows '" + idstr + "' v" + version;
                st.diagnostics.add(Diagnostic.of(DiagnosticCode.UNKNOWN_DEVICE, pos, 13L + len, index,
                        "record '" + idstr + "' v" + version + " at offset " + Hex.offset(pos) + " is shown undecoded: "
                                + why + " (the record length still delimits it)"));
            }
            if (available < recordLen) {
                st.diagnostics.add(Diagnostic.of(DiagnosticCode.TRUNCATED, bodyStart, available, index,
                        "data ends inside record '" + idstr + "' at offset " + Hex.offset(bodyStart) + ": "
                                + recordLen + " bytes announced, " + available + " present"));
                return;
            }
            pos = bodyStart + recordLen;
        }
        if (pos < size) {
            st.trailing = new Span(pos, size - pos);
            st.diagnostics.add(Diagnostic.of(DiagnosticCode.TRAILING_BYTES, pos, size - pos, -1,
                    (size - pos) + " byte(s) after the last record (offset " + Hex.offset(pos) + ")"));
        }
    }

    private boolean fits(DeviceLayout d, long bodyStart, long recordLen) {
        try {
            return d.layout().measure(src, bodyStart, bodyStart + recordLen) == recordLen;
        } catch (Cursor.Truncated t) {
            return false;
        }
    }
}
