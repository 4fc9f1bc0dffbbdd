package org.savevminspector.devices.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.diagnostics.DiagnosticCode;
import org.savevminspector.fixtures.DeviceFixtures;
import org.savevminspector.fixtures.Fixtures;
import org.savevminspector.io.ByteSource;
import org.savevminspector.stream.ParseResult;
import org.savevminspector.stream.SavevmParser;

/** The named sanity checks: each finds what it names, and nothing in the genuine fixtures. */
class CheckCatalogTest {

    private static final Set<DiagnosticCode> CHECK_CODES = EnumSet.of(DiagnosticCode.PCI_IDENTITY_MISMATCH,
            DiagnosticCode.IMPOSSIBLE_COUNT, DiagnosticCode.ACPI_ADDRESS_UNKNOWN, DiagnosticCode.BAR_UNPROGRAMMED,
            DiagnosticCode.PCI_BLOCK_OLD_VERSION);

    private static ParseResult parse(byte[] b) {
        return SavevmParser.standard().parse(ByteSource.of(b));
    }

    private static List<Diagnostic> findings(byte[] b) {
        return parse(b).diagnostics().stream().filter(d -> CHECK_CODES.contains(d.code())).toList();
    }

    @Test
    void everyCheckIsNamedDescribedAndDeclaresItsCodes() {
        List<SectionCheck> checks = CheckCatalog.standard().checks();
        assertEquals(10, checks.size());
        Set<String> ids = new HashSet<>();
        Set<DiagnosticCode> codes = EnumSet.noneOf(DiagnosticCode.class);
        for (SectionCheck c : checks) {
            assertTrue(c.id().matches("[a-z0-9-]+"), c.id());
            assertTrue(ids.add(c.id()), "duplicate id " + c.id());
            assertFalse(c.title().isBlank());
            assertTrue(c.description().length() > 40, c.id());
            assertFalse(c.codes().isEmpty());
            assertFalse(c.devices().isBlank());
            codes.addAll(c.codes());
        }
        assertEquals(CHECK_CODES, codes, "every check code is declared by a check");
    }

    @Test
    void genuineFixturesHaveNoFindingsButEveryApplicableCheckRan() {
        for (Map.Entry<String, byte[]> e : Map.of("default", Fixtures.defaultGuest().bytes(), "stdVga",
                Fixtures.stdVga().bytes(), "e1000", Fixtures.e1000().bytes(), "ac97", Fixtures.ac97().bytes(),
                "xenServer65", Fixtures.xenServer65().bytes(), "pcnet", Fixtures.pcnet().bytes()).entrySet()) {
            assertEquals(List.of(), findings(e.getValue()), e.getKey());
        }
        CheckCatalog.Run run = CheckCatalog.standard().run(parse(Fixtures.defaultGuest().bytes()).sections());
        assertEquals(List.of(), run.diagnostics());
        Map<String, Integer> checked = new java.util.TreeMap<>();
        run.results().forEach(r -> checked.put(r.check().id(), r.sectionsChecked()));
        // 8 sections with a PCI block in the default guest (I440FX, PIIX3, cirrus, platform, rtl8139, ide, uhci,
        // piix4acpi); 5 of them register BARs
        assertEquals(Map.of("acpi-addresses", 2, "eeprom-size", 0, "fdc-drive-count", 1, "ide-identify", 1,
                "pci-bars", 5, "pci-block", 8, "pci-identity", 8, "rtc-timers", 1, "uhci-port-count", 1,
                "vga-vbe", 0), checked);
        assertTrue(run.results().stream().filter(r -> r.check().id().equals("vga-vbe")).noneMatch(
                CheckCatalog.Result::ran));
    }

    private static Diagnostic only(byte[] file, DiagnosticCode code) {
        List<Diagnostic> f = findings(file);
        assertEquals(1, f.size(), f.toString());
        assertEquals(code, f.get(0).code());
        return f.get(0);
    }

    @Test
    void pciIdentity() {
        Diagnostic d = only(DeviceFixtures.rtl8139WrongVendor(), DiagnosticCode.PCI_IDENTITY_MISMATCH);
        assertTrue(d.message().contains("has PCI vendor:device 8086:8139, not 10EC:8139"), d.message());
        assertEquals(Fixtures.defaultGuest().section("rtl8139").bodyOffset() + 4, d.offset());
    }

    @Test
    void unprogrammedBar() {
        Diagnostic d = only(DeviceFixtures.rtl8139Bar0Unprogrammed(), DiagnosticCode.BAR_UNPROGRAMMED);
        assertEquals("'rtl8139' bar0 (I/O) is unprogrammed (0x00000001): the firmware never assigned it an address",
                d.message());
        assertEquals(Fixtures.defaultGuest().section("rtl8139").bodyOffset() + 4 + 0x10, d.offset());
    }

    @Test
    void acpiAddressNeitherV0NorV1() {
        Diagnostic d = only(DeviceFixtures.gpeAddressNeitherV0NorV1(), DiagnosticCode.ACPI_ADDRESS_UNKNOWN);
        assertEquals("'gpe' gpe0_blk_address = 0x00001234: neither V0 (0x1F68) nor V1 (0xAFE0): the loader would map "
                + "GPE0 at 0x1234", d.message());
        assertEquals(Fixtures.defaultGuest().section("gpe").bodyOffset() + 9, d.offset());
    }

    @Test
    void rtcTimerPending() {
        Diagnostic d = only(DeviceFixtures.rtcTimerPending(), DiagnosticCode.IMPOSSIBLE_COUNT);
        assertTrue(d.message().startsWith("'mc146818rtc' periodic_timer = 0x0000000012345678"), d.message());
        assertEquals(8, d.length());
    }

    @Test
    void oldPciBlockInAV3Stream() {
        Diagnostic d = only(DeviceFixtures.i440fxOldPciBlock(), DiagnosticCode.PCI_BLOCK_OLD_VERSION);
        assertTrue(d.message().contains("PCI block version 1 in a v3 stream"), d.message());
    }

    @Test
    void countsAndFlags() {
        // fdc with 3 drives: rejected by fdc_load
        byte[] fdc = org.savevminspector.fixtures.Edit.of(Fixtures.defaultGuest()).bodyU8("fdc", 538, 1).bytes();
        Diagnostic d = only(fdc, DiagnosticCode.IMPOSSIBLE_COUNT);
        assertEquals("'fdc' n_drives = 1: accepted by fdc_load, but the writer always writes MAX_FD = 2", d.message());
        // ide: identify_set 2 on hda (the IDENTIFY data is still there, so the length is unchanged)
        byte[] ide = org.savevminspector.fixtures.Edit.of(Fixtures.defaultGuest()).bodyBe32("ide", 318 + 4, 2).bytes();
        d = only(ide, DiagnosticCode.IMPOSSIBLE_COUNT);
        assertEquals("'ide' drive[0].identify_set = 2: qemu-dm writes 0 or 1", d.message());
        // PCI irq_state 5 on the platform device
        byte[] irq = org.savevminspector.fixtures.Edit.of(Fixtures.defaultGuest()).bodyBe32("platform", 260, 5).bytes();
        d = only(irq, DiagnosticCode.IMPOSSIBLE_COUNT);
        assertEquals("'platform' pci.irq_state[0] = 5: an INTx level is 0 or 1", d.message());
    }
}
