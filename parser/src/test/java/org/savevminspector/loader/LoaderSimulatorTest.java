package org.savevminspector.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.diagnostics.DiagnosticCode;
import org.savevminspector.fixtures.Bodies;
import org.savevminspector.fixtures.PciConfig;
import org.savevminspector.fixtures.ReplayGuest;

class LoaderSimulatorTest {
    private final LoaderSimulator simulator = new LoaderSimulator(TestCatalog.catalog());

    private static TestStream stream(ReplayGuest g) {
        return TestStream.of(g.write());
    }

    private LoaderSimulator.Result run(TestStream s) {
        return simulator.simulate(s.source(), s.parse());
    }

    private static List<DiagnosticCode> codes(LoaderSimulator.Result r) {
        return r.diagnostics().stream().map(Diagnostic::code).collect(Collectors.toList());
    }

    private static Diagnostic only(LoaderSimulator.Result r, DiagnosticCode code) {
        List<Diagnostic> found = r.diagnostics().stream().filter(d -> d.code() == code).toList();
        assertEquals(1, found.size(), () -> "expected one " + code + " in " + r.diagnostics());
        return found.get(0);
    }

    private static LoaderRead read(LoaderReport report, String idstr) {
        return report.reads().stream().filter(r -> idstr.equals(r.idstr())).findFirst().orElseThrow();
    }

    @Test
    void defaultGuestLoadsWholeFileWithoutDiagnostics() {
        TestStream s = stream(new ReplayGuest());
        LoaderSimulator.Result r = run(s);
        LoaderReport rep = r.report();
        assertEquals(LoadOutcome.LOADED, rep.outcome());
        assertEquals(0, rep.result());
        assertEquals(s.bytes().length, rep.stoppedAt());
        assertEquals(0, rep.overrunBytes());
        assertEquals(List.of(), r.diagnostics());
        assertEquals("upstream", rep.profile());
        // ram START, PART, END + 13 FULL sections, each matched to its shape-walk section
        assertEquals(16, rep.reads().size());
        for (LoaderRead read : rep.reads()) {
            assertEquals("loaded", read.status(), read::message);
            assertTrue(read.section() >= 0);
        }
        assertEquals(282, read(rep, "piix4acpi").bytesRead());
        assertEquals(303, read(rep, "uhci").bytesRead());
        assertEquals(545, read(rep, "fdc").bytesRead());
    }

    @Test
    void defaultGuestMapsTheFourBarsOfTheBootedMapAndMovesNothingElse() {
        LoaderReport rep = run(stream(new ReplayGuest())).report();
        List<String> maps = rep.ports().stream().map(e -> e.device() + " " + e.action() + " "
                + Long.toHexString(e.start()) + "+" + Long.toHexString(e.length())).toList();
        assertEquals(List.of("platform map c000+100", "rtl8139 map c100+100", "uhci map c200+20"), maps);
    }

    @Test
    void missingEofFailsWithEio() {
        ReplayGuest g = new ReplayGuest();
        g.eof = false;
        TestStream s = stream(g);
        LoaderSimulator.Result r = run(s);
        assertEquals(LoadOutcome.FAILED, r.report().outcome());
        assertEquals(-5, r.report().result());
        assertEquals(s.bytes().length, r.report().stoppedAt());
        assertEquals(1, r.report().overrunBytes());
        Diagnostic failed = only(r, DiagnosticCode.LOADER_FAILED);
        assertTrue(failed.message().contains("-5"), failed.message());
        Diagnostic overrun = only(r, DiagnosticCode.LOADER_OVERRUN);
        assertEquals(s.bytes().length, overrun.offset());
    }

