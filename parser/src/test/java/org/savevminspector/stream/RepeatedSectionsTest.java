package org.savevminspector.stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.diagnostics.DiagnosticCode;
import org.savevminspector.fixtures.Fixtures;
import org.savevminspector.fixtures.SectionRecord;
import org.savevminspector.fixtures.Stream;
import org.savevminspector.inspect.Inspection;
import org.savevminspector.inspect.Inspector;
import org.savevminspector.io.ByteSource;
import org.savevminspector.model.Section;
import org.savevminspector.repair.ByteEdit;
import org.savevminspector.repair.RepairOptions;
import org.savevminspector.repair.RepairPlan;
import org.savevminspector.repair.RepairStrategy;
import org.savevminspector.repair.Repairer;

/**
 * The XenServer 6.0–6.2 piix4acpi section (labelled 2, 278-byte version-1 body) followed by copies of itself, same
 * section id and all (issue 13 point 7): a well-formed header right after the 278-byte body must win over the
 * labelled 282 bytes, so every copy is a label mismatch and every copy is repaired.
 */
class RepeatedSectionsTest {
    private static final Inspector INSPECTOR = Inspector.standard();
    /** The section: header at 7211 (23 bytes, version label at +19), body 7234–7511, EOF marker at 7512. */
    private static final int FIRST = 7211;
    private static final int SIZE = 301;

    /** The case with {@code copies} piix4acpi sections in a row before the EOF marker. */
    static byte[] copies(int copies) {
        Stream s = Fixtures.piix4acpiCase();
        SectionRecord acpi = s.section("piix4acpi");
        assertEquals(FIRST, acpi.headerOffset());
        assertEquals(FIRST + SIZE, acpi.endOffset());
        byte[] one = Arrays.copyOfRange(s.bytes(), acpi.headerOffset(), acpi.endOffset());
        byte[] out = new byte[s.length() + (copies - 1) * SIZE];
        System.arraycopy(s.bytes(), 0, out, 0, acpi.endOffset());
        for (int k = 1; k < copies; k++) {
            System.arraycopy(one, 0, out, FIRST + k * SIZE, SIZE);
        }
        out[out.length - 1] = 0; // QEMU_VM_EOF
        return out;
    }

    private static String line(DiagnosticCode code, long offset, long length, int section) {
        return code + " @" + offset + "+" + length + " #" + section;
    }

    private static List<String> lines(List<Diagnostic> ds) {
        return ds.stream().map(d -> line(d.code(), d.offset(), d.length(), d.section())).toList();
    }

    @ParameterizedTest(name = "{0} copies")
    @ValueSource(ints = {2, 3, 50})
    void everyCopyIsALabelMismatchAndTheWalkReachesTheEofMarker(int n) {
        byte[] file = copies(n);
        Inspection in = INSPECTOR.inspect(ByteSource.of(file));
        assertEquals(7513 + (n - 1) * SIZE, file.length);
        assertEquals(23 + n, in.sections().size());
        assertEquals(FIRST + (long) n * SIZE, in.parse().eof().offset());
        assertNull(in.parse().trailing());
        assertNull(in.parse().unparsed());
        for (int k = 0; k < n; k++) {
            Section s = in.sections().get(23 + k);
            assertEquals(FIRST + (long) k * SIZE, s.header().offset());
            assertEquals(278, s.body().length());
            assertEquals(2, s.versionId());
            assertEquals(1, s.shapeVersion());
            assertTrue(s.labelMismatch());
        }

        List<String> want = new ArrayList<>();
        want.add(line(DiagnosticCode.LOADER_PORTS, 7049, 9, 21));
        want.add(line(DiagnosticCode.VERSION_LABEL_MISMATCH, 7230, 4, 23));
        // upstream trusts the first label: 282 bytes, the last 4 taken from the second copy's header
        want.add(line(DiagnosticCode.LOADER_PORTS, 7234, 282, 23));
        want.add(line(DiagnosticCode.LOADER_OVERRUN, 7512, 4, 23));
        for (int k = 1; k < n; k++) {
            long at = FIRST + (long) k * SIZE;
            want.add(line(DiagnosticCode.DUPLICATE_SECTION, at, 23, 23 + k));
            want.add(line(DiagnosticCode.SECTION_ID_ORDER, at + 1, 4, 23 + k));
            if (k == 1) {
                // ... and then reads the second copy's idstr length byte 0x16 as a section type
                want.add(line(DiagnosticCode.LOADER_FAILED, 7516, 1, -1));
            }
            want.add(line(DiagnosticCode.VERSION_LABEL_MISMATCH, at + 19, 4, 23 + k));
        }
        assertEquals(want, lines(in.diagnostics()));

        for (Diagnostic d : in.diagnostics()) {
            if (d.code() == DiagnosticCode.VERSION_LABEL_MISMATCH) {
                long header = d.offset() - 19;
                assertEquals("'piix4acpi' is labelled version 2 but its body has the shape of version 1 (278 bytes, "
                        + "not 282): XenServer 6.0–6.2 record at offset " + header + " (0x"
                        + Long.toHexString(header).toUpperCase() + ")", d.message());
            }
        }
        assertEquals("Unknown savevm section type 22", in.loader().message());
    }

