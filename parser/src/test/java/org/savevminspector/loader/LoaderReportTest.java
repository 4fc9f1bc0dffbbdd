package org.savevminspector.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.savevminspector.fixtures.Bodies;

/**
 * A loader report as a value: what it is given it keeps (copied), it equals a report of the same load and no
 * other, and moved into a save image its reads, misreads, findings and consequences read at file offsets.
 */
class LoaderReportTest {
    private static final LoaderRead READ = new LoaderRead(0, "timer", 0, 2, 8, 27, 8, LoadStep.LOADED,
            "vl.c:timer_load reads 8 body bytes as version 2", List.of());
    private static final PortEvent MAP = new PortEvent(1, "rtl8139", "map", 0xC100, 0x100, null,
            "BAR 0 mapped");
    private static final LoaderReport.NotRestored LOST = new LoaderReport.NotRestored(1, "serial", 0, "never read");
    private static final LoaderReport.Misread MISREAD = new LoaderReport.Misread(0, "timer", 35, 8, 12, "too long");

    private static LoaderReport report(String profile, LoadOutcome outcome, Integer result, String message,
                                       long stoppedAt, long overrun, List<LoaderRead> reads, List<PortEvent> ports,
                                       List<LoaderReport.NotRestored> lost, List<LoaderReport.Misread> wrong,
                                       List<String> consequences) {
        return new LoaderReport(profile, outcome, result, message, stoppedAt, overrun, reads, ports, lost, wrong,
                consequences);
    }

    private static LoaderReport base() {
        return report("upstream", LoadOutcome.LOADED, 0, "loaded", 62, 0, List.of(READ), List.of(MAP), List.of(LOST),
                List.of(MISREAD), List.of("restores every section"));
    }

    @Test
    void aReportKeepsCopiesOfWhatItIsGiven() {
        List<LoaderRead> reads = new ArrayList<>(List.of(READ));
        List<PortEvent> ports = new ArrayList<>(List.of(MAP));
        List<LoaderReport.NotRestored> lost = new ArrayList<>(List.of(LOST));
        List<LoaderReport.Misread> wrong = new ArrayList<>(List.of(MISREAD));
        List<String> consequences = new ArrayList<>(List.of("restores every section"));
        LoaderReport r = report("xenserver-6.5", LoadOutcome.FAILED, -22, "Error -22", 35, 4, reads, ports, lost,
                wrong, consequences);
        reads.clear();
        ports.clear();
        lost.clear();
        wrong.clear();
        consequences.clear();
        assertEquals("xenserver-6.5", r.profile());
        assertEquals(LoadOutcome.FAILED, r.outcome());
        assertEquals(-22, r.result());
        assertEquals("Error -22", r.message());
        assertEquals(35, r.stoppedAt());
        assertEquals(4, r.overrunBytes());
        assertEquals(List.of(READ), r.reads());
        assertEquals(List.of(MAP), r.ports());
        assertEquals(List.of(LOST), r.notRestored());
        assertEquals(List.of(MISREAD), r.misreads());
        assertEquals(List.of("restores every section"), r.consequences());
        // a report without findings has none
        LoaderReport bare = new LoaderReport("upstream", LoadOutcome.LOADED, 0, "ok", 8, 0, List.of(), List.of());
        assertEquals(List.of(), bare.notRestored());
        assertEquals(List.of(), bare.misreads());
        assertEquals(List.of(), bare.consequences());
    }

    @Test
    void reportsOfTheSameLoadAreEqualAndEveryPartCounts() {
        LoaderReport a = base();
        assertEquals(a, base());
        assertEquals(a.hashCode(), base().hashCode());
        assertEquals(a, a);
        assertNotEquals(a, "upstream");
        List<LoaderReport> others = List.of(
                report("xen-4.0", LoadOutcome.LOADED, 0, "loaded", 62, 0, List.of(READ), List.of(MAP), List.of(LOST),
                        List.of(MISREAD), List.of("restores every section")),
                report("upstream", LoadOutcome.FAILED, 0, "loaded", 62, 0, List.of(READ), List.of(MAP), List.of(LOST),
                        List.of(MISREAD), List.of("restores every section")),
                report("upstream", LoadOutcome.LOADED, -5, "loaded", 62, 0, List.of(READ), List.of(MAP),
                        List.of(LOST), List.of(MISREAD), List.of("restores every section")),
                report("upstream", LoadOutcome.LOADED, 0, "Loaded", 62, 0, List.of(READ), List.of(MAP), List.of(LOST),
                        List.of(MISREAD), List.of("restores every section")),
                report("upstream", LoadOutcome.LOADED, 0, "loaded", 63, 0, List.of(READ), List.of(MAP), List.of(LOST),
                        List.of(MISREAD), List.of("restores every section")),
                report("upstream", LoadOutcome.LOADED, 0, "loaded", 62, 1, List.of(READ), List.of(MAP), List.of(LOST),
                        List.of(MISREAD), List.of("restores every section")),
                report("upstream", LoadOutcome.LOADED, 0, "loaded", 62, 0, List.of(), List.of(MAP), List.of(LOST),
                        List.of(MISREAD), List.of("restores every section")),
                report("upstream", LoadOutcome.LOADED, 0, "loaded", 62, 0, List.of(READ), List.of(), List.of(LOST),
                        List.of(MISREAD), List.of("restores every section")),
                report("upstream", LoadOutcome.LOADED, 0, "loaded", 62, 0, List.of(READ), List.of(MAP), List.of(),
                        List.of(MISREAD), List.of("restores every section")),
                report("upstream", LoadOutcome.LOADED, 0, "loaded", 62, 0, List.of(READ), List.of(MAP), List.of(LOST),
                        List.of(), List.of("restores every section")),
                report("upstream", LoadOutcome.LOADED, 0, "loaded", 62, 0, List.of(READ), List.of(MAP), List.of(LOST),
                        List.of(MISREAD), List.of()));
        for (int i = 0; i < others.size(); i++) {
            assertNotEquals(a, others.get(i), "part " + i);
            assertNotEquals(others.get(i), a, "part " + i);
        }
        // the hash takes the profile, outcome, result, message, offsets and the number of reads
        for (int i = 0; i < 7; i++) {
            assertNotEquals(a.hashCode(), others.get(i).hashCode(), "part " + i);
        }
        assertEquals("LoaderReport[profile=upstream, outcome=LOADED, result=0, message=loaded, stoppedAt=62, "
                + "reads=1]", a.toString());
    }