    @Test
    void xenServerPiix4acpiBodyLabelledTwoAbortsOnTheDmaPorts() {
        ReplayGuest g = new ReplayGuest();
        g.pm1a = null; // 278-byte body under a version-2 label (FORMAT.md C.2)
        TestStream s = stream(g);
        long size = s.bytes().length;
        LoaderSimulator.Result r = run(s);
        LoaderReport rep = r.report();
        assertEquals(LoadOutcome.ABORTED, rep.outcome());
        assertNull(rep.result());
        assertEquals("qemu: hardware error: register_ioport_write: invalid opaque", rep.message());
        assertEquals(size, rep.stoppedAt());
        assertEquals(3, rep.overrunBytes());

        LoaderRead acpi = read(rep, "piix4acpi");
        assertEquals("aborted", acpi.status());
        assertEquals(282, acpi.bytesRead());
        LoaderRead.LoadedValue pm1a = acpi.values().stream()
                .filter(v -> v.name().equals("pm1a_evt_blk_address")).findFirst().orElseThrow();
        assertEquals(0, pm1a.value());
        assertEquals(3, pm1a.pastEnd());
        assertEquals(size - 1, pm1a.offset());

        PortEvent collision = rep.ports().get(rep.ports().size() - 1);
        assertEquals("collision", collision.action());
        assertEquals(4, collision.start());
        assertEquals("ISA DMA controller 0", collision.owner());

        Diagnostic aborted = only(r, DiagnosticCode.LOADER_ABORTED);
        assertTrue(aborted.message().contains("ISA DMA controller 0"), aborted.message());
        assertTrue(aborted.message().contains("piix4acpi_load"), aborted.message());
        assertEquals(s.indexOf("piix4acpi"), aborted.section());
        Diagnostic overrun = only(r, DiagnosticCode.LOADER_OVERRUN);
        assertEquals(size - 1, overrun.offset());
        assertEquals(4, overrun.length());
        assertTrue(overrun.message().contains("pm1a_evt_blk_address = 0x00000000"), overrun.message());
        assertTrue(overrun.message().contains("EOF marker"), overrun.message());
    }

    @Test
    void relabelledToOneLoadsAndMovesAcpiPortsToV0() {
        ReplayGuest g = new ReplayGuest();
        g.pm1a = null;
        g.piix4Version = 1;
        g.gpeVersion = 1;
        LoaderSimulator.Result r = run(stream(g));
        assertEquals(LoadOutcome.LOADED, r.report().outcome());
        assertEquals(0, r.report().result());
        List<String> moves = r.report().ports().stream().filter(e -> !e.device().equals("platform")
                        && !e.device().startsWith("rtl8139") && !e.device().equals("uhci"))
                .map(e -> e.device() + " " + e.action() + " " + Long.toHexString(e.start()) + "+" + e.length())
                .toList();
        assertEquals(List.of("gpe unmap afe0+4", "gpe map 1f68+8", "piix4acpi unmap b004+2",
                "piix4acpi map 1f44+2"), moves);
        assertEquals(2, r.diagnostics().stream().filter(d -> d.code() == DiagnosticCode.LOADER_PORTS).count());
        assertFalse(codes(r).contains(DiagnosticCode.LOADER_ABORTED));
    }

    @Test
    void insertingTheV0AddressLoadsTheSameWay() {
        ReplayGuest g = new ReplayGuest();
        g.pm1a = 0x1F40L;
        g.gpeVersion = 1;
        LoaderReport rep = run(stream(g)).report();
        assertEquals(LoadOutcome.LOADED, rep.outcome());
        assertTrue(rep.ports().stream().anyMatch(e -> e.action().equals("map") && e.start() == 0x1F44));
    }

    @Test
    void labelAboveUpstreamIsRefused() {
        ReplayGuest g = new ReplayGuest();
        g.piix4Version = 3;
        TestStream s = stream(g);
        LoaderSimulator.Result r = run(s);
        assertEquals(LoadOutcome.FAILED, r.report().outcome());
        assertEquals(-22, r.report().result());
        assertEquals("savevm: unsupported version 3 for 'piix4acpi' v2", r.report().message());
        assertEquals(s.section("piix4acpi").body().offset(), r.report().stoppedAt());
        assertTrue(only(r, DiagnosticCode.LOADER_FAILED).message().contains("unsupported version 3"));
        Diagnostic newer = only(r, DiagnosticCode.VERSION_NEWER_THAN_UPSTREAM);
        assertEquals(s.section("piix4acpi").body().offset() - 4, newer.offset());
    }

    @Test
    void newerLabelIsReportedEvenAfterTheLoaderStopped() {
        ReplayGuest g = new ReplayGuest();
        g.rtlInstance = 0;
        g.piix4Version = 3;
        LoaderSimulator.Result r = run(stream(g));
        assertEquals("Unknown savevm section or instance 'rtl8139' 0", r.report().message());
        assertEquals(1, codes(r).stream().filter(c -> c == DiagnosticCode.VERSION_NEWER_THAN_UPSTREAM).count());
    }

