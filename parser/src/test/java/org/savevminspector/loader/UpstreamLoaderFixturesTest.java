package org.savevminspector.loader;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.savevminspector.devices.DeviceCatalog;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.diagnostics.DiagnosticCode;
import org.savevminspector.fixtures.Edit;
import org.savevminspector.fixtures.Fixtures;
import org.savevminspector.fixtures.Guest;
import org.savevminspector.fixtures.GuestWriter;
import org.savevminspector.io.ByteSource;
import org.savevminspector.io.ParseOptions;
import org.savevminspector.stream.ParseResult;
import org.savevminspector.stream.SavevmParser;

/**
 * The simulation on the real fixtures, with the real shape walk and decoders: the outcomes docs/FORMAT.md C.4, FORMAT.md A.10 and
 * FORMAT.md V report from running the real upstream qemu-dm.
 */
class UpstreamLoaderFixturesTest {
    private static final DeviceCatalog CATALOG = DeviceCatalog.standard();

    private static LoaderSimulator.Result simulate(byte[] bytes) {
        ByteSource src = ByteSource.of(bytes);
        ParseResult parse = new SavevmParser(CATALOG).parse(src, ParseOptions.DEFAULT);
        return new LoaderSimulator(CATALOG).simulate(src, parse);
    }

    private static List<Diagnostic> of(LoaderSimulator.Result r, DiagnosticCode code) {
        return r.diagnostics().stream().filter(d -> d.code() == code).toList();
    }

    private static PortEvent lastPortEvent(LoaderReport rep) {
        return rep.ports().get(rep.ports().size() - 1);
    }

    @Test
    void defaultGuestLoadsCompletelyWithNoDiagnostics() {
        LoaderSimulator.Result r = simulate(Fixtures.defaultGuest().bytes());
        assertEquals(LoadOutcome.LOADED, r.report().outcome());
        assertEquals(0, r.report().result());
        assertEquals(7525, r.report().stoppedAt());
        assertEquals(0, r.report().overrunBytes());
        assertEquals(List.of(), r.diagnostics());
        assertTrue(r.report().reads().stream().allMatch(x -> x.status().equals("loaded") && x.section() >= 0));
    }

    @Test
    void piix4acpiCaseAbortsOnTheDmaController() {
        byte[] bytes = Fixtures.piix4acpiCase().bytes();
        LoaderSimulator.Result r = simulate(bytes);
        LoaderReport rep = r.report();
        assertEquals(LoadOutcome.ABORTED, rep.outcome());
        assertNull(rep.result());
        assertEquals("qemu: hardware error: register_ioport_write: invalid opaque", rep.message());
        assertEquals(bytes.length, rep.stoppedAt());
        assertEquals(3, rep.overrunBytes());
        LoaderRead acpi = rep.reads().get(rep.reads().size() - 1);
        assertEquals("piix4acpi", acpi.idstr());
        LoaderRead.LoadedValue pm1a = acpi.values().stream()
                .filter(v -> v.name().equals("pm1a_evt_blk_address")).findFirst().orElseThrow();
        assertEquals(0, pm1a.value());
        assertEquals(3, pm1a.pastEnd());
        assertEquals(bytes.length - 1, pm1a.offset());
        assertEquals(4, lastPortEvent(rep).start());
        assertEquals("ISA DMA controller 0", lastPortEvent(rep).owner());

        Diagnostic overrun = of(r, DiagnosticCode.LOADER_OVERRUN).get(0);
        assertEquals(bytes.length - 1, overrun.offset());
        assertEquals(4, overrun.length());
        assertTrue(overrun.message().contains("pm1a_evt_blk_address = 0x00000000"), overrun.message());
        assertEquals(1, of(r, DiagnosticCode.LOADER_ABORTED).size());
        assertEquals(acpi.section(), of(r, DiagnosticCode.LOADER_ABORTED).get(0).section());
    }

