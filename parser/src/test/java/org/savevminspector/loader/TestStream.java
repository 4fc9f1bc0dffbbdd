package org.savevminspector.loader;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.savevminspector.fixtures.ByteWriter;
import org.savevminspector.io.ByteSource;
import org.savevminspector.model.FileHeader;
import org.savevminspector.model.Section;
import org.savevminspector.model.SectionType;
import org.savevminspector.model.Span;
import org.savevminspector.model.StreamFormat;
import org.savevminspector.stream.ParseResult;

/**
 * Builds a QEVM v3 stream and the shape walk a correct parser gives for it (sections where the writer put them),
 * so that the loader can be tested without the real parser.
 */
final class TestStream {
    private final ByteWriter out = new ByteWriter();
    private final List<Section> sections = new ArrayList<>();
    private Span eof;

    static TestStream v3() {
        TestStream s = new TestStream();
        s.be32(0x5145564DL).be32(3);
        return s;
    }

    /** The 27-byte ram START/PART/END prefix every i386-dm file has (FORMAT.md A.11). */
    TestStream ramPrefix() {
        return start(1, "ram", 0, 3).part(0x02, 1).part(0x03, 1);
    }

    TestStream start(long sid, String idstr, long instance, long version) {
        return header(SectionType.START, sid, idstr, instance, version, new byte[0]);
    }

    TestStream part(int type, long sid) {
        long at = out.position();
        u8(type).be32(sid);
        sections.add(new Section(sections.size(), type == 2 ? SectionType.PART : SectionType.END, sid, "ram", -1, -1,
                new Span(at, 5), new Span(at + 5, 0), true, -1, List.of(), List.of()));
        return this;
    }

    TestStream full(long sid, String idstr, long instance, long version, byte[] body) {
        return header(SectionType.FULL, sid, idstr, instance, version, body);
    }

    private TestStream header(SectionType type, long sid, String idstr, long instance, long version, byte[] body) {
        long at = out.position();
        byte[] name = idstr.getBytes(StandardCharsets.ISO_8859_1);
        u8(type.code()).be32(sid).u8(name.length);
        out.bytes(name);
        be32(instance).be32(version);
        long bodyAt = out.position();
        out.bytes(body);
        sections.add(new Section(sections.size(), type, sid, idstr, instance, version, new Span(at, bodyAt - at),
                new Span(bodyAt, body.length), true, (int) version, List.of(), List.of()));
        return this;
    }

    TestStream eof() {
        eof = new Span(out.position(), 1);
        return u8(0);
    }

    TestStream raw(byte... bytes) {
        out.bytes(bytes);
        return this;
    }

    TestStream u8(int v) {
        out.u8(v);
        return this;
    }

    TestStream be32(long v) {
        out.be32(v);
        return this;
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    ByteSource source() {
        return ByteSource.of(bytes());
    }

    ParseResult parse() {
        long size = out.position();
        FileHeader header = new FileHeader(new Span(0, Math.min(8, size)), 0x5145564DL, 3, StreamFormat.QEVM_V3, -1,
                List.of());
        return new ParseResult(size, header, sections, eof, null, null, List.of());
    }

    /** Index of the section with this idstr (first one). */
    int indexOf(String idstr) {
        return sections.stream().filter(s -> idstr.equals(s.idstr()) && s.type().hasFullHeader())
                .mapToInt(Section::index).findFirst().orElseThrow();
    }

    Section section(String idstr) {
        return sections.get(indexOf(idstr));
    }
}