    @Test
    void xenServerRtl8139InstanceZeroIsUnknownToUpstream() {
        ReplayGuest g = new ReplayGuest();
        g.rtlInstance = 0;
        TestStream s = stream(g);
        LoaderSimulator.Result r = run(s);
        assertEquals(LoadOutcome.FAILED, r.report().outcome());
        assertEquals(-22, r.report().result());
        assertEquals(s.section("rtl8139").body().offset(), r.report().stoppedAt());
        Diagnostic failed = only(r, DiagnosticCode.LOADER_FAILED);
        assertEquals(s.section("rtl8139").header().offset(), failed.offset());
        assertTrue(failed.explanation().contains("piix4acpi"), failed.explanation());
    }

    @Test
    void pckbdLabelledTwoIsASilentPartialLoad() {
        ReplayGuest g = new ReplayGuest();
        g.pckbdVersion = 2;
        TestStream s = stream(g);
        LoaderSimulator.Result r = run(s);
        LoaderReport rep = r.report();
        assertEquals(LoadOutcome.LOADED, rep.outcome());
        assertEquals(0, rep.result());
        assertEquals(s.section("pckbd").body().offset() + 1, rep.stoppedAt());
        assertEquals("rejected", read(rep, "pckbd").status());
        assertEquals(0, read(rep, "pckbd").bytesRead());
        Diagnostic partial = only(r, DiagnosticCode.SILENT_PARTIAL_LOAD);
        for (String lost : List.of("ps2kbd", "dma", "fdc", "uhci", "gpe", "pci_devfn", "piix4acpi", "pckbd")) {
            assertTrue(partial.message().contains(lost), lost + " missing from " + partial.message());
        }
        assertFalse(partial.message().contains("rtl8139"), partial.message());
        assertEquals(s.indexOf("pckbd"), partial.section());
    }

    @Test
    void rejectedVersionFollowedByANonSectionByteFails() {
        ReplayGuest g = new ReplayGuest();
        g.ps2kbdVersion = 1; // ps2_kbd_load refuses 0/1; body starts with 0xFF
        LoaderSimulator.Result r = run(stream(g));
        assertEquals(-22, r.report().result());
        assertEquals("Unknown savevm section type 255", r.report().message());
    }

    @Test
    void fdcWithThreeDrivesStopsAfterTheCountByte() {
        ReplayGuest g = new ReplayGuest();
        g.fdcDrives = 3;
        TestStream s = stream(g);
        LoaderSimulator.Result r = run(s);
        assertEquals(539, read(r.report(), "fdc").bytesRead());
        assertEquals(s.section("fdc").body().offset() + 540, r.report().stoppedAt());
        assertEquals(0, r.report().result());
        assertTrue(codes(r).contains(DiagnosticCode.SILENT_PARTIAL_LOAD));
    }

    @Test
    void uhciPortCountMismatchStopsAfter277Or261Bytes() {
        ReplayGuest g = new ReplayGuest();
        g.uhciPorts = 1;
        assertEquals(277, read(run(stream(g)).report(), "uhci").bytesRead());
        g.uhciPciVersion = 1;
        assertEquals(261, read(run(stream(g)).report(), "uhci").bytesRead());
    }

    @Test
    void pciBlockVersionOneIsCorrectedEvenWhenTheLayoutIgnoresIt() {
        ReplayGuest g = new ReplayGuest();
        g.uhciPciVersion = 1;
        TestStream s = stream(g);
        LoaderSimulator flat = new LoaderSimulator(TestCatalog.catalogWithFlatPci());
        LoaderReport aware = run(s).report();
        LoaderReport corrected = flat.simulate(s.source(), s.parse()).report();
        assertEquals(287, read(aware, "uhci").bytesRead());
        assertEquals(287, read(corrected, "uhci").bytesRead());
        assertEquals(LoadOutcome.LOADED, corrected.outcome());
    }

    @Test
    void pciBlockVersionAboveTwoIsRejectedAfterFourBytes() {
        ReplayGuest g = new ReplayGuest();
        g.piix4PciVersion = 3;
        LoaderSimulator.Result r = run(stream(g));
        assertEquals(4, read(r.report(), "piix4acpi").bytesRead());
        // the next byte is the vendor ID's low byte 0x86 (FORMAT.md B.6)
        assertEquals("Unknown savevm section type 134", r.report().message());
        assertEquals(-22, r.report().result());
    }

