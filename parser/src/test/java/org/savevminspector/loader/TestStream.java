package org.savevminspector.loader;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.savevminspector.fixtures.ByteWriter;
import org.savevminspector.fixtures.SectionRecord;
import org.savevminspector.fixtures.Stream;
import org.savevminspector.fixtures.StreamBuilder;
import org.savevminspector.io.ByteSource;
import org.savevminspector.model.FileHeader;
import org.savevminspector.model.Section;
import org.savevminspector.model.SectionType;
import org.savevminspector.model.Span;
import org.savevminspector.model.StreamFormat;
import org.savevminspector.stream.ParseResult;

/**
 * A QEVM v3 stream written by the fixtures' {@link StreamBuilder} and the shape walk a correct parser gives for it
 * (sections where the writer put them, as the builder recorded them), so that the loader can be tested without
 * the real parser.
 */
final class TestStream {
    private final StreamBuilder out;

    /** Nothing written yet, not even the magic. */
    TestStream() {
        this(StreamBuilder.empty());
    }

    private TestStream(StreamBuilder out) {
        this.out = out;
    }

    static TestStream v3() {
        return new TestStream(StreamBuilder.v3());
    }

    /** Everything a fixture wrote so far, e.g. {@link org.savevminspector.fixtures.ReplayGuest#write()}. */
    static TestStream of(StreamBuilder written) {
        return new TestStream(written);
    }

    /** The 27-byte ram START/PART/END prefix every i386-dm file has (FORMAT.md A.11). */
    TestStream ramPrefix() {
        out.ramLive(1);
        return this;
    }

    TestStream start(long sid, String idstr, long instance, long version) {
        out.start(sid, idstr, instance, version, new byte[0]);
        return this;
    }

    /** A PART (0x02) or END (0x03) section with an empty payload. */
    TestStream part(int type, long sid) {
        if (type == 0x02) {
            out.part(sid, new byte[0]);
        } else {
            out.end(sid, new byte[0]);
        }
        return this;
    }

    TestStream full(long sid, String idstr, long instance, long version, byte[] body) {
        out.full(sid, idstr, instance, version, body);
        return this;
    }

    TestStream eof() {
        out.eof();
        return this;
    }

    TestStream raw(byte... bytes) {
        out.raw(bytes);
        return this;
    }

    TestStream u8(int v) {
        out.bytes(v & 0xFF);
        return this;
    }

    TestStream be32(long v) {
        out.raw(new ByteWriter().be32(v).toByteArray());
        return this;
    }

    byte[] bytes() {
        return out.build().bytes();
    }

    ByteSource source() {
        return ByteSource.of(bytes());
    }

    ParseResult parse() {
        Stream written = out.build();
        long size = written.length();
        List<Section> sections = new ArrayList<>();
        Map<Long, String> started = new HashMap<>();
        Span eof = null;
        for (SectionRecord r : written.sections()) {
            Span header = new Span(r.headerOffset(), r.bodyOffset() - r.headerOffset());
            Span body = new Span(r.bodyOffset(), r.bodyLength());
            switch (r.kind()) {
                case EOF -> eof = new Span(r.headerOffset(), 1);
                case START, FULL -> {
                    started.put(r.sectionId(), r.idstr());
                    SectionType type = r.kind() == SectionRecord.Kind.START ? SectionType.START : SectionType.FULL;
                    sections.add(new Section(sections.size(), type, r.sectionId(), r.idstr(), r.instance(),
                            r.version(), header, body, true, (int) r.version(), List.of(), List.of()));
                }
                case PART, END -> sections.add(new Section(sections.size(),
                        r.kind() == SectionRecord.Kind.PART ? SectionType.PART : SectionType.END, r.sectionId(),
                        started.getOrDefault(r.sectionId(), ""), -1, -1, header, body, true, -1, List.of(),
                        List.of()));
                case RECORD -> throw new IllegalStateException("a v1/v2 record in a v3 stream");
            }
        }
        FileHeader fileHeader = new FileHeader(new Span(0, Math.min(8, size)), StreamBuilder.MAGIC, 3,
                StreamFormat.QEVM_V3, -1, List.of());
        return new ParseResult(size, fileHeader, sections, eof, null, null, List.of());
    }

    /** Index of the section with this idstr (first one). */
    int indexOf(String idstr) {
        return parse().sections().stream().filter(s -> idstr.equals(s.idstr()) && s.type().hasFullHeader())
                .mapToInt(Section::index).findFirst().orElseThrow();
    }

    Section section(String idstr) {
        return parse().sections().get(indexOf(idstr));
    }
}
