package org.savevminspector.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.savevminspector.devices.DeviceCatalog;
import org.savevminspector.fixtures.Fixtures;
import org.savevminspector.fixtures.Guest;
import org.savevminspector.io.ByteSource;
import org.savevminspector.io.ParseOptions;
import org.savevminspector.stream.SavevmParser;

/**
 * Spec FORMAT.md V's matrix, profile by profile: what each real loader did with each kind of file. One row per
 * (fixture, profile): the verdict, the outcome, the result and where the loader stopped.
 */
class LoaderProfileMatrixTest {
    private static final DeviceCatalog CATALOG = DeviceCatalog.standard();

    static LoaderReport run(byte[] bytes, String profile) {
        ByteSource src = ByteSource.of(bytes);
        var parse = new SavevmParser(CATALOG).parse(src, ParseOptions.DEFAULT);
        return new LoaderSimulator(CATALOG).simulate(src, parse, LoaderProfiles.byName(profile)).report();
    }

    static byte[] fixture(String name) {
        return switch (name) {
            case "default" -> Fixtures.defaultGuest().bytes();
            case "piix4acpi-case" -> Fixtures.piix4acpiCase().bytes();
            case "xenserver-6.2" -> Fixtures.xenServer62().bytes();
            case "xenserver-6.2-stdvga" -> Fixtures.xenServer62StdVga().bytes();
            case "xenserver-6.5" -> Fixtures.xenServer65().bytes();
            case "xen-4.0" -> Fixtures.xen40().bytes();
            case "std-vga" -> Fixtures.stdVga().bytes();
            case "xenserver-names-upstream-acpi" -> Fixtures.write(Guest.DEFAULT.withXenServer(true)).bytes();
            case "xenserver-6.5-two-nics" -> Fixtures.write(Guest.DEFAULT.withAcpi(2, 3, 2).withXenServer(true)
                    .withNics(Guest.Nic.RTL8139, Guest.Nic.RTL8139)).bytes();
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** FORMAT.md V, row by row: fixture, profile, verdict, outcome, result (null = aborted), stream position. */
    static Stream<Arguments> matrix() {
        return Stream.of(
                // the default upstream file: only upstream loads it; 4.0 refuses gpe v2; XenServer refuses 0x20
                row("default", "upstream", "OK", "loaded", 0, 7525),
                row("default", "xen-4.0", "rejected", "failed", -22, 7049),
                row("default", "xenserver-6.0-6.2", "rejected", "aborted", null, 3212),
                row("default", "xenserver-6.5+", "rejected", "aborted", null, 3212),
                // FORMAT.md C.4: upstream aborts inside piix4acpi_load at the end of the file
                row("piix4acpi-case", "upstream", "rejected", "aborted", null, 7513),
                row("piix4acpi-case", "xen-4.0", "rejected", "failed", -22, 7234),
                row("piix4acpi-case", "xenserver-6.0-6.2", "rejected", "aborted", null, 3212),
                row("piix4acpi-case", "xenserver-6.5+", "rejected", "aborted", null, 3212),
                // genuine XenServer 6.0–6.2 file: upstream stops at rtl8139 (3,212); 6.0–6.2 stops at 7,250 of
                // 7,528 with result 0; 6.5 loads it completely
                row("xenserver-6.2", "upstream", "rejected", "failed", -22, 3212),
                row("xenserver-6.2", "xen-4.0", "rejected", "failed", -22, 3212),
                row("xenserver-6.2", "xenserver-6.0-6.2", "mis-read", "loaded", 0, 7250),
                row("xenserver-6.2", "xenserver-6.5+", "OK", "loaded", 0, 7528),
                row("xenserver-6.2-stdvga", "upstream", "rejected", "failed", -22, 694),
                row("xenserver-6.2-stdvga", "xenserver-6.0-6.2", "mis-read", "loaded", 0, 6773),
                row("xenserver-6.2-stdvga", "xenserver-6.5+", "OK", "loaded", 0, 7051),
                // XenServer 6.5 file: 6.0–6.2 refuses gpe v2 and aborts
                row("xenserver-6.5", "upstream", "rejected", "failed", -22, 3212),
                row("xenserver-6.5", "xenserver-6.0-6.2", "rejected", "aborted", null, 7064),
                row("xenserver-6.5", "xenserver-6.5+", "OK", "loaded", 0, 7540),
                // a Xen 4.0 file loads on 4.0 and upstream (v1 labels, V0 implied)
                row("xen-4.0", "upstream", "OK", "loaded", 0, 7513),
                row("xen-4.0", "xen-4.0", "OK", "loaded", 0, 7513),
                row("xen-4.0", "xenserver-6.0-6.2", "rejected", "aborted", null, 3212),
                row("xen-4.0", "xenserver-6.5+", "rejected", "aborted", null, 3212),
                row("std-vga", "upstream", "OK", "loaded", 0, 7048),
                row("std-vga", "xenserver-6.5+", "rejected", "aborted", null, 2735),
                // upstream v2 ACPI under XenServer names: 6.0–6.2 refuses gpe v2; 6.5 reads piix4acpi v2 as the
                // 278-byte body, result 0 with 4 bytes unread
                row("xenserver-names-upstream-acpi", "xenserver-6.0-6.2", "rejected", "aborted", null, 7064),
                row("xenserver-names-upstream-acpi", "xenserver-6.5+", "mis-read", "loaded", 0, 7536),
                // two NICs, both rtl8139 instance 0: result 0, NIC 2 restored into NIC 1
                row("xenserver-6.5-two-nics", "xenserver-6.5+", "mis-read", "loaded", 0, 8203),
                row("xenserver-6.5-two-nics", "upstream", "rejected", "failed", -22, 3212));
    }

    private static Arguments row(String fixture, String profile, String verdict, String outcome, Integer result,
                                 long stoppedAt) {
        return Arguments.of(fixture, profile, verdict, outcome, result, stoppedAt);
    }

    @ParameterizedTest(name = "{0} × {1} → {2}")
    @MethodSource("matrix")
    void appendixV(String fixture, String profile, String verdict, String outcome, Integer result, long stoppedAt) {
        LoaderReport r = run(fixture(fixture), profile);
        assertEquals(profile, r.profile());
        assertEquals(verdict, r.verdict().word(), r.message());
        assertEquals(outcome, r.outcome().json(), r.message());
        assertEquals(result, r.result(), r.message());
        assertEquals(stoppedAt, r.stoppedAt(), r.message());
    }

    @Test
    void everyXenServerRefusalEndsInAbort() {
        for (String fixture : new String[] {"default", "xenserver-6.5", "std-vga", "xen-4.0"}) {
            for (String profile : new String[] {"xenserver-6.0-6.2", "xenserver-6.5+"}) {
                LoaderReport r = run(fixture(fixture), profile);
                if (r.verdict() == LoaderVerdict.REJECTED) {
                    assertEquals(LoadOutcome.ABORTED, r.outcome(), fixture + " × " + profile);
                    assertTrue(r.message().contains("abort-on-bad-loadvm"), r.message());
                }
            }
        }
    }

    @Test
    void xenServer62RefusesEveryGpeV2Record() {
        for (String fixture : new String[] {"xenserver-6.5", "xenserver-names-upstream-acpi",
                "xenserver-6.5-two-nics"}) {
            LoaderReport r = run(fixture(fixture), "xenserver-6.0-6.2");
            assertTrue(r.message().contains("unsupported version 2 for 'gpe' v1"), r.message());
        }
    }

    @Test
    void xenServer62LeavesItsOwnAcpiFunctionUnrestored() {
        LoaderReport r = run(fixture("xenserver-6.2"), "xenserver-6.0-6.2");
        assertEquals(1, r.notRestored().size());
        assertEquals("piix4acpi", r.notRestored().get(0).idstr());
        assertTrue(r.notRestored().get(0).reason().contains("before reading anything"));
    }

    @Test
    void xenServer65ReadsAnUpstreamV2RecordAsTheV1BodyWithMixedPorts() {
        LoaderReport r = run(fixture("xenserver-names-upstream-acpi"), "xenserver-6.5+");
        LoaderReport.Misread m = r.misreads().get(0);
        assertEquals("piix4acpi", m.idstr());
        assertEquals(282, m.bodyLength());
        assertEquals(278, m.bytesRead());
        assertTrue(r.notRestored().isEmpty());
        assertTrue(r.consequences().stream().anyMatch(c -> c.contains("PM1a_CNT at 0x1F44–0x1F45 (V0) but GPE0 at "
                + "0xAFE0–0xAFE3 (V1): a mixed layout")), r.consequences().toString());
        // the PM1a move is the implied V0, not a value read from the body
        LoaderRead acpi = r.reads().get(r.reads().size() - 1);
        assertEquals("pm1a_evt_blk_address (implied by version 2)", acpi.values().get(acpi.values().size() - 1)
                .name());
    }

    @Test
    void twoXenServerNicsRestoreTheSecondIntoTheFirst() {
        LoaderReport r = run(fixture("xenserver-6.5-two-nics"), "xenserver-6.5+");
        assertEquals(0, r.result());
        assertEquals(1, r.notRestored().size());
        assertEquals("rtl8139", r.notRestored().get(0).idstr());
        assertTrue(r.notRestored().get(0).reason().startsWith("overwritten"));
    }

    @Test
    void twoXenServerNicsAreFlaggedWhateverTheLoader() {
        var in = org.savevminspector.inspect.Inspector.standard()
                .inspect(ByteSource.of(fixture("xenserver-6.5-two-nics")));
        var dup = in.diagnostics().stream()
                .filter(d -> d.code() == org.savevminspector.diagnostics.DiagnosticCode.DUPLICATE_SECTION).toList();
        assertEquals(1, dup.size(), dup.toString());
        assertTrue(dup.get(0).message().contains("both XenServer loaders (6.0–6.2 and 6.5+) restore this NIC's "
                + "state into the first NIC"), dup.get(0).message());
    }

    @Test
    void upstreamAbortSaysWhichDmaChannelThePm1aBlockHits() {
        LoaderReport r = run(fixture("piix4acpi-case"), "upstream");
        assertTrue(r.consequences().get(0).contains("PM1a_CNT at 0x0004–0x0005 lands on port 0x0004, which "
                + "belongs to ISA DMA controller 0 (DMA channel 2 address register)"), r.consequences().toString());
    }

    @Test
    void profilesRegisterWhatAppendixXSays() {
        var up = LoaderProfiles.byName("upstream").registeredVersions();
        var xs62 = LoaderProfiles.byName("xenserver-6.0-6.2").registeredVersions();
        var xs65 = LoaderProfiles.byName("xenserver-6.5+").registeredVersions();
        var xen40 = LoaderProfiles.byName("xen-4.0").registeredVersions();
        assertEquals(2L, up.get("piix4acpi"));
        assertEquals(2L, up.get("gpe"));
        assertEquals(1L, xen40.get("piix4acpi"));
        assertEquals(1L, xen40.get("gpe"));
        assertEquals(2L, xs62.get("piix4acpi"));
        assertEquals(1L, xs62.get("gpe"));
        assertEquals(3L, xs65.get("piix4acpi"));
        assertEquals(2L, xs65.get("gpe"));
        for (var xs : List.of(xs62, xs65)) {
            assertEquals(6L, xs.get("vga"));
            assertEquals(1L, xs.get("UHCI usb controller"));
            assertTrue(!xs.containsKey("uhci"));
            assertEquals(1L, xs.get("pcislots"));
        }
        assertTrue(xs65.containsKey("xen-pvdevice") && !xs62.containsKey("xen-pvdevice"));
        assertTrue(LoaderProfiles.byName("xenserver-6.0-6.2").failureAborts());
        assertTrue(!LoaderProfiles.byName("upstream").failureAborts());
        assertEquals(AcpiPlacement.V0, LoaderProfiles.byName("xenserver-6.0-6.2").freshAcpi());
        assertEquals(AcpiPlacement.V1, LoaderProfiles.byName("xenserver-6.5+").freshAcpi());
    }

    @Test
    void aXenServerV1DialectFileIsNotGuessed() {
        byte[] bytes = {0x51, 0x45, 0x56, 0x4D, 0, 0, 0, 1, 0};
        assertEquals(LoadOutcome.INCOMPLETE, run(bytes, "xenserver-6.5+").outcome());
        LoaderReport up = run(bytes, "upstream");
        assertEquals(-95, up.result());
    }

    @Test
    void unknownProfileNamesTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LoaderProfiles.byName("xenserver"));
        assertEquals("unknown loader profile 'xenserver' (expected one of: upstream, xen-4.0, xenserver-6.0-6.2, "
                + "xenserver-6.5+)", e.getMessage());
    }
}
