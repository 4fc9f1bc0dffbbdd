package org.savevminspector.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.savevminspector.fixtures.Bodies;
import org.savevminspector.fixtures.ByteWriter;
import org.savevminspector.model.Section;
import org.savevminspector.model.SectionType;
import org.savevminspector.model.Span;
import org.savevminspector.stream.ParseResult;

class LoaderFindingsTest {
    private final LoaderSimulator simulator = new LoaderSimulator(TestCatalog.catalog());

    private LoaderReport run(TestStream s) {
        return simulator.simulate(s.source(), s.parse()).report();
    }

    /**
     * Three timers, each overwriting the one before; the third has two body bytes more than timer_load reads, the
     * first of them 0 (the EOF marker), so the fourth is never read. The findings come in section order.
     */
    @Test
    void sectionsNotRestoredAreListedInSectionOrderWhateverTheReason() {
        byte[] ends = Arrays.copyOf(Bodies.timer(), 10);
        LoaderReport r = run(TestStream.v3().full(1, "timer", 0, 2, Bodies.timer()).full(2, "timer", 0, 2,
                Bodies.timer()).full(3, "timer", 0, 2, ends).full(4, "timer", 0, 2, Bodies.timer()).eof());
        assertEquals(LoadOutcome.LOADED, r.outcome());
        assertEquals(90, r.stoppedAt());
        assertEquals(List.of(new LoaderReport.NotRestored(0, "timer", 0, CompactReportTest.overwritten(1)),
                new LoaderReport.NotRestored(1, "timer", 0, CompactReportTest.overwritten(2)),
                new LoaderReport.NotRestored(3, "timer", 0, "never read: the loader stopped at offset 90 (0x5A) and "
                        + "reported success")), r.notRestored());
        assertEquals(List.of(new LoaderReport.Misread(2, "timer", 89, 10, 8, "timer v2 reads 8 of the 10 body bytes: "
                + "the last 2 byte(s) are not restored and the byte at offset 89 (0x59) is read as the next section "
                + "type")), r.misreads());
        assertEquals("upstream qemu-dm reports success and resumes the guest, but 3 section(s) are not restored, with "
                + "no message: #0 timer, #1 timer, #3 timer.", r.consequences().get(0));
    }

    /**
     * A timer body that holds, after timer_load's 8 bytes, a whole FULL timer section: the loader reads it as a
     * section of its own, which the walk does not have.
     */
    @Test
    void bytesReadAsASectionHeaderAreAMisreadOutOfStep() {
        byte[] inner = new ByteWriter().bytes(Bodies.timer()).u8(4).be32(9).u8(5).ascii("timer").be32(0).be32(2)
                .bytes(Bodies.timer()).toByteArray();
        LoaderReport r = run(TestStream.v3().full(1, "timer", 0, 2, inner).eof());
        assertEquals(LoadOutcome.LOADED, r.outcome());
        assertEquals(new LoaderRead(-1, "timer", 0, 2, 35, 54, 8, LoadStep.LOADED,
                "vl.c:timer_load reads 8 body bytes as version 2", List.of()), r.reads().get(1));
        String shortRead = "timer v2 reads 8 of the 35 body bytes: the last 27 byte(s) are not restored and the byte "
                + "at offset 35 (0x23) is read as the next section type";
        String outOfStep = "bytes at offset 35 (0x23) that are no section header are read as section 'timer'";
        assertEquals(List.of(new LoaderReport.Misread(0, "timer", 35, 35, 8, shortRead),
                new LoaderReport.Misread(-1, "timer", 35, -1, 8, outOfStep)), r.misreads());
        assertEquals(List.of(), r.notRestored());
        assertEquals(List.of("upstream qemu-dm reports success and resumes the guest, but reads some state "
                + "differently from how it was written:", shortRead + ".", outOfStep + "."), r.consequences());
    }

    /**
     * A shape walk given by a caller (not the parser's table) may hold a section without an idstr: the loader has
     * nothing to name it by, and it is not listed as not restored; a named section the load never reached is.
     */
    @Test
    void aSectionWithoutAnIdstrIsNotListedAsNotRestored() {
        TestStream s = TestStream.v3().full(1, "timer", 0, 2, Bodies.timer()).eof();
        ParseResult walked = s.parse();
        Section timer = walked.sections().get(0);
        for (String idstr : new String[] {null, "serial"}) {
            Section after = new Section(1, SectionType.FULL, 2, idstr, 0, 2, new Span(36, 19), new Span(55, 8), false,
                    -1, List.of(), List.of());
            ParseResult parse = new ParseResult(63, walked.header(), List.of(timer, after), walked.eof(), null, null,
                    List.of());
            LoaderReport r = simulator.simulate(s.source(), parse).report();
            assertEquals(LoadOutcome.LOADED, r.outcome());
            assertEquals(idstr == null ? List.of() : List.of(new LoaderReport.NotRestored(1, "serial", 0,
                    "never read: the loader stopped at offset 36 (0x24) and reported success")), r.notRestored());
        }
    }
}