    @Test
    void gpeAtPortZeroAbortsWithReadMessage() {
        ReplayGuest g = new ReplayGuest();
        g.gpeAddress = 0;
        LoaderSimulator.Result r = run(stream(g));
        assertEquals(LoadOutcome.ABORTED, r.report().outcome());
        assertEquals("qemu: hardware error: register_ioport_read: invalid opaque", r.report().message());
    }

    @Test
    void gpeAtANegativeIntAddressCrashes() {
        ReplayGuest g = new ReplayGuest();
        g.gpeAddress = 0x80000000L;
        LoaderReport rep = run(stream(g)).report();
        assertEquals(LoadOutcome.ABORTED, rep.outcome());
        assertTrue(rep.message().contains("SIGSEGV"), rep.message());
    }

    @Test
    void gpeWithZeroHalfLengthDisappearsAndLoads() {
        ReplayGuest g = new ReplayGuest();
        g.gpeHalfLen = 0;
        LoaderReport rep = run(stream(g)).report();
        assertEquals(LoadOutcome.LOADED, rep.outcome());
        assertTrue(rep.ports().stream().anyMatch(e -> e.device().equals("gpe") && e.action().equals("unmap")));
    }

    @Test
    void pm1aNearTheTopOverflowsSilently() {
        ReplayGuest g = new ReplayGuest();
        g.pm1a = 0xFFFBL;
        LoaderSimulator.Result r = run(stream(g));
        assertEquals(LoadOutcome.LOADED, r.report().outcome());
        PortEvent overflow = r.report().ports().stream().filter(e -> e.action().equals("overflow")).findFirst()
                .orElseThrow();
        assertEquals(1, overflow.length());
        assertTrue(only(r, DiagnosticCode.LOADER_PORTS).explanation().contains("0xFFFF"));
    }

    @Test
    void pm1aOnNullTokenPortsTakesThemOver() {
        ReplayGuest g = new ReplayGuest();
        g.pm1a = 0x000CL;
        assertEquals(LoadOutcome.LOADED, run(stream(g)).report().outcome());
        g.pm1a = 0xFFFFFFFFL; // +4 wraps to port 3: DMA
        assertEquals(LoadOutcome.ABORTED, run(stream(g)).report().outcome());
        g.pm1a = 0xC0FCL; // rtl8139's BAR
        LoaderReport rep = run(stream(g)).report();
        assertEquals(LoadOutcome.ABORTED, rep.outcome());
        assertTrue(rep.ports().get(rep.ports().size() - 1).owner().startsWith("rtl8139"));
    }

    @Test
    void platformBarOverlappingIdeAborts() {
        ReplayGuest g = new ReplayGuest();
        g.platformBar0 = 0x0301;
        LoaderSimulator.Result r = run(stream(g));
        assertEquals(LoadOutcome.ABORTED, r.report().outcome());
        PortEvent collision = r.report().ports().get(r.report().ports().size() - 1);
        assertEquals(0x376, collision.start());
        assertEquals("IDE secondary channel", collision.owner());
        assertEquals(read(r.report(), "platform").bodyOffset() + 276, r.report().stoppedAt());
    }

    @Test
    void barsThatCannotBeMappedStayUnmapped() {
        ReplayGuest g = new ReplayGuest();
        g.platformBar0 = 0x0001;
        g.uhciCommand = 0x04;
        LoaderReport rep = run(stream(g)).report();
        assertEquals(LoadOutcome.LOADED, rep.outcome());
        assertEquals(List.of("rtl8139"), rep.ports().stream().map(PortEvent::device).toList());
    }

    @Test
    void uhciBarOnThePlatformBarAborts() {
        ReplayGuest g = new ReplayGuest();
        g.uhciBar4 = 0xC001;
        LoaderReport rep = run(stream(g)).report();
        assertEquals(LoadOutcome.ABORTED, rep.outcome());
        assertEquals("platform", rep.ports().get(rep.ports().size() - 1).owner());
    }

    @Test
    void trailingBytesAfterTheBuggyRecordAreReadAsTheValue() {
        ReplayGuest g = new ReplayGuest();
        g.pm1a = null;
        g.afterEof = new byte[] {0x00, 0x1F, 0x40, 0x00};
        TestStream s = stream(g);
        LoaderReport rep = run(s).report();
        // pm1a = 00 00 1F 40 from the EOF byte and three trailing bytes; the fourth (0x00) ends the load
        assertEquals(LoadOutcome.LOADED, rep.outcome());
        assertEquals(0, rep.result());
        assertEquals(s.bytes().length, rep.stoppedAt());
    }

