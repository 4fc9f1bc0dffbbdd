package org.savevminspector.model;

import java.util.List;

/**
 * One section (v3) or record (v2/v1) of the stream.
 *
 * @param index        position in the stream, from 0
 * @param type         wire type
 * @param sectionId    be32 section_id (FORMAT.md A.7)
 * @param idstr        device name; for PART/END that of the START section they continue
 * @param instanceId   be32 instance_id, or -1 for PART/END (which carry none)
 * @param versionId    be32 version label, or -1 for PART/END
 * @param header       header bytes
 * @param body         body bytes as far as they are known (the shape walk's view, never past the data)
 * @param decoded      whether a decoder described the body field by field
 * @param shapeVersion the version whose body layout the bytes were decoded with; differs from
 *                     {@code versionId} when the label does not match the shape (FORMAT.md C.3); -1 when undecoded
 * @param headerFields the header, field by field
 * @param fields       the body, field by field (empty when not decoded)
 */
public record Section(int index, SectionType type, long sectionId, String idstr, long instanceId, long versionId,
                      Span header, Span body, boolean decoded, int shapeVersion,
                      List<Field> headerFields, List<Field> fields) {

    public Section {
        headerFields = List.copyOf(headerFields);
        fields = List.copyOf(fields);
    }

    /** Header and body together. */
    public Span span() {
        return new Span(header.offset(), header.length() + body.length());
    }

    /**
     * Offset of the be32 {@code version_id}: the last header field of a v3 section (FORMAT.md A.4), followed by
     * {@code record_len} in a v2/v1 record (FORMAT.md A.12); -1 for PART/END, which carry no version.
     */
    public long versionOffset() {
        if (!type.hasFullHeader()) {
            return -1;
        }
        return header.end() - (type == SectionType.RECORD ? 8 : 4);
    }

    /** Whether the body was decoded with a layout of another version than its label says. */
    public boolean labelMismatch() {
        return decoded && shapeVersion >= 0 && versionId >= 0 && shapeVersion != versionId;
    }
}