    @Test
    void relabelAndInsertRepairsLoadAndMoveAcpiToV0() {
        for (byte[] repaired : List.of(Fixtures.piix4acpiRelabelled(), Fixtures.piix4acpiUpgraded())) {
            LoaderSimulator.Result r = simulate(repaired);
            LoaderReport rep = r.report();
            assertEquals(LoadOutcome.LOADED, rep.outcome());
            assertEquals(0, rep.result());
            assertEquals(repaired.length, rep.stoppedAt());
            List<String> acpiMoves = rep.ports().stream()
                    .filter(e -> e.device().equals("gpe") || e.device().equals("piix4acpi"))
                    .map(e -> e.action() + " " + Long.toHexString(e.start())).toList();
            assertEquals(List.of("unmap afe0", "map 1f68", "unmap b004", "map 1f44"), acpiMoves);
            assertEquals(List.of(DiagnosticCode.LOADER_PORTS, DiagnosticCode.LOADER_PORTS),
                    r.diagnostics().stream().map(Diagnostic::code).toList());
        }
    }

    @Test
    void relabelledToThreeIsRefused() {
        byte[] bytes = Edit.of(Fixtures.piix4acpiCase()).version("piix4acpi", 3).bytes();
        LoaderSimulator.Result r = simulate(bytes);
        assertEquals(LoadOutcome.FAILED, r.report().outcome());
        assertEquals(-22, r.report().result());
        assertEquals("savevm: unsupported version 3 for 'piix4acpi' v2", r.report().message());
        assertEquals(1, of(r, DiagnosticCode.VERSION_NEWER_THAN_UPSTREAM).size());
    }

    @Test
    void missingEofGivesEio() {
        LoaderSimulator.Result r = simulate(Fixtures.missingEof());
        assertEquals(LoadOutcome.FAILED, r.report().outcome());
        assertEquals(-5, r.report().result());
        assertEquals(7524, r.report().stoppedAt());
        assertEquals(1, of(r, DiagnosticCode.LOADER_FAILED).size());
    }

    @Test
    void pckbdLabelledTwoStopsSilentlyAt5345() {
        LoaderSimulator.Result r = simulate(Fixtures.pckbdLabelled2());
        assertEquals(LoadOutcome.LOADED, r.report().outcome());
        assertEquals(0, r.report().result());
        assertEquals(5345, r.report().stoppedAt());
        Diagnostic partial = of(r, DiagnosticCode.SILENT_PARTIAL_LOAD).get(0);
        for (String lost : List.of("ps2kbd", "ps2mouse", "dma", "dma 0x1", "fdc", "uhci", "gpe", "pci_devfn",
                "piix4acpi")) {
            assertTrue(partial.message().contains(lost), lost + ": " + partial.message());
        }
    }

    @Test
    void xenServer62StopsAtTheRtl8139Instance() {
        byte[] bytes = Fixtures.xenServer62().bytes();
        assertEquals(7528, bytes.length);
        LoaderSimulator.Result r = simulate(bytes);
        assertEquals(LoadOutcome.FAILED, r.report().outcome());
        assertEquals(-22, r.report().result());
        assertEquals("Unknown savevm section or instance 'rtl8139' 0", r.report().message());
        assertEquals(3212, r.report().stoppedAt());
        assertEquals(List.of(), of(r, DiagnosticCode.VERSION_NEWER_THAN_UPSTREAM));
        assertTrue(of(r, DiagnosticCode.LOADER_FAILED).get(0).explanation().contains("piix4acpi"));
    }

    @Test
    void xenServer65StopsThereTooAndItsPiix4acpiLabelIsNewerThanUpstream() {
        LoaderSimulator.Result r = simulate(Fixtures.xenServer65().bytes());
        assertEquals(-22, r.report().result());
        assertEquals("Unknown savevm section or instance 'rtl8139' 0", r.report().message());
        List<Diagnostic> newer = of(r, DiagnosticCode.VERSION_NEWER_THAN_UPSTREAM);
        assertEquals(1, newer.size());
        assertTrue(newer.get(0).message().contains("piix4acpi"));
    }

    @Test
    void sampleWithPaddingAbortsWithoutOverrun() {
        byte[] sample = Fixtures.sample();
        LoaderReport rep = simulate(sample).report();
        assertEquals(LoadOutcome.ABORTED, rep.outcome());
        assertEquals(0, rep.overrunBytes());
        assertEquals(sample.length - 7 + 3, rep.stoppedAt());
    }

    @Test
    void xen40FileLoadsOnV0Addresses() {
        LoaderReport rep = simulate(Fixtures.xen40().bytes()).report();
        assertEquals(LoadOutcome.LOADED, rep.outcome());
        assertTrue(rep.ports().stream().anyMatch(e -> e.action().equals("map") && e.start() == 0x1F44));
    }

