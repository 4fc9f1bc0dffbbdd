package org.savevminspector.app.gui;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.control.TreeItem;
import org.savevminspector.app.gui.hex.HexLayout;
import org.savevminspector.app.gui.model.Stepper;
import org.savevminspector.app.gui.model.StructureNode;
import org.savevminspector.app.gui.session.Document;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.diagnostics.Severity;

/**
 * Where the ticks beside the hex pane's and the tree's scroll bars go: one per problem (note and graver), at its
 * row's place among all rows, as IDEs mark errors on their scroll bars. Past {@value #PLACES} problems, those
 * closer together than a strip can show apart share one tick, the gravest's: a file of a million duplicated
 * sections has a million problems and a strip a thousand pixels.
 */
final class ProblemTicks {
    /** Places a strip tells apart: more than the pixels of any screen's height. */
    static final int PLACES = 4096;

    private ProblemTicks() {
    }

    /** Ticks at the problems' byte rows among the hex pane's rows (none without a document). */
    static List<MarkerStrip.Mark> forHex(Document doc) {
        Places marks = new Places();
        if (doc != null) {
            double rows = Math.max(1, HexLayout.rowCount(doc.size() + doc.anomalies().ghostBytes()));
            for (Diagnostic d : doc.inspection().diagnostics()) {
                if (d.severity().atLeast(Severity.NOTE)) {
                    marks.add(HexLayout.rowOf(d.offset()) / rows, d);
                }
            }
        }
        return marks.list();
    }

    /** Ticks at the problems' top-level rows among the tree's visible rows. */
    static List<MarkerStrip.Mark> forTree(Document doc, StructureTreeView tree) {
        Places marks = new Places();
        if (doc != null && tree.getRoot() != null) {
            double rows = Math.max(1, tree.getExpandedItemCount());
            List<TreeItem<StructureNode>> top = tree.getRoot().getChildren();
            // the rows shown: all top-level nodes, or those a filter keeps
            List<StructureNode> shown = top.stream().map(TreeItem::getValue).toList();
            Stepper stepper = new Stepper(doc.tree());
            // the row of each top-level item once: getRow counts the rows before it
            Map<Integer, Integer> rowOf = new HashMap<>();
            for (Diagnostic d : doc.inspection().diagnostics()) {
                if (!d.severity().atLeast(Severity.NOTE)) {
                    continue;
                }
                long at = stepper.anchor(d);
                int i = topIndexAt(shown, at);
                if (i >= 0 && shown.get(i).span().contains(at)) {
                    marks.add(rowOf.computeIfAbsent(i, k -> tree.getRow(top.get(k))) / rows, d);
                }
            }
        }
        return marks.list();
    }

    /**
     * A tick per problem while there are at most {@link #PLACES}; past that, the gravest problem at each of
     * {@link #PLACES} places (the first of equally grave ones).
     */
    private static final class Places {
        private final List<MarkerStrip.Mark> each = new ArrayList<>();
        private MarkerStrip.Mark[] at;

        void add(double fraction, Diagnostic d) {
            if (at == null) {
                each.add(new MarkerStrip.Mark(fraction, d));
                if (each.size() <= PLACES) {
                    return;
                }
                at = new MarkerStrip.Mark[PLACES];
                for (MarkerStrip.Mark m : each) {
                    place(m.fraction(), m.diagnostic());
                }
                each.clear();
                return;
            }
            place(fraction, d);
        }

        private void place(double fraction, Diagnostic d) {
            int k = (int) Math.max(0, Math.min(PLACES - 1, fraction * PLACES));
            MarkerStrip.Mark m = at[k];
            if (m == null || d.severity().compareTo(m.diagnostic().severity()) > 0) {
                at[k] = new MarkerStrip.Mark(fraction, d);
            }
        }

        List<MarkerStrip.Mark> list() {
            if (at == null) {
                return each;
            }
            List<MarkerStrip.Mark> out = new ArrayList<>();
            for (MarkerStrip.Mark m : at) {
                if (m != null) {
                    out.add(m);
                }
            }
            return out;
        }
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
