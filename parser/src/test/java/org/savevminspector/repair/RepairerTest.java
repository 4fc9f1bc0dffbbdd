package org.savevminspector.repair;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.diagnostics.DiagnosticCode;
import org.savevminspector.fixtures.Fixtures;
import org.savevminspector.inspect.Inspection;
import org.savevminspector.inspect.Inspector;
import org.savevminspector.io.ByteSource;

class RepairerTest {
    private final Inspector inspector = Inspector.standard();
    private final Repairer repairer = new Repairer(inspector);

    private RepairPlan plan(byte[] input, RepairStrategy strategy, boolean trim) {
        ByteSource src = ByteSource.of(input);
        return repairer.plan(src, inspector.inspect(src), new RepairOptions(strategy, trim));
    }

    private static List<DiagnosticCode> codes(List<Diagnostic> ds) {
        return ds.stream().map(Diagnostic::code).toList();
    }

    @Test
    void relabelChangesOneByteAndTheResultLoads() {
        RepairPlan p = plan(Fixtures.piix4acpiCase().bytes(), RepairStrategy.RELABEL, false);
        assertTrue(p.acceptable(), p.refusal());
        assertEquals(1, p.edits().size());
        ByteEdit e = p.edits().get(0);
        assertEquals(7230, e.offset());
        assertArrayEquals(new byte[] {0, 0, 0, 2}, e.before());
        assertArrayEquals(new byte[] {0, 0, 0, 1}, e.after());
        assertArrayEquals(Fixtures.piix4acpiRelabelled(), p.result());
        assertTrue(codes(p.fixed()).containsAll(List.of(DiagnosticCode.VERSION_LABEL_MISMATCH,
                DiagnosticCode.LOADER_ABORTED, DiagnosticCode.LOADER_OVERRUN)), p.fixed().toString());
        assertEquals(List.of(), p.introduced());
        assertEquals(0, p.after().loader().result());
    }

    @Test
    void upgradeInsertsTheV0AddressBeforeTheEofMarker() {
        RepairPlan p = plan(Fixtures.piix4acpiCase().bytes(), RepairStrategy.UPGRADE, false);
        assertTrue(p.acceptable(), p.refusal());
        ByteEdit e = p.edits().get(0);
        assertEquals(7512, e.offset());
        assertEquals(0, e.before().length);
        assertArrayEquals(new byte[] {0x00, 0x00, 0x1F, 0x40}, e.after());
        assertArrayEquals(Fixtures.piix4acpiUpgraded(), p.result());
        assertEquals(7517, p.result().length);
    }

    @Test
    void trimRemovesThePaddingOfTheSample() {
        RepairPlan p = plan(Fixtures.sample(), RepairStrategy.RELABEL, true);
        assertTrue(p.acceptable(), p.refusal());
        assertEquals(2, p.edits().size());
        assertArrayEquals(Fixtures.piix4acpiRelabelled(), p.result());
        assertTrue(codes(p.fixed()).contains(DiagnosticCode.TRAILING_BYTES));
        assertFalse(codes(p.remaining()).contains(DiagnosticCode.TRAILING_BYTES));
    }

    @Test
    void upgradeWithoutTrimKeepsTheTrailingBytesAsTheyWere() {
        // the 4 inserted bytes move the padding; it is the same padding, not a new problem
        RepairPlan p = plan(Fixtures.sample(), RepairStrategy.UPGRADE, false);
        assertTrue(p.acceptable(), p.refusal());
        assertEquals(List.of(), p.introduced());
        assertTrue(codes(p.remaining()).contains(DiagnosticCode.TRAILING_BYTES));
    }

    @Test
    void offsetsOfTheRepairedBytesMapBackToTheOriginal() {
        List<ByteEdit> edits = List.of(new ByteEdit(10, new byte[0], new byte[] {1, 2, 3, 4}, "insert"),
                new ByteEdit(20, new byte[] {5, 5}, new byte[0], "remove"));
        assertEquals(5, Repairer.originalOffset(edits, 5));
        assertEquals(10, Repairer.originalOffset(edits, 12));
        assertEquals(15, Repairer.originalOffset(edits, 19));
        assertEquals(30, Repairer.originalOffset(edits, 32));
    }

    @Test
    void nothingToRepairOnADefaultFile() {
        RepairPlan p = plan(Fixtures.defaultGuest().bytes(), RepairStrategy.RELABEL, true);
        assertFalse(p.hasEdits());
        assertNull(p.refusal());
        assertFalse(p.acceptable());
    }

    @Test
    void errorsElsewhereAreListedNotHidden() {
        RepairPlan p = plan(Fixtures.xenServer62().bytes(), RepairStrategy.RELABEL, false);
        assertTrue(p.acceptable(), p.refusal());
        // upstream still refuses the file at rtl8139 instance 0 (FORMAT.md V)
        assertTrue(codes(p.remaining()).contains(DiagnosticCode.LOADER_FAILED), p.remaining().toString());
        Inspection after = p.after();
        assertEquals(-22, after.loader().result());
    }

