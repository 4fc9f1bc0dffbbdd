package org.savevminspector.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The v3 loop's own reads: what it records for a section it refuses (an unknown section type, a PART of a section
 * never started), and which START a PART continues when several are open.
 */
class V3ReplayTest {
    private final LoaderSimulator simulator = new LoaderSimulator(TestCatalog.catalog());

    private LoaderReport run(TestStream s) {
        return simulator.simulate(s.source(), s.parse()).report();
    }

    private static LoaderRead ram(int section, long version, long header, long body) {
        return new LoaderRead(section, "ram", 0, version, header, body, 0, LoadStep.LOADED,
                "vl.c:ram_load reads 0 body bytes as version " + version, List.of());
    }

    private static final List<LoaderRead> RAM_PREFIX = List.of(ram(0, 3, 8, 25), ram(1, 3, 25, 30), ram(2, 3, 30, 35));

    @Test
    void anUnknownSectionTypeIsReadAsItsTypeByteAndRefused() {
        LoaderReport r = run(TestStream.v3().ramPrefix().raw((byte) 7));
        assertEquals(LoadOutcome.FAILED, r.outcome());
        assertEquals(-22, r.result());
        assertEquals(36, r.stoppedAt());
        assertEquals(RAM_PREFIX, r.reads().subList(0, 3));
        assertEquals(new LoaderRead(-1, null, -1, -1, 35, 36, 0, LoadStep.REFUSED, "Unknown savevm section type 7",
                List.of()), r.reads().get(3));
        assertEquals(4, r.reads().size());
    }

    @Test
    void aPartOfASectionNeverStartedIsReadAsItsShortHeaderAndRefused() {
        LoaderReport r = run(TestStream.v3().ramPrefix().part(0x02, 9).eof());
        assertEquals(LoadOutcome.FAILED, r.outcome());
        assertEquals(-22, r.result());
        assertEquals("Unknown savevm section 9", r.message());
        assertEquals(40, r.stoppedAt());
        assertEquals(RAM_PREFIX, r.reads().subList(0, 3));
        assertEquals(new LoaderRead(3, null, -1, -1, 35, 40, 0, LoadStep.REFUSED, "Unknown savevm section 9",
                List.of()), r.reads().get(3));
        assertEquals(4, r.reads().size());
    }

    /** Two live sections of one device under two version labels: each PART and END continues its own START. */
    @Test
    void eachPartContinuesTheStartOfItsSectionId() {
        LoaderReport r = run(TestStream.v3().start(1, "ram", 0, 3).start(2, "ram", 0, 2).part(0x02, 2)
                .part(0x02, 1).part(0x03, 1).part(0x03, 2).eof());
        assertEquals(LoadOutcome.LOADED, r.outcome());
        assertEquals(List.of(ram(0, 3, 8, 25), ram(1, 2, 25, 42), ram(2, 2, 42, 47), ram(3, 3, 47, 52),
                ram(4, 3, 52, 57), ram(5, 2, 57, 62)), r.reads());
        assertEquals(63, r.stoppedAt());
        // two STARTs of one kind share it
        LoaderReport same = run(TestStream.v3().start(1, "ram", 0, 3).start(2, "ram", 0, 3).part(0x03, 2)
                .part(0x03, 1).eof());
        assertEquals(List.of(ram(0, 3, 8, 25), ram(1, 3, 25, 42), ram(2, 3, 42, 47), ram(3, 3, 47, 52)),
                same.reads());
    }
}
