package org.savevminspector.model;

import java.util.List;
import java.util.Objects;

/**
 * One section (v3) or record (v2/v1) of the stream.
 *
 * <p>A value with the accessors of a record. Sections of a parsed stream are made on demand from the parse's
 * compact store, and their field lists are decoded from the bytes the first time they are asked for (a stream of a
 * million sections would otherwise hold a million field trees); sections made with the public constructor carry
 * their lists.
 *
 * <ul>
 *   <li>{@code index}: position in the stream, from 0</li>
 *   <li>{@code type}: wire type</li>
 *   <li>{@code sectionId}: be32 section_id (FORMAT.md A.7)</li>
 *   <li>{@code idstr}: device name; for PART/END that of the START section they continue</li>
 *   <li>{@code instanceId}: be32 instance_id, or -1 for PART/END (which carry none)</li>
 *   <li>{@code versionId}: be32 version label, or -1 for PART/END</li>
 *   <li>{@code header}: header bytes</li>
 *   <li>{@code body}: body bytes as far as they are known (the shape walk's view, never past the data)</li>
 *   <li>{@code decoded}: whether a decoder described the body field by field</li>
 *   <li>{@code shapeVersion}: the version whose body layout the bytes were decoded with; differs from
 *       {@code versionId} when the label does not match the shape (FORMAT.md C.3); -1 when undecoded</li>
 *   <li>{@code headerFields}: the header, field by field</li>
 *   <li>{@code fields}: the body, field by field (empty when not decoded)</li>
 * </ul>
 */
public final class Section {
    private final int index;
    private final SectionType type;
    private final long sectionId;
    private final String idstr;
    private final long instanceId;
    private final long versionId;
    // the spans as numbers: a section made on demand is one object, its spans made when asked for
    private final long headerOffset;
    private final long headerLength;
    private final long bodyOffset;
    private final long bodyLength;
    private final boolean decoded;
    private final int shapeVersion;
    /** Where the field lists come from when they are not given; {@code null} when they were. */
    private final Fields source;
    // Set once, from immutable lists: a race at worst decodes twice and publishes equal lists.
    private List<Field> headerFields;
    private List<Field> fields;

    /**
     * Where the field lists of a section come from: decoded from the bytes of the file when first asked for. An
     * implementation decides which bytes it reads and how it does so safely from any thread.
     */
    public interface Fields {
        List<Field> headerFields(Section s);

        List<Field> fields(Section s);
    }

    public Section(int index, SectionType type, long sectionId, String idstr, long instanceId, long versionId,
                   Span header, Span body, boolean decoded, int shapeVersion,
                   List<Field> headerFields, List<Field> fields) {
        this(index, type, sectionId, idstr, instanceId, versionId, header, body, decoded, shapeVersion, null);
        this.headerFields = List.copyOf(headerFields);
        this.fields = List.copyOf(fields);
    }

    /** A section whose field lists {@code source} decodes when they are first asked for. */
    public Section(int index, SectionType type, long sectionId, String idstr, long instanceId, long versionId,
                   Span header, Span body, boolean decoded, int shapeVersion, Fields source) {
        this(index, type, sectionId, idstr, instanceId, versionId, header.offset(), header.length(), body.offset(),
                body.length(), decoded, shapeVersion, source);
    }

    /**
     * A section whose field lists {@code source} decodes when first asked for, its spans given as numbers (header
     * offset and length, body offset and length).
     */
    public Section(int index, SectionType type, long sectionId, String idstr, long instanceId, long versionId,
                   long headerOffset, long headerLength, long bodyOffset, long bodyLength, boolean decoded,
                   int shapeVersion, Fields source) {
        if (headerOffset < 0 || headerLength < 0 || bodyOffset < 0 || bodyLength < 0) {
            throw new IllegalArgumentException("negative span in section " + index);
        }
        this.index = index;
        this.type = type;
        this.sectionId = sectionId;
        this.idstr = idstr;
        this.instanceId = instanceId;
        this.versionId = versionId;
        this.headerOffset = headerOffset;
        this.headerLength = headerLength;
        this.bodyOffset = bodyOffset;
        this.bodyLength = bodyLength;
        this.decoded = decoded;
        this.shapeVersion = shapeVersion;
        this.source = source;
    }

    public int index() {
        return index;
    }

    public SectionType type() {
        return type;
    }

    public long sectionId() {
        return sectionId;
    }

    public String idstr() {
        return idstr;
    }

    public long instanceId() {
        return instanceId;
    }

    public long versionId() {
        return versionId;
    }

    public Span header() {
        return new Span(headerOffset, headerLength);
    }

    public Span body() {
        return new Span(bodyOffset, bodyLength);
    }

    public boolean decoded() {
        return decoded;
    }

    public int shapeVersion() {
        return shapeVersion;
    }

    /** The header, field by field. */
    public List<Field> headerFields() {
        List<Field> f = headerFields;
        if (f == null) {
            f = List.copyOf(source.headerFields(this));
            headerFields = f;
        }
        return f;
    }

    /** The body, field by field (empty when not decoded). */
    public List<Field> fields() {
        List<Field> f = fields;
        if (f == null) {
            f = List.copyOf(source.fields(this));
            fields = f;
        }
        return f;
    }

    /** Header and body together. */
    public Span span() {
        return new Span(headerOffset, headerLength + bodyLength);
    }

    /**
     * Offset of the be32 {@code version_id}: the last header field of a v3 section (FORMAT.md A.4), followed by
     * {@code record_len} in a v2/v1 record (FORMAT.md A.12); -1 for PART/END, which carry no version.
     */
    public long versionOffset() {
        if (!type.hasFullHeader()) {
            return -1;
        }
        return headerOffset + headerLength - (type == SectionType.RECORD ? 8 : 4);
    }

    /** Whether the body was decoded with a layout of another version than its label says. */
    public boolean labelMismatch() {
        return decoded && shapeVersion >= 0 && versionId >= 0 && shapeVersion != versionId;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || (o instanceof Section s && index == s.index && type == s.type && sectionId == s.sectionId
                && Objects.equals(idstr, s.idstr) && instanceId == s.instanceId && versionId == s.versionId
                && headerOffset == s.headerOffset && headerLength == s.headerLength && bodyOffset == s.bodyOffset
                && bodyLength == s.bodyLength && decoded == s.decoded
                && shapeVersion == s.shapeVersion && headerFields().equals(s.headerFields())
                && fields().equals(s.fields()));
    }

    @Override
    public int hashCode() {
        return Objects.hash(index, type, sectionId, idstr, instanceId, versionId, headerOffset, headerLength,
                bodyOffset, bodyLength, decoded, shapeVersion);
    }

    @Override
    public String toString() {
        return "Section[index=" + index + ", type=" + type + ", sectionId=" + sectionId + ", idstr=" + idstr
                + ", instanceId=" + instanceId + ", versionId=" + versionId + ", header=" + header() + ", body=" + body()
                + ", decoded=" + decoded + ", shapeVersion=" + shapeVersion + "]";
    }
}
