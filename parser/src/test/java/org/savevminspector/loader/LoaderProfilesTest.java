package org.savevminspector.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.savevminspector.diagnostics.DiagnosticCode;
import org.savevminspector.fixtures.Bodies;

class LoaderProfilesTest {
    /** The four loaders {@code check --all-loaders} runs, in its order, each named as its output names it. */
    @Test
    void theFourProfilesInOrder() {
        List<LoaderProfile> all = LoaderProfiles.all();
        assertEquals(List.of("upstream", "xen-4.0", "xenserver-6.0-6.2", "xenserver-6.5+"),
                all.stream().map(LoaderProfile::toString).toList());
        assertEquals(List.of("upstream qemu-dm", "Xen 4.0 qemu-dm", "XenServer 6.0–6.2 qemu-dm",
                "XenServer 6.5+ qemu-dm"), all.stream().map(LoaderProfile::qemu).toList());
        assertEquals(List.of(AcpiPlacement.V1, AcpiPlacement.V0, AcpiPlacement.V0, AcpiPlacement.V1),
                all.stream().map(LoaderProfile::freshAcpi).toList());
        assertEquals("qemu-xen-traditional of Xen ≥ 4.1 (QT savevm.c:qemu_loadvm_state; the devices QT "
                + "hw/pc.c:pc_init1 registers)", all.get(0).description());
        assertEquals("XenServer ≥ 6.5 (and 7.x): piix4acpi v3 = v2 body, ≤ 2 read as the v1 body at V0, abort on a "
                + "failed load", all.get(3).description());
    }

    /** A sentence names a thousand sections in full; past that it counts the rest. */
    @Test
    void namesAreListedUpToAThousand() {
        Names n = new Names();
        for (int i = 0; i < 1000; i++) {
            n.add("#" + i);
        }
        String all = n.toString();
        assertEquals("#0, #1, ", all.substring(0, 8));
        assertEquals(", #998, #999", all.substring(all.length() - 12));
        n.add("#1000");
        assertEquals(all + " and 1 more", n.toString());
    }

    /**
     * One simulator over two walks in turn: what it worked out for the first (here the label newer than
     * upstream's) is not taken for the second's.
     */
    @Test
    void aSimulatorWorksOutEachWalksMachineAfresh() {
        LoaderSimulator sim = new LoaderSimulator(TestCatalog.catalog());
        TestStream newer = TestStream.v3().full(1, "timer", 0, 9, Bodies.timer()).eof();
        TestStream plain = TestStream.v3().full(1, "timer", 0, 2, Bodies.timer()).eof();
        assertEquals(List.of(DiagnosticCode.VERSION_NEWER_THAN_UPSTREAM, DiagnosticCode.LOADER_FAILED),
                sim.simulate(newer.source(), newer.parse()).diagnostics().stream().map(d -> d.code()).toList());
        assertEquals(List.of(), sim.simulate(plain.source(), plain.parse()).diagnostics());
        assertEquals(List.of(DiagnosticCode.VERSION_NEWER_THAN_UPSTREAM, DiagnosticCode.LOADER_FAILED),
                sim.simulate(newer.source(), newer.parse()).diagnostics().stream().map(d -> d.code()).toList());
    }
}