    /** Two simulations of one file give equal reports, although their messages are worded when read. */
    @Test
    void twoReplaysOfOneFileAreEqual() {
        TestStream s = TestStream.v3().full(1, "timer", 0, 2, Bodies.timer()).eof();
        LoaderSimulator simulator = new LoaderSimulator(TestCatalog.catalog());
        LoaderReport a = simulator.simulate(s.source(), s.parse()).report();
        LoaderReport b = simulator.simulate(s.source(), s.parse()).report();
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, a.moved(16));
    }

    /** A plain report moved 4096 bytes on: every offset a file offset, its texts as they were given. */
    @Test
    void aPlainReportMovesItsReadsMisreadsAndWhereItStopped() {
        LoaderRead withValue = new LoaderRead(1, "piix4acpi", 0, 2, 35, 57, 282, LoadStep.LOADED, "reads 282",
                List.of(new LoaderRead.LoadedValue("pm1a_evt_blk_address", 335, 4, 0x1F40, 0)));
        LoaderReport r = report("upstream", LoadOutcome.LOADED, 0, "loaded", 62, 0, List.of(READ, withValue),
                List.of(MAP), List.of(LOST), List.of(MISREAD), List.of("restores every section"));
        LoaderReport moved = r.moved(4096);
        assertEquals(List.of(new LoaderRead(0, "timer", 0, 2, 4104, 4123, 8, LoadStep.LOADED,
                "vl.c:timer_load reads 8 body bytes as version 2", List.of()),
                new LoaderRead(1, "piix4acpi", 0, 2, 4131, 4153, 282, LoadStep.LOADED, "reads 282",
                List.of(new LoaderRead.LoadedValue("pm1a_evt_blk_address", 4431, 4, 0x1F40, 0)))), moved.reads());
        assertEquals(List.of(new LoaderReport.Misread(0, "timer", 4131, 8, 12, "too long")), moved.misreads());
        assertEquals(List.of(LOST), moved.notRestored());
        assertEquals(List.of(MAP), moved.ports());
        assertEquals(4158, moved.stoppedAt());
        assertEquals("loaded", moved.message());
        assertEquals(List.of("restores every section"), moved.consequences());
        assertEquals(r.reads(), r.moved(0).reads());
    }

    /**
     * A replayed stream moved 4096 bytes on (an embedded stream at image offsets): the timer's body has two bytes
     * more than timer_load reads, the first of them (0, the EOF marker) ends the load, and the second timer is
     * never read. Every offset its texts name reads as the file's, the stream's after it.
     */
    @Test
    void aReplayMovedIntoAnImageWordsItsFindingsAtFileOffsets() {
        byte[] longer = java.util.Arrays.copyOf(Bodies.timer(), 10);
        TestStream s = TestStream.v3().full(1, "timer", 0, 2, longer).full(2, "timer", 1, 2, Bodies.timer()).eof();
        LoaderReport r = new LoaderSimulator(TestCatalog.catalog()).simulate(s.source(), s.parse()).report();
        assertEquals(LoadOutcome.LOADED, r.outcome());
        LoaderReport m = r.moved(4096);
        assertEquals(4132, m.stoppedAt());
        assertEquals("the byte 0x00 at offset 4131 (0x1023; stream +0x23) is taken for the EOF marker", m.message());
        assertEquals(List.of(new LoaderRead(0, "timer", 0, 2, 4104, 4123, 8, LoadStep.LOADED,
                "vl.c:timer_load reads 8 body bytes as version 2", List.of())), m.reads());
        assertEquals(List.of(new LoaderReport.NotRestored(1, "timer", 1, "never read: the loader stopped at offset 4132 "
                + "(0x1024; stream +0x24) and reported success")), m.notRestored());
        String misread = "timer v2 reads 8 of the 10 body bytes: the last 2 byte(s) are not restored and the byte at "
                + "offset 4131 (0x1023; stream +0x23) is read as the next section type";
        assertEquals(List.of(new LoaderReport.Misread(0, "timer", 4131, 10, 8, misread)), m.misreads());
        assertEquals(List.of("upstream qemu-dm reports success and resumes the guest, but 1 section(s) are not "
                + "restored, with no message: #1 timer 0x1.", misread + "."), m.consequences());
        // the report it was moved from still reads at the stream's own offsets
        assertEquals(List.of(new LoaderReport.Misread(0, "timer", 35, 10, 8, "timer v2 reads 8 of the 10 body bytes: "
                + "the last 2 byte(s) are not restored and the byte at offset 35 (0x23) is read as the next section "
                + "type")), r.misreads());
        assertEquals("never read: the loader stopped at offset 36 (0x24) and reported success",
                r.notRestored().get(0).reason());
        assertEquals(36, r.stoppedAt());
        // moved twice is moved by the sum
        assertEquals(m.misreads(), r.moved(4000).moved(96).misreads());
        assertEquals(m.consequences(), r.moved(4000).moved(96).consequences());
    }
}
