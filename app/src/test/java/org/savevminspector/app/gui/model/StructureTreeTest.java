package org.savevminspector.app.gui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.diagnostics.Severity;
import org.savevminspector.fixtures.Fixtures;
import org.savevminspector.inspect.Inspection;
import org.savevminspector.inspect.Inspector;
import org.savevminspector.io.ByteSource;
import org.savevminspector.loader.LoaderProfiles;

class StructureTreeTest {
    private final StructureTree tree = new StructureTree(Samples.SAMPLE_INSPECTION);

    @Test
    void topLevelHasHeaderSectionsEofAndTrailingInOffsetOrder() {
        List<StructureNode> roots = tree.roots();
        assertEquals(1 + 24 + 1 + 1, roots.size());
        assertEquals(NodeKind.FILE_HEADER, roots.get(0).kind());
        assertEquals("ram (start)", roots.get(1).name());
        assertEquals("piix4acpi", roots.get(24).name());
        assertEquals(NodeKind.EOF_MARKER, roots.get(25).kind());
        assertEquals(7512, roots.get(25).offset());
        assertEquals(NodeKind.TRAILING, roots.get(26).kind());
        assertEquals(7513, roots.get(26).offset());
        assertEquals(7, roots.get(26).span().length());
    }

    /** Under xen-4.0 the sample's gpe (#21) keeps its ports: upstream's note on it goes, the nodes stay. */
    @Test
    void anotherLoaderGivesOtherStatusesOnTheSameNodes() {
        ByteSource src = ByteSource.of(Samples.SAMPLE);
        Inspection xen40 = Inspector.standard().withLoader(Samples.SAMPLE_INSPECTION, src,
                LoaderProfiles.byName("xen-4.0"));
        StructureTree other = tree.withInspection(xen40);
        assertSame(tree.roots(), other.roots());
        StructureNode gpe = tree.roots().get(22);
        assertEquals("gpe", gpe.name());
        assertEquals(Severity.NOTE, tree.status(gpe));
        assertNull(other.status(gpe));
        assertEquals(Severity.ERROR, other.status(tree.roots().get(24)));
        Inspection reparsed = Inspector.standard().inspect(src);
        assertThrows(IllegalArgumentException.class, () -> tree.withInspection(reparsed));
    }

    @Test
    void everyByteBelongsToANodeAndTheTopLevelCoversTheFileWithoutGaps() {
        long expected = 0;
        for (StructureNode n : tree.roots()) {
            assertEquals(expected, n.offset(), "gap before " + n.name());
            expected = n.end();
        }
        assertEquals(Samples.SAMPLE.length, expected);
        for (long o = 0; o < Samples.SAMPLE.length; o++) {
            assertNotNull(tree.nodeAt(o), "no node at " + o);
        }
    }

    @Test
    void innermostNodeDescendsThroughHeaderAndNestedPciFields() {
        List<StructureNode> p = tree.path(7231); // inside piix4acpi's version_id
        assertEquals(List.of("piix4acpi", "header", "version_id"), p.stream().map(StructureNode::name).toList());
        assertEquals("piix4acpi › header › version_id", p.get(2).path());

        StructureNode vendor = tree.nodeAt(7239);
        assertEquals("vendor_id", vendor.name());
        assertEquals("piix4acpi › pci.config › vendor_id", vendor.path());
        assertEquals("pm1_control", tree.nodeAt(7511).name());
        assertEquals(NodeKind.TRAILING, tree.nodeAt(7519).kind());
        assertEquals(null, tree.nodeAt(7520));
    }

    @Test
    void childrenOfASectionStartWithItsHeaderAndPathToFindsANode() {
        StructureNode acpi = tree.roots().get(24);
        List<StructureNode> kids = tree.children(acpi);
        assertEquals(NodeKind.SECTION_HEADER, kids.get(0).kind());
        assertEquals(23, kids.get(0).span().length());
        assertEquals("pm1_control", kids.get(kids.size() - 1).name());
        StructureNode pm1 = kids.get(kids.size() - 1);
        assertEquals(List.of(acpi, pm1), tree.pathTo(pm1));
    }

    @Test
    void statusMarksTheMismatchedSectionAndItsVersionFieldAsErrors() {
        assertEquals(Severity.ERROR, tree.status(tree.roots().get(24)));
        assertEquals(Severity.ERROR, tree.status(tree.nodeAt(7230)));
        // the first trailing bytes are also what the aborting loader reads as pm1a_evt_blk_address (error)
        assertEquals(Severity.ERROR, tree.status(tree.roots().get(26)));
        assertEquals(null, tree.status(tree.roots().get(4))); // timer: clean
    }

    /** Every distinct node of several files (clean, XenServer, unknown device, truncated) with its tree. */
    private static List<Map.Entry<StructureTree, StructureNode>> everyNodeOfSeveralFiles() {
        List<Map.Entry<StructureTree, StructureNode>> out = new ArrayList<>();
        List<byte[]> files = List.of(Samples.SAMPLE, Fixtures.xenServer62().bytes(), Fixtures.unknownDevice().bytes(),
                Fixtures.truncated(Samples.SAMPLE, 5000));
        // every byte of the file maps to a path; the distinct nodes on those paths are fixed by the fixture writer
        // (sample, xenServer62, unknownDevice, cut sample): a change here means a layout changed
        List<Integer> counts = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            byte[] bytes = files.get(i);
            StructureTree t = new StructureTree(Samples.inspect(bytes));
            Set<StructureNode> seen = new LinkedHashSet<>();
            for (long o = 0; o < bytes.length; o++) {
                seen.addAll(t.path(o));
            }
            counts.add(seen.size());
            seen.forEach(n -> out.add(Map.entry(t, n)));
        }
        assertEquals(List.of(1024, 1023, 1069, 545), counts, "distinct nodes per file");
        return out;
    }

    @Test
    void diagnosticsOfANodeAgreeWithAFullScanForEveryNodeOfSeveralFiles() {
        for (var e : everyNodeOfSeveralFiles()) {
            StructureTree t = e.getKey();
            StructureNode n = e.getValue();
            if (n.kind() != NodeKind.SECTION) {
                var expected = t.inspection().diagnostics().stream().filter(d -> d.length() == 0
                        ? n.span().contains(d.offset())
                        : d.offset() < n.end() && d.offset() + d.length() > n.offset()).toList();
                assertEquals(expected, t.diagnostics(n), n.path());
            }
        }
    }

    @Test
    void gravestIsTheFirstOfTheGravestDiagnosticsOfEveryNodeOfSeveralFiles() {
        int withProblems = 0;
        for (var e : everyNodeOfSeveralFiles()) {
            StructureTree t = e.getKey();
            StructureNode n = e.getValue();
            var expected = t.diagnostics(n).stream().max(Comparator.comparing(Diagnostic::severity));
            assertEquals(expected.orElse(null), t.gravest(n), n.path());
            withProblems += expected.isPresent() ? 1 : 0;
        }
        assertTrue(withProblems > 0);
    }

    @Test
    void aFileThatIsNotASavefileStillHasANodeForItsBytes() {
        StructureTree bad = new StructureTree(Samples.inspect(Fixtures.badMagic()));
        assertEquals(1, bad.roots().size());
        assertEquals(NodeKind.UNPARSED, bad.roots().get(0).kind());
        assertEquals(0, bad.roots().get(0).offset());
        long covered = bad.roots().stream().mapToLong(n -> n.span().length()).sum();
        assertEquals(Fixtures.badMagic().length, covered);
    }
}
