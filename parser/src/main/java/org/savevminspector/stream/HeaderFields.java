package org.savevminspector.stream;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.savevminspector.io.ByteSource;
import org.savevminspector.model.Field;
import org.savevminspector.model.FieldType;
import org.savevminspector.model.Meaning;
import org.savevminspector.model.SectionType;

/** Field-by-field views of section headers (FORMAT.md A.4) and v2/v1 record headers (FORMAT.md A.12), for the viewer. */
final class HeaderFields {
    /** The name of a header's type byte, which the walk has read as START, PART, END or FULL. */
    private static final Meaning TYPE_NAME = v -> "QEMU_VM_SECTION_" + SectionType.fromCode((int) v).name();

    private HeaderFields() {
    }

    static String idstr(ByteSource src, long at, int len) {
        return new String(src.bytes(at, len), StandardCharsets.ISO_8859_1);
    }

    /** FULL/START header at {@code p}: type, section_id, idstr length, idstr, instance_id, version_id. */
    static List<Field> full(ByteSource src, long p, int len, String idstr) {
        return List.of(
                Field.scalar("section_type", FieldType.U8, p, src.u8(p), TYPE_NAME),
                Field.scalar("section_id", FieldType.BE32, p + 1, src.be32(p + 1), null),
                Field.scalar("idstr_len", FieldType.U8, p + 5, len, null),
                Field.ascii("idstr", p + 6, idstr),
                Field.scalar("instance_id", FieldType.BE32, p + 6 + len, src.be32(p + 6 + len), null),
                Field.scalar("version_id", FieldType.BE32, p + 10 + len, src.be32(p + 10 + len), null));
    }

    /** PART/END header: type and section_id. */
    static List<Field> shortHeader(ByteSource src, long p) {
        return List.of(
                Field.scalar("section_type", FieldType.U8, p, src.u8(p), TYPE_NAME),
                Field.scalar("section_id", FieldType.BE32, p + 1, src.be32(p + 1), null));
    }

    /** v2/v1 record header: idstr length, idstr, instance_id, version_id, record_len. */
    static List<Field> record(ByteSource src, long p, int len, String idstr) {
        return List.of(
                Field.scalar("idstr_len", FieldType.U8, p, len, null),
                Field.ascii("idstr", p + 1, idstr),
                Field.scalar("instance_id", FieldType.BE32, p + 1 + len, src.be32(p + 1 + len), null),
                Field.scalar("version_id", FieldType.BE32, p + 5 + len, src.be32(p + 5 + len), null),
                Field.scalar("record_len", FieldType.BE32, p + 9 + len, src.be32(p + 9 + len), null));
    }
}