    @Test
    void unknownSectionTypeAndOrphanPart() {
        TestStream s = TestStream.v3().ramPrefix().raw((byte) 7);
        LoaderReport rep = run(s).report();
        assertEquals("Unknown savevm section type 7", rep.message());
        assertEquals(-22, rep.result());

        TestStream orphan = TestStream.v3().part(0x02, 1).eof();
        LoaderReport o = run(orphan).report();
        assertEquals("Unknown savevm section 1", o.message());
        assertEquals(-22, o.result());
    }

    @Test
    void fileHeaderChecks() {
        TestStream badMagic = new TestStream().be32(0x51455600L).be32(3).u8(0);
        assertEquals(-22, run(badMagic).report().result());
        TestStream v1 = new TestStream().be32(0x5145564DL).be32(1).u8(0);
        LoaderReport r1 = run(v1).report();
        assertEquals(-95, r1.result());
        assertEquals(LoadOutcome.FAILED, r1.outcome());
        LoaderSimulator.Result empty = run(new TestStream());
        assertEquals(-22, empty.report().result());
        assertNotNull(empty.diagnostics());
    }

    @Test
    void layoutUnknownForTheLabelledVersionEndsTheSimulation() {
        TestStream s = TestStream.v3().ramPrefix().full(5, "PIIX3", 0, 2, Bodies.pciBlock(2, PciConfig.of(0x8086, 0)));
        LoaderSimulator.Result incomplete = run(s);
        LoaderReport rep = incomplete.report();
        assertEquals(LoadOutcome.INCOMPLETE, rep.outcome());
        assertNull(rep.result());
        assertEquals(List.of(DiagnosticCode.FORMAT_INFO), codes(incomplete));

        // with a header after it, the shape walk's length is assumed
        TestStream followed = TestStream.v3().ramPrefix()
                .full(5, "PIIX3", 0, 2, Bodies.pciBlock(2, PciConfig.of(0x8086, 0))).eof();
        LoaderReport rep2 = run(followed).report();
        assertEquals(LoadOutcome.LOADED, rep2.outcome());
        assertTrue(read(rep2, "PIIX3").message().contains("assumed"));
    }

    @Test
    void pciVersionOneInsideAVersionTwoPiix4acpiBodyAborts() {
        // FORMAT.md B.5.4 last row: the 260-byte block shifts the body; pm1a_evt_blk_address comes from irq_state (0)
        TestStream s = stream(new ReplayGuest());
        byte[] bytes = s.bytes();
        bytes[(int) s.section("piix4acpi").body().offset() + 3] = 1;
        LoaderReport rep = simulator.simulate(org.savevminspector.io.ByteSource.of(bytes), s.parse()).report();
        assertEquals(LoadOutcome.ABORTED, rep.outcome());
        assertEquals(4, rep.ports().get(rep.ports().size() - 1).start());
        assertEquals(266, read(rep, "piix4acpi").bytesRead());
    }

    @Test
    void gpeJustBelowPortZeroCorruptsSilentlyAndFarAboveCrashes() {
        ReplayGuest g = new ReplayGuest();
        g.gpeAddress = 0xFFFFFFF0L; // measured: result 0 (FORMAT.md B.5.3)
        LoaderReport below = run(stream(g)).report();
        assertEquals(LoadOutcome.LOADED, below.outcome());
        assertTrue(below.ports().stream().anyMatch(e -> e.action().equals("overflow")));
        g.gpeAddress = 0xFFFFFFFEL; // reaches ports 0–1: DMA controller 0
        assertEquals("qemu: hardware error: register_ioport_read: invalid opaque", run(stream(g)).report().message());
        g.gpeAddress = 0xFFFE;
        g.gpeHalfLen = 0x10000000L; // 2^29 ports past the tables
        assertTrue(run(stream(g)).report().message().contains("SIGSEGV"));
        g.gpeHalfLen = 0x80000000L; // negative length: nothing registered, GPE0 disappears (measured)
        assertEquals(LoadOutcome.LOADED, run(stream(g)).report().outcome());
    }
}
