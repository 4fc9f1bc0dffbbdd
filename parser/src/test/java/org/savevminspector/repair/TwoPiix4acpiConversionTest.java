package org.savevminspector.repair;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.diagnostics.DiagnosticCode;
import org.savevminspector.fixtures.Bodies;
import org.savevminspector.fixtures.Fixtures;
import org.savevminspector.fixtures.SectionRecord;
import org.savevminspector.fixtures.Stream;
import org.savevminspector.fixtures.StreamBuilder;
import org.savevminspector.inspect.Inspection;
import org.savevminspector.inspect.Inspector;
import org.savevminspector.io.ByteSource;
import org.savevminspector.loader.LoadOutcome;
import org.savevminspector.loader.LoaderProfiles;
import org.savevminspector.io.ParseOptions;

/**
 * Conversions of files with two piix4acpi sections (issue 13 point 8): they used to end in {@code INTERNAL_ERROR …
 * NullPointerException … "pk" is null} in the loader simulation. The cause: when a profile with XenServer's
 * abort-on-bad-loadvm stopped at a type byte that names no section, the LOADER_ABORTED text asked for the load
 * function of a read that has no idstr (and none ran). Each conversion now ends with what the target loader does.
 */
class TwoPiix4acpiConversionTest {
    private static final Inspector INSPECTOR = Inspector.standard();
    private static final String OVERWRITTEN = "section #23 piix4acpi is not restored: overwritten: section #24 has the "
            + "same idstr and instance (0x0), so %s qemu-dm loads it into the same device; that device ends with the "
            + "state of #24 and the device #24 was saved from keeps its power-on state";

    /** The XenServer 6.0–6.2 file with its piix4acpi section (7226–7526) written twice. */
    private static byte[] duplicated() {
        Stream xs = Fixtures.xenServer62();
        SectionRecord acpi = xs.section("piix4acpi");
        assertEquals(7226, acpi.headerOffset());
        assertEquals(7527, acpi.endOffset());
        return insert(xs.bytes(), acpi.endOffset(), Arrays.copyOfRange(xs.bytes(), 7226, 7527));
    }

    /** The upstream default file with the XenServer 6.0–6.2 piix4acpi section pasted in after its own (at 7524). */
    private static byte[] swappedIn() {
        Stream up = Fixtures.defaultGuest();
        assertEquals(7524, up.section("piix4acpi").endOffset());
        return insert(up.bytes(), 7524, Arrays.copyOfRange(Fixtures.xenServer62().bytes(), 7226, 7527));
    }

    private static byte[] insert(byte[] file, int at, byte[] piece) {
        byte[] out = new byte[file.length + piece.length];
        System.arraycopy(file, 0, out, 0, at);
        System.arraycopy(piece, 0, out, at, piece.length);
        System.arraycopy(file, at, out, at + piece.length, file.length - at);
        return out;
    }

    private static RepairPlan plan(byte[] file, RepairStrategy strategy) {
        ByteSource src = ByteSource.of(file);
        Inspection before = INSPECTOR.inspect(src);
        RepairPlan p = new Repairer(INSPECTOR).plan(src, before, new RepairOptions(strategy, false));
        noInternalError(before.diagnostics());
        noInternalError(p.after().diagnostics());
        return p;
    }

    private static void noInternalError(List<Diagnostic> ds) {
        assertEquals(List.of(), ds.stream().filter(d -> d.code() == DiagnosticCode.INTERNAL_ERROR).toList());
    }

    private static void edit(ByteEdit e, long offset, int[] before, int[] after) {
        assertEquals(offset, e.offset());
        assertArrayEquals(bytes(before), e.before());
        assertArrayEquals(bytes(after), e.after());
    }

