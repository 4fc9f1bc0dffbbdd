package org.savevminspector.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.savevminspector.fixtures.Bodies;
import org.savevminspector.fixtures.Fixtures;
import org.savevminspector.fixtures.StreamBuilder;
import org.savevminspector.io.ByteSource;
import org.savevminspector.model.Field;
import org.savevminspector.model.Section;
import org.savevminspector.model.SectionType;

/**
 * The compact store of a walk's sections: what it gives back by index, in order, by offset, moved and read from
 * another source is the same section, field for field.
 */
class SectionTableTest {
    private static final SavevmParser PARSER = SavevmParser.standard();

    private static ParseResult parse(byte[] b) {
        return PARSER.parse(ByteSource.of(b));
    }

    @Test
    void byIndexInOrderAndByOffsetTheSameSectionsForEveryFixture() {
        for (Map.Entry<String, byte[]> e : Fixtures.all().entrySet()) {
            ParseResult p = parse(e.getValue());
            List<Section> sections = p.sections();
            assertInstanceOf(SectionTable.class, sections, e.getKey());
            SectionTable.Finder finder = ((SectionTable) sections).finder();
            Iterator<Section> it = sections.iterator();
            for (int i = 0; i < sections.size(); i++) {
                Section s = sections.get(i);
                assertEquals(s, it.next(), e.getKey() + " #" + i);
                assertEquals(i, s.index());
                assertEquals(s.header().end(), s.body().offset(), e.getKey() + " #" + i);
                assertEquals(s, finder.at(s.header().offset()), e.getKey() + " #" + i);
                assertEquals(i, p.firstSectionAtOrAfter(s.header().offset()));
                assertEquals(i + 1, p.firstSectionAtOrAfter(s.header().offset() + 1));
                if (i + 1 < sections.size()) {
                    assertEquals(s.body().end(), sections.get(i + 1).header().offset(), "contiguous");
                }
            }
            assertEquals(sections.size(), p.firstSectionAtOrAfter(e.getValue().length + 1L));
        }
    }

    @Test
    void fieldsReadFromAnotherSourceOfTheSameBytesAreTheSame() {
        for (Map.Entry<String, byte[]> e : Fixtures.all().entrySet()) {
            ParseResult p = parse(e.getValue());
            ParseResult other = p.readingFrom(ByteSource.of(e.getValue().clone()));
            for (int i = 0; i < p.sections().size(); i++) {
                assertEquals(p.sections().get(i).headerFields(), other.sections().get(i).headerFields());
                assertEquals(p.sections().get(i).fields(), other.sections().get(i).fields(), e.getKey() + " #" + i);
            }
        }
    }

    @Test
    void aMovedTableHasEveryOffsetFurtherOnAndReadsItsFieldsThere() {
        byte[] stream = Fixtures.defaultGuest().bytes();
        byte[] image = new byte[100 + stream.length];
        System.arraycopy(stream, 0, image, 100, stream.length);
        ParseResult p = parse(stream);
        SectionTable moved = ((SectionTable) p.sections()).moved(100, ByteSource.of(image));
        for (int i = 0; i < moved.size(); i++) {
            Section a = p.sections().get(i);
            Section b = moved.get(i);
            assertEquals(a.header().offset() + 100, b.header().offset());
            assertEquals(a.body().offset() + 100, b.body().offset());
            assertEquals(a.body().length(), b.body().length());
            assertEquals(shifted(a.fields(), 100), b.fields());
            assertEquals(shifted(a.headerFields(), 100), b.headerFields());
        }
    }

    private static List<Field> shifted(List<Field> fields, long delta) {
        List<Field> out = new ArrayList<>();
        for (Field f : fields) {
            out.add(new Field(f.name(), f.type(), new org.savevminspector.model.Span(f.span().offset() + delta,
                    f.span().length()), f.value(), f.text(), f.meaning(), shifted(f.children(), delta)));
        }
        return out;
    }

    @Test
    void aHundredThousandTimersAreWhereTheirSizeSaysInAnyOrderOfQuestions() {
        StreamBuilder b = StreamBuilder.v3();
        for (int i = 0; i < 100_000; i++) {
            b.full(i + 1, "timer", 0, 2, Bodies.timer());
        }
        ParseResult p = parse(b.eof().build().bytes());
        List<Section> s = p.sections();
        assertEquals(100_000, s.size());
        for (int i : new int[] {99_999, 0, 64, 63, 65, 50_000, 1, 99_998}) {
            Section t = s.get(i);
            assertEquals(8 + 27L * i, t.header().offset());
            assertEquals(i + 1L, t.sectionId());
            assertEquals("timer", t.idstr());
            assertEquals(8, t.body().length());
            assertEquals(2, t.shapeVersion());
        }
        SectionTable.Finder f = ((SectionTable) s).finder();
        assertEquals(70_000, f.at(8 + 27L * 70_000).index());
        assertEquals(3, f.at(8 + 27L * 3).index());
        assertNull(f.at(9));
        assertEquals(12_345, f.get(12_345).index());
        assertEquals(8 + 27L * 12_346 + 19, f.bodyOffset(12_346));
        assertEquals(SectionType.FULL, f.type(99_999));
    }

    @Test
    void partSectionsTakeTheirDeviceFromTheirStart() {
        StreamBuilder b = StreamBuilder.v3().start(7, "ram", 0, 3, new byte[0]);
        for (int i = 0; i < 10_000; i++) {
            b.part(7, new byte[0]);
        }
        ParseResult p = parse(b.end(7, new byte[0]).eof().build().bytes());
        assertEquals(10_002, p.sections().size());
        int parts = 0;
        for (Section s : p.sections()) {
            if (s.type() == SectionType.PART) {
                parts++;
                assertEquals("ram", s.idstr());
                assertEquals(7, s.sectionId());
                assertEquals(-1, s.instanceId());
                assertEquals(3, s.shapeVersion());
                assertEquals(0, s.body().length());
                assertEquals(List.of(), s.fields());
            }
        }
        assertEquals(10_000, parts);
        assertEquals(SectionType.END, p.sections().get(10_001).type());
        assertEquals(8 + 17 + 5L * 10_000, p.sections().get(10_001).header().offset());
    }

    @Test
    void aMadeSectionIsKeptForTheNextQuestion() {
        ParseResult p = parse(Fixtures.defaultGuest().bytes());
        assertSame(p.sections().get(5), p.sections().get(5));
    }

    /** Two threads decode every section's fields of one file-backed parse at once: each gets what one thread gets. */
    @Test
    void fieldsDecodeFromAFileOnTwoThreadsAtOnce(@TempDir Path dir) throws Exception {
        byte[] bytes = Fixtures.defaultGuest().bytes();
        Path file = Files.write(dir.resolve("g.qevm"), bytes);
        List<List<Field>> expected = new ArrayList<>();
        for (Section s : parse(bytes).sections()) {
            expected.add(s.fields());
        }
        try (ByteSource src = ByteSource.open(file)) {
            ParseResult p = PARSER.parse(src);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<?>> runs = new ArrayList<>();
                for (int t = 0; t < 2; t++) {
                    runs.add(pool.submit(() -> {
                        for (int round = 0; round < 20; round++) {
                            // a fresh view each round: no section's cached fields are shared between threads
                            ParseResult view = p.readingFrom(src);
                            for (int i = 0; i < view.sections().size(); i++) {
                                assertEquals(expected.get(i), view.sections().get(i).fields());
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> f : runs) {
                    f.get();
                }
            } finally {
                pool.shutdown();
            }
        }
    }
}
