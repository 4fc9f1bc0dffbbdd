package org.savevminspector.app.gui;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.TreeItem;
import org.savevminspector.app.gui.hex.HexLayout;
import org.savevminspector.app.gui.model.Stepper;
import org.savevminspector.app.gui.model.StructureNode;
import org.savevminspector.app.gui.session.Document;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.diagnostics.Severity;

/**
 * Where the ticks beside the hex pane's and the tree's scroll bars go: one per problem (note and graver), at its
 * row's place among all rows, as IDEs mark errors on their scroll bars.
 */
final class ProblemTicks {
    private ProblemTicks() {
    }

    /** Ticks at the problems' byte rows among the hex pane's rows (none without a document). */
    static List<MarkerStrip.Mark> forHex(Document doc) {
        List<MarkerStrip.Mark> marks = new ArrayList<>();
        if (doc != null) {
            double rows = Math.max(1, HexLayout.rowCount(doc.size() + doc.anomalies().ghostBytes()));
            for (Diagnostic d : doc.inspection().diagnostics()) {
                if (d.severity().atLeast(Severity.NOTE)) {
                    marks.add(new MarkerStrip.Mark(HexLayout.rowOf(d.offset()) / rows, d));
                }
            }
        }
        return marks;
    }

    /** Ticks at the problems' top-level rows among the tree's visible rows. */
    static List<MarkerStrip.Mark> forTree(Document doc, StructureTreeView tree) {
        List<MarkerStrip.Mark> marks = new ArrayList<>();
        if (doc != null && tree.getRoot() != null) {
            double rows = Math.max(1, tree.getExpandedItemCount());
            List<TreeItem<StructureNode>> top = tree.getRoot().getChildren();
            // the rows shown: all top-level nodes, or those a filter keeps
            List<StructureNode> shown = top.stream().map(TreeItem::getValue).toList();
            Stepper stepper = new Stepper(doc.tree());
            for (Diagnostic d : doc.inspection().diagnostics()) {
                if (!d.severity().atLeast(Severity.NOTE)) {
                    continue;
                }
                long at = stepper.anchor(d);
                int i = topIndexAt(shown, at);
                if (i >= 0 && shown.get(i).span().contains(at)) {
                    marks.add(new MarkerStrip.Mark(tree.getRow(top.get(i)) / rows, d));
                }
            }
        }
        return marks;
    }

    /**
     * Index of the top-level node holding {@code offset}: the last one starting at or before it (top-level nodes
     * are in offset order and cover the file), found by binary search — no children are built for a tick.
     */
    private static int topIndexAt(List<StructureNode> roots, long offset) {
        int lo = 0;
        int hi = roots.size() - 1;
        int best = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (roots.get(mid).offset() <= offset) {
                best = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return best;
    }
}