    @Test
    void configurationVariantsLoad() {
        Map<String, byte[]> variants = Map.of("stdVga", Fixtures.stdVga().bytes(), "e1000",
                Fixtures.e1000().bytes(), "twoRtl8139", Fixtures.twoRtl8139().bytes(), "noUsb",
                Fixtures.noUsb().bytes(), "noPciDevfn", Fixtures.noPciDevfn().bytes(), "ide0",
                Fixtures.ideDrives(0).bytes(), "ide4", Fixtures.ideDrives(4).bytes(), "v2Compat",
                Fixtures.v2Compat().bytes());
        variants.forEach((name, bytes) -> {
            LoaderSimulator.Result r = simulate(bytes);
            assertEquals(LoadOutcome.LOADED, r.report().outcome(), name + ": " + r.report().message());
            assertEquals(0, r.report().result(), name);
            assertEquals(List.of(), r.diagnostics(), name);
        });
    }

    @Test
    void fileHeaderAndTypeErrors() {
        assertEquals(-22, simulate(Fixtures.badMagic()).report().result());
        assertEquals(-95, simulate(Fixtures.wrongFileVersion()).report().result());
        assertEquals(-95, simulate(Fixtures.v1File().bytes()).report().result());
        assertEquals(-22, simulate(Fixtures.empty()).report().result());
        LoaderReport type = simulate(Fixtures.unknownSectionType()).report();
        assertEquals("Unknown savevm section type 7", type.message());
        assertEquals(3161, type.stoppedAt());
        LoaderReport device = simulate(Fixtures.unknownDevice().bytes()).report();
        assertEquals("Unknown savevm section or instance 'xen-pvdevice' 0", device.message());
        LoaderReport trailing = simulate(Fixtures.trailingBytes()).report();
        assertEquals(LoadOutcome.LOADED, trailing.outcome());
        assertEquals(7525, trailing.stoppedAt());
    }

    @Test
    void everyFixtureAndEveryTruncationSimulatesWithoutException() {
        Fixtures.all().forEach((name, bytes) -> assertNotNull(
                assertDoesNotThrow(() -> simulate(bytes), name).report(), name));
        byte[] full = Fixtures.piix4acpiCase().bytes();
        for (int len = 0; len <= full.length; len += 97) {
            byte[] cut = Fixtures.truncated(full, len);
            LoaderSimulator.Result r = assertDoesNotThrow(() -> simulate(cut), "length " + len);
            assertTrue(r.report().stoppedAt() <= len, "length " + len);
        }
    }

    /** FORMAT.md V: what makes a XenServer file load upstream (instance, idstr and piix4acpi label changed). */
    private static byte[] convertedXenServer(int piix4acpiLabel) {
        List<GuestWriter.Entry> entries = new java.util.ArrayList<>();
        Guest xs = piix4acpiLabel == 1 ? Guest.DEFAULT.withXenServer(true).withAcpi(1, 2, 1)
                : Guest.DEFAULT.withXenServer(true).withAcpi(2, 3, 2);
        for (GuestWriter.Entry e : GuestWriter.entries(xs)) {
            String idstr = e.idstr().equals("UHCI usb controller") ? "uhci" : e.idstr();
            long instance = idstr.equals("rtl8139") ? 0x20 : e.instance();
            long version = idstr.equals("piix4acpi") ? piix4acpiLabel : e.version();
            entries.add(new GuestWriter.Entry(e.sectionId(), idstr, instance, version, e.body()));
        }
        return GuestWriter.v3(entries).bytes();
    }

    @Test
    void convertedXenServerFilesLoadCompletely() {
        for (int label : new int[] {1, 2}) {
            byte[] bytes = convertedXenServer(label);
            LoaderSimulator.Result r = simulate(bytes);
            assertEquals(LoadOutcome.LOADED, r.report().outcome(), r.report().message());
            assertEquals(0, r.report().result());
            assertEquals(bytes.length, r.report().stoppedAt());
        }
    }

    @Test
    void cirrusVramDumpIsReadWhole() {
        byte[] bytes = Fixtures.cirrusWithVram().bytes();
        LoaderReport rep = simulate(bytes).report();
        assertEquals(LoadOutcome.LOADED, rep.outcome());
        assertEquals(bytes.length, rep.stoppedAt());
    }
}
