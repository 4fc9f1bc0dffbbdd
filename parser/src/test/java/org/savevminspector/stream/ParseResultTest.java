package org.savevminspector.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.savevminspector.devices.checks.CheckCatalog;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.fixtures.Bodies;
import org.savevminspector.fixtures.Fixtures;
import org.savevminspector.fixtures.StreamBuilder;
import org.savevminspector.io.ByteSource;
import org.savevminspector.model.Section;
import org.savevminspector.model.Span;

/**
 * A parse as a value: made by the walk (sections in a {@link SectionTable}) or from a list of sections (an image's
 * stream moved to image offsets, a report's sample), it answers the same questions the same way.
 */
class ParseResultTest {
    private static final SavevmParser PARSER = SavevmParser.standard();

    private static ParseResult parse(byte[] b) {
        return PARSER.parse(ByteSource.of(b));
    }

    /** The same parse with its sections in a plain list, as {@code Relocation} and the reports' samples make one. */
    private static ParseResult listed(ParseResult p) {
        return new ParseResult(p.size(), p.header(), new ArrayList<>(p.sections()), p.eof(), p.trailing(),
                p.unparsed(), new ArrayList<>(p.diagnostics()));
    }

    @Test
    void aListOfSectionsAnswersWhichSectionStartsAtOrAfterAnOffsetAsTheTableDoes() {
        ParseResult p = parse(Fixtures.defaultGuest().bytes());
        ParseResult l = listed(p);
        assertEquals(0, l.firstSectionAtOrAfter(-1));
        assertEquals(0, l.firstSectionAtOrAfter(0));
        for (Section s : p.sections()) {
            long h = s.header().offset();
            for (long at : new long[] {h - 1, h, h + 1, s.body().end()}) {
                assertEquals(p.firstSectionAtOrAfter(at), l.firstSectionAtOrAfter(at), "offset " + at);
            }
            assertEquals(s.index(), l.firstSectionAtOrAfter(h));
            assertEquals(s.index() + 1, l.firstSectionAtOrAfter(h + 1));
        }
        assertEquals(p.sections().size(), l.firstSectionAtOrAfter(p.size()));
        ParseResult none = new ParseResult(8, p.header(), List.of(), null, null, null, List.of());
        assertEquals(0, none.firstSectionAtOrAfter(0));
        assertEquals(0, none.firstSectionAtOrAfter(100));
    }

    @Test
    void theNamedChecksOfAListOfSectionsAreWhatTheWalkRecordedForThem() {
        for (byte[] b : List.of(Fixtures.defaultGuest().bytes(), Fixtures.piix4acpiCase().bytes(),
                Fixtures.xenServer62().bytes())) {
            ParseResult p = parse(b);
            ParseResult l = listed(p);
            List<CheckCatalog.Result> expected = CheckCatalog.standard().run(p.sections()).results();
            assertEquals(CheckCatalog.standard().checks().size(), expected.size());
            assertEquals(expected, p.checks());
            assertEquals(expected, l.checks());
            assertSame(l.checks(), l.checks(), "run once, then kept");
        }
    }

    /** The GUI parses through one source and reads fields through another: they come from the second one. */
    @Test
    void fieldsComeFromTheSourceTheParseReadsFrom() {
        byte[] timer = Bodies.timer();
        byte[] other = timer.clone();
        other[0] ^= 0x5A;
        other[timer.length - 1] ^= 0x33;
        byte[] a = StreamBuilder.v3().full(0, "timer", 0, 2, timer).eof().build().bytes();
        byte[] b = StreamBuilder.v3().full(0, "timer", 0, 2, other).eof().build().bytes();
        ParseResult p = parse(a);
        ParseResult rebound = p.readingFrom(ByteSource.of(b));
        assertEquals(parse(b).sections().get(0).fields(), rebound.sections().get(0).fields());
        assertNotEquals(p.sections().get(0).fields(), rebound.sections().get(0).fields());
        assertEquals(p.diagnostics(), rebound.diagnostics());
        assertEquals(p.checks(), rebound.checks());
        // a list of sections carries its own fields: nothing to rebind
        ParseResult l = listed(p);
        assertSame(l, l.readingFrom(ByteSource.of(b)));
    }

    @Test
    void aParseKeepsNeitherListItWasMadeFrom() {
        ParseResult p = parse(Fixtures.piix4acpiCase().bytes());
        List<Section> sections = new ArrayList<>(p.sections());
        List<Diagnostic> diagnostics = new ArrayList<>(p.diagnostics());
        ParseResult l = new ParseResult(p.size(), p.header(), sections, p.eof(), null, null, diagnostics);
        int n = diagnostics.size();
        sections.clear();
        diagnostics.clear();
        assertEquals(p.sections().size(), l.sections().size());
        assertEquals(n, l.diagnostics().size());
        assertEquals(p.diagnostics(), l.diagnostics());
    }

    @Test
    void equalWhenEveryPartIsEqual() {
        byte[] bytes = Fixtures.defaultGuest().bytes();
        ParseResult p = parse(bytes);
        ParseResult again = parse(bytes);
        assertEquals(p, again);
        assertEquals(p.hashCode(), again.hashCode());
        assertEquals(p, p.readingFrom(ByteSource.of(bytes.clone())));
        assertEquals(p, listed(p));
        assertEquals(p.hashCode(), listed(p).hashCode());
        Span eof = p.eof();
        assertNotEquals(p, new ParseResult(p.size() + 1, p.header(), p.sections(), eof, null, null, p.diagnostics()));
        assertNotEquals(p, new ParseResult(p.size(), null, p.sections(), eof, null, null, p.diagnostics()));
        assertNotEquals(p, new ParseResult(p.size(), p.header(), p.sections().subList(1, p.sections().size()), eof,
                null, null, p.diagnostics()));
        assertNotEquals(p, new ParseResult(p.size(), p.header(), p.sections(), null, null, null, p.diagnostics()));
        assertNotEquals(p, new ParseResult(p.size(), p.header(), p.sections(), eof, Span.of(eof.end(), 1), null,
                p.diagnostics()));
        assertNotEquals(p, new ParseResult(p.size(), p.header(), p.sections(), eof, null, Span.of(eof.end(), 1),
                p.diagnostics()));
        assertNotEquals(p, parse(Fixtures.piix4acpiCase().bytes()));
        assertNotEquals(p, "a parse");
    }

    @Test
    void itsTextSaysWhatItHolds() {
        ParseResult p = parse(StreamBuilder.v3().full(0, "timer", 0, 2, Bodies.timer()).eof().bytes(1, 2).build()
                .bytes());
        assertEquals("ParseResult[size=38, format=QEVM_V3, sections=1, eof=" + Span.of(35, 1) + ", trailing="
                + Span.of(36, 2) + ", unparsed=null, diagnostics=1]", p.toString());
    }
}