    private static byte[] bytes(int... v) {
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = (byte) v[i];
        }
        return b;
    }

    private static final int[] UHCI_LONG = {0x13, 'U', 'H', 'C', 'I', ' ', 'u', 's', 'b', ' ', 'c', 'o', 'n', 't', 'r',
        'o', 'l', 'l', 'e', 'r'};
    private static final int[] UHCI_SHORT = {0x04, 'u', 'h', 'c', 'i'};

    @Test
    void duplicatedXenServerSectionToUpstreamRelabelsBothAndIsRefusedBecauseOneOverwritesTheOther() {
        RepairPlan p = plan(duplicated(), RepairStrategy.TO_UPSTREAM);
        assertEquals(4, p.edits().size());
        edit(p.edits().get(0), 3204, new int[] {0, 0, 0, 0}, new int[] {0, 0, 0, 0x20});
        edit(p.edits().get(1), 6716, UHCI_LONG, UHCI_SHORT);
        edit(p.edits().get(2), 7245, new int[] {0, 0, 0, 2}, new int[] {0, 0, 0, 1});
        edit(p.edits().get(3), 7546, new int[] {0, 0, 0, 2}, new int[] {0, 0, 0, 1});
        assertEquals("the target loader upstream would still not load the converted file completely (mis-read, "
                + "loaded): " + OVERWRITTEN.formatted("upstream"), p.refusal());
        assertEquals(LoadOutcome.LOADED, p.after().loader().outcome());
        assertEquals(0, p.after().loader().result());
        assertEquals(List.of(), p.introduced());
        assertEquals(List.of(), p.acceptedBy());
    }

    @Test
    void duplicatedXenServerSectionToXenServerHasNothingToConvert() {
        RepairPlan p = plan(duplicated(), RepairStrategy.TO_XENSERVER);
        assertFalse(p.hasEdits());
        assertNull(p.refusal());
        assertEquals(List.of(), p.acceptedBy());
    }

    @Test
    void swappedInSectionToXenServerRelabelsTheGenuineOneAndIsRefusedBecauseTheOtherOverwritesIt() {
        RepairPlan p = plan(swappedIn(), RepairStrategy.TO_XENSERVER);
        assertEquals(3, p.edits().size());
        edit(p.edits().get(0), 3204, new int[] {0, 0, 0, 0x20}, new int[] {0, 0, 0, 0});
        edit(p.edits().get(1), 6716, UHCI_SHORT, UHCI_LONG);
        // only the 282-byte body becomes 3; the pasted 278-byte one keeps label 2, which XenServer 6.5 reads as v1
        edit(p.edits().get(2), 7238, new int[] {0, 0, 0, 2}, new int[] {0, 0, 0, 3});
        assertEquals("the target loader xenserver-6.5+ would still not load the converted file completely "
                + "(mis-read, loaded): " + OVERWRITTEN.formatted("XenServer 6.5+"), p.refusal());
        assertEquals(List.of(), p.introduced());
    }

    @Test
    void swappedInSectionToUpstreamRelabelsThePastedOneAndIsRefusedBecauseItOverwritesTheGenuineOne() {
        RepairPlan p = plan(swappedIn(), RepairStrategy.TO_UPSTREAM);
        assertEquals(1, p.edits().size());
        edit(p.edits().get(0), 7543, new int[] {0, 0, 0, 2}, new int[] {0, 0, 0, 1});
        assertEquals("the target loader upstream would still not load the converted file completely (mis-read, "
                + "loaded): " + OVERWRITTEN.formatted("upstream"), p.refusal());
        assertEquals(List.of(), p.introduced());
    }

    /** The path that failed: abort-on-bad-loadvm after a type byte that names no section. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"xenserver-6.0-6.2", "xenserver-6.5+"})
    void aXenServerLoaderAbortingAtAnUnknownTypeByteSaysSoWithoutAnInternalError(String profile) {
        byte[] file = StreamBuilder.v3().full(1, "timer", 0, 2, Bodies.timer()).bytes(0x16).build().bytes();
        Inspection in = INSPECTOR.inspect(ByteSource.of(file), ParseOptions.DEFAULT, LoaderProfiles.byName(profile));
        noInternalError(in.diagnostics());
        assertEquals(LoadOutcome.ABORTED, in.loader().outcome());
        List<Diagnostic> aborted = in.diagnostics().stream().filter(d -> d.code() == DiagnosticCode.LOADER_ABORTED)
                .toList();
        assertEquals(1, aborted.size());
        assertEquals(35, aborted.get(0).offset());
        assertEquals(1, aborted.get(0).length());
        String qemu = profile.equals("xenserver-6.5+") ? "XenServer 6.5+" : "XenServer 6.0–6.2";
        assertEquals(qemu + " qemu-dm dies: qemu_loadvm_state returns -22 (Unknown savevm section type 22); "
                + "abort-on-bad-loadvm: qemu-dm aborts and keeps the file as <file>-broken", aborted.get(0).message());
    }
}
