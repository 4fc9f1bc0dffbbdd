package org.savevminspector.app.gui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.savevminspector.diagnostics.Severity;
import org.savevminspector.fixtures.Bodies;
import org.savevminspector.fixtures.StreamBuilder;
import org.savevminspector.inspect.Inspection;
import org.savevminspector.inspect.Inspector;
import org.savevminspector.io.ByteSource;

/**
 * A stream of very many sections (issue 13 point 6): its tree shows the sections in groups of a thousand, so that
 * no level has more than ten thousand rows and the view makes items only for what is expanded.
 */
class GroupedTreeTest {
    /** 25,000 timers with ids 1, 2, … : every one after the first a duplicate (a warning each). */
    private static Inspection timers(int n) {
        StreamBuilder b = StreamBuilder.v3();
        for (int i = 0; i < n; i++) {
            b.full(i + 1, "timer", 0, 2, Bodies.timer());
        }
        return Inspector.standard().inspect(ByteSource.of(b.eof().build().bytes()));
    }

    @Test
    void manySectionsAreGroupedByAThousand() {
        StructureTree tree = new StructureTree(timers(25_000));
        List<StructureNode> roots = tree.roots();
        // 1 file header + 25,000 sections + 1 EOF marker = 25,002 nodes: 26 groups
        assertEquals(26, roots.size());
        StructureNode first = roots.get(0);
        assertEquals(NodeKind.GROUP, first.kind());
        assertEquals("sections #0–#998", first.name());
        assertEquals(0, first.offset());
        assertEquals(8 + 27L * 999, first.end());
        assertEquals("999 sections, " + (8 + 27 * 999) + " bytes", NodeColumns.value(tree, first));
        assertEquals("", NodeColumns.type(tree, first));
        List<StructureNode> kids = tree.children(first);
        assertEquals(1000, kids.size());
        assertEquals(NodeKind.FILE_HEADER, kids.get(0).kind());
        assertEquals("timer", kids.get(1).name());
        assertEquals(NodeKind.SECTION, kids.get(1).kind());
        assertEquals(0, kids.get(1).sectionIndex());
        assertEquals("sections #999–#1998", roots.get(1).name());
        StructureNode last = roots.get(25);
        assertEquals(NodeKind.EOF_MARKER, tree.children(last).get(tree.children(last).size() - 1).kind());
        assertFalse(tree.isLeaf(first));
        // the first timer is clean; every later one is a duplicate: the groups say so
        assertEquals(Severity.WARN, tree.status(first));
    }

    @Test
    void aByteIsFoundThroughItsGroup() {
        StructureTree tree = new StructureTree(timers(12_000));
        long offset = 8 + 27L * 11_500 + 20;
        List<StructureNode> path = tree.path(offset);
        assertEquals(NodeKind.GROUP, path.get(0).kind());
        assertEquals("sections #10999–#11998", path.get(0).name());
        assertEquals(11_500, path.get(1).sectionIndex());
        assertEquals("cpu_clock_offset", path.get(path.size() - 1).name());
        assertEquals(path, tree.pathTo(path.get(path.size() - 1)));
    }

    @Test
    void tenThousandNodesStayFlat() {
        // 1 header + 9,998 sections + 1 EOF marker: exactly the limit
        StructureTree tree = new StructureTree(timers(9_998));
        assertEquals(10_000, tree.roots().size());
        assertEquals(NodeKind.FILE_HEADER, tree.roots().get(0).kind());
    }
}
