package org.savevminspector.app.gui;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.TreeItem;
import org.savevminspector.app.gui.model.DetailLine;
import org.savevminspector.app.gui.model.HexLayout;
import org.savevminspector.app.gui.model.NodeDetail;
import org.savevminspector.app.gui.model.Stepper;
import org.savevminspector.app.gui.model.StructureNode;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.diagnostics.Severity;

/**
 * Problems, as an IDE shows them: the gravest one selected and revealed when a file opens, F2 / Shift+F2 stepping
 * on from the cursor (saying so when it goes round the end), and a tick per problem on the tree's and the hex
 * pane's scroll bars. Showing a problem never switches the bottom tab, so one can click down the diagnostics.
 */
final class ProblemNavigator {
    private final MainWindow w;
    final MarkerStrip treeMarkers = new MarkerStrip();
    /** The problem last shown (index into the diagnostics), or -1. */
    private int current = -1;

    ProblemNavigator(MainWindow w) {
        this.w = w;
        treeMarkers.setOnMarkClicked(this::show);
        w.hex.markers.setOnMarkClicked(this::show);
        // expanding or collapsing rows moves the sections the tree ticks stand for
        w.tree.expandedItemCountProperty().addListener((o, a, b) -> updateTreeMarks());
        w.tree.heightProperty().addListener((o, a, b) -> updateTreeMarks());
        w.hex.heightProperty().addListener((o, a, b) -> updateHexMarks());
    }

    void reset() {
        current = -1;
        updateMarks();
    }

    /** On open: select and reveal the first of the gravest problems (warnings and errors only). */
    void showFirst() {
        Document doc = w.document();
        if (doc == null) {
            return;
        }
        int i = new Stepper(doc.tree()).firstGravest();
        if (i >= 0 && doc.inspection().diagnostics().get(i).severity().atLeast(Severity.WARN)) {
            show(i);
        }
    }

    void next() {
        step(true);
    }

    void previous() {
        step(false);
    }

    private void step(boolean forward) {
        Document doc = w.document();
        if (doc == null) {
            return;
        }
        List<Diagnostic> ds = doc.inspection().diagnostics();
        if (ds.isEmpty()) {
            w.statusLine.flash("No problems in this file.");
            return;
        }
        Stepper s = new Stepper(doc.tree());
        Stepper.ProblemStep step = forward ? s.nextProblem(current, w.hex.cursor()) : s.previousProblem(current, w.hex.cursor());
        show(step.index());
        String where = "Problem " + (step.index() + 1) + " of " + ds.size();
        w.statusLine.flash(step.wrapped()
                ? where + (forward ? " — wrapped round to the first problem" : " — wrapped round to the last problem")
                : where);
    }

    void show(Diagnostic d) {
        Document doc = w.document();
        if (doc != null) {
            int i = doc.inspection().diagnostics().indexOf(d);
            if (i >= 0) {
                show(i);
            }
        }
    }

    /** Selects problem {@code index}: its node in the tree, its bytes in the hex pane, its text in the detail. */
    void show(int index) {
        Document doc = w.document();
        Diagnostic d = doc.inspection().diagnostics().get(index);
        current = index;
        long off = new Stepper(doc.tree()).anchor(d);
        List<StructureNode> path = doc.tree().path(off);
        if (!path.isEmpty()) {
            w.tree.reveal(path);
            w.hex.setHighlights(w.hex.highlights().select(doc.tree(), path.get(path.size() - 1)));
            w.statusLine.path.setText(path.get(path.size() - 1).path());
        }
        w.hex.select(off, Math.max(1, Math.min(d.length(), doc.size() - off)));
        List<DetailLine> lines = new ArrayList<>(NodeDetail.of(d));
        if (!path.isEmpty()) {
            lines.add(new DetailLine("", "", ""));
            lines.addAll(NodeDetail.of(doc.tree(), path.get(path.size() - 1), doc.hexSource()));
        }
        w.detail.show(lines);
        w.diagnostics.selectQuietly(d);
    }

    void updateMarks() {
        updateHexMarks();
        updateTreeMarks();
    }

    private void updateHexMarks() {
        Document doc = w.document();
        List<MarkerStrip.Mark> marks = new ArrayList<>();
        if (doc != null) {
            double rows = Math.max(1, HexLayout.rowCount(doc.size() + doc.anomalies().ghostBytes()));
            for (Diagnostic d : doc.inspection().diagnostics()) {
                if (d.severity().atLeast(Severity.NOTE)) {
                    marks.add(new MarkerStrip.Mark(HexLayout.rowOf(d.offset()) / rows, d));
                }
            }
        }
        w.hex.markers.setMarks(marks, 14, 14);
    }

    /** A tick per problem at its top-level row's place among the tree's visible rows. */
    private void updateTreeMarks() {
        Document doc = w.document();
        List<MarkerStrip.Mark> marks = new ArrayList<>();
        if (doc != null && w.tree.getRoot() != null) {
            double rows = Math.max(1, w.tree.getExpandedItemCount());
            List<TreeItem<StructureNode>> top = w.tree.getRoot().getChildren();
            Stepper stepper = new Stepper(doc.tree());
            // the row of each top-level item once: getRow counts the rows before it, and a hundred thousand
            // duplicated sections have a problem each
            Map<Integer, Integer> rowOf = new HashMap<>();
            for (Diagnostic d : doc.inspection().diagnostics()) {
                if (!d.severity().atLeast(Severity.NOTE)) {
                    continue;
                }
                int i = topIndexAt(doc.tree().roots(), stepper.anchor(d));
                if (i >= 0 && i < top.size()) {
                    marks.add(new MarkerStrip.Mark(rowOf.computeIfAbsent(i, k -> w.tree.getRow(top.get(k))) / rows, d));
                }
            }
        }
        Node header = w.tree.lookup(".column-header-background");
        double headerHeight = header == null ? 24 : header.getLayoutBounds().getHeight();
        treeMarkers.setMarks(marks, headerHeight + 14, 14);
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