    @Test
    void writesAtomicallyAndRefusesTheInputExistingFilesAndDirectories(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("in.qevm");
        byte[] original = Fixtures.piix4acpiCase().bytes();
        Files.write(in, original);
        RepairPlan p = plan(original, RepairStrategy.RELABEL, false);

        assertThrows(RepairRefusedException.class, () -> repairer.write(p, in, in, true));
        assertThrows(RepairRefusedException.class, () -> repairer.write(p, in, dir.resolve(".").resolve("in.qevm"), true));
        Path link = dir.resolve("hardlink.qevm");
        Files.createLink(link, in);
        assertThrows(RepairRefusedException.class, () -> repairer.write(p, in, link, true));
        assertThrows(RepairRefusedException.class, () -> repairer.write(p, in, dir, true));

        Path out = dir.resolve("out.qevm");
        repairer.write(p, in, out, false);
        assertArrayEquals(Fixtures.piix4acpiRelabelled(), Files.readAllBytes(out));
        RepairRefusedException exists = assertThrows(RepairRefusedException.class,
                () -> repairer.write(p, in, out, false));
        assertTrue(exists.getMessage().contains("--force"), exists.getMessage());
        repairer.write(p, in, out, true);

        assertArrayEquals(original, Files.readAllBytes(in), "the input is never modified");
        try (var files = Files.list(dir)) {
            assertEquals(List.of("hardlink.qevm", "in.qevm", "out.qevm"),
                    files.map(f -> f.getFileName().toString()).sorted().toList(), "no temporary file is left");
        }
    }

    @Test
    void aPlanWithNothingToWriteIsRefused(@TempDir Path dir) {
        RepairPlan p = plan(Fixtures.defaultGuest().bytes(), RepairStrategy.RELABEL, false);
        RepairRefusedException e = assertThrows(RepairRefusedException.class,
                () -> repairer.write(p, null, dir.resolve("x"), false));
        assertEquals("nothing to repair", e.getMessage());
    }

    @Test
    void aMissingTargetDirectoryIsAnIoErrorAndLeavesNothing(@TempDir Path dir) {
        RepairPlan p = plan(Fixtures.piix4acpiCase().bytes(), RepairStrategy.RELABEL, false);
        assertThrows(IOException.class, () -> repairer.write(p, null, dir.resolve("no/such/dir/out"), false));
    }

    @Test
    void applyHandlesInsertionsReplacementsAndRemovalsInOrder() {
        byte[] base = {0, 1, 2, 3, 4, 5, 6, 7};
        byte[] out = Repairer.apply(base, List.of(
                new ByteEdit(1, new byte[] {1}, new byte[] {9}, "replace"),
                new ByteEdit(4, new byte[0], new byte[] {8, 8}, "insert"),
                new ByteEdit(6, new byte[] {6, 7}, new byte[0], "remove")));
        assertEquals(Arrays.toString(new byte[] {0, 9, 2, 3, 8, 8, 4, 5}), Arrays.toString(out));
    }

    /**
     * Found by fuzzing the repair planner: a mismatched body with the 260-byte PCI block of the v1 era (FORMAT.md A.13) is
     * 262 bytes, so the field to insert after is not at body offset 278; with trailing bytes to trim the fixed
     * offset made the two edits overlap (ArrayIndexOutOfBoundsException). The insertion follows pm1_control.
     */
    @Test
    void upgradeInsertsAfterPm1ControlWhereverTheBodyPutsIt() {
        byte[] v1Era = org.savevminspector.fixtures.Fixtures.v1File().bytes();
        org.savevminspector.fixtures.SectionRecord acpi = org.savevminspector.fixtures.Fixtures.v1File()
                .section("piix4acpi");
        byte[] body = Arrays.copyOfRange(v1Era, acpi.bodyOffset(), acpi.endOffset());
        assertEquals(262, body.length);
        byte[] file = org.savevminspector.fixtures.StreamBuilder.v3().full(0, "piix4acpi", 0, 2, body).eof().build()
                .bytes();
        byte[] tailed = Arrays.copyOf(file, file.length + 7);

        RepairPlan p = plan(tailed, RepairStrategy.UPGRADE, true);
        assertEquals(2, p.edits().size(), p.edits().toString());
        long afterPm1Control = file.length - 1;
        assertEquals(afterPm1Control, p.edits().get(0).offset());
        byte[] expected = Arrays.copyOf(file, file.length + 4);
        System.arraycopy(new byte[] {0, 0, 0x1F, 0x40, 0}, 0, expected, file.length - 1, 5);
        assertArrayEquals(expected, p.result());
        assertArrayEquals(expected, plan(file, RepairStrategy.UPGRADE, true).result(), "same as without the tail");
    }
}