    @ParameterizedTest(name = "{0} copies")
    @ValueSource(ints = {2, 3, 50})
    void relabelRepairsEveryCopy(int n) {
        RepairPlan p = plan(copies(n), RepairStrategy.RELABEL);
        assertNull(p.refusal());
        assertEquals(n, p.edits().size());
        byte[] expected = copies(n);
        for (int k = 0; k < n; k++) {
            ByteEdit e = p.edits().get(k);
            assertEquals(7230 + (long) k * SIZE, e.offset());
            assertArrayEquals(new byte[] {0, 0, 0, 2}, e.before());
            assertArrayEquals(new byte[] {0, 0, 0, 1}, e.after());
            expected[7233 + k * SIZE] = 1;
        }
        assertArrayEquals(expected, p.result());
        assertEquals(List.of(), p.introduced());
        assertEquals(0, p.after().diagnostics().stream()
                .filter(d -> d.code() == DiagnosticCode.VERSION_LABEL_MISMATCH).count());
        assertEquals(0, p.after().loader().result());
        // the copies still overwrite one another in any loader: a repaired file, not one that restores everything
        assertEquals(List.of(), p.acceptedBy());
        assertEquals(n - 1, p.after().loader().notRestored().size());
    }

    @ParameterizedTest(name = "{0} copies")
    @ValueSource(ints = {2, 3, 50})
    void upgradeRepairsEveryCopy(int n) {
        RepairPlan p = plan(copies(n), RepairStrategy.UPGRADE);
        assertNull(p.refusal());
        assertEquals(n, p.edits().size());
        for (int k = 0; k < n; k++) {
            ByteEdit e = p.edits().get(k);
            assertEquals(7512 + (long) k * SIZE, e.offset());
            assertEquals(0, e.before().length);
            assertArrayEquals(new byte[] {0x00, 0x00, 0x1F, 0x40}, e.after());
        }
        assertEquals(7513 + (n - 1) * SIZE + 4 * n, p.result().length);
        Inspection after = p.after();
        for (int k = 0; k < n; k++) {
            Section s = after.sections().get(23 + k);
            assertEquals(FIRST + (long) k * (SIZE + 4), s.header().offset());
            assertEquals(282, s.body().length());
            assertEquals(2, s.shapeVersion());
        }
        assertEquals(List.of(), p.introduced());
        assertEquals(0, p.after().loader().result());
    }

    private static RepairPlan plan(byte[] file, RepairStrategy strategy) {
        ByteSource src = ByteSource.of(file);
        return new Repairer(INSPECTOR).plan(src, INSPECTOR.inspect(src), new RepairOptions(strategy, false));
    }
}
