package org.savevminspector.app.gui;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.ObservableList;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import org.savevminspector.app.gui.model.NodeKind;
import org.savevminspector.app.gui.model.StructureNode;
import org.savevminspector.app.gui.model.StructureTree;
import org.savevminspector.app.gui.model.TreeFilter;
import org.savevminspector.app.gui.session.ViewSession;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.diagnostics.Severity;
import org.savevminspector.report.PrintableText;

/**
 * The section tree: idstr / field name with a status icon, type, instance, version ({@code 2≠1} when the label
 * does not match the body), offset, length and value (a one-line summary for sections), in the columns of
 * {@link TreeColumns}. Children are created when a node is first expanded. Rows of sections with an error get the
 * {@code status-error} style class. It shows a session's document and selection, and selecting a row selects that
 * node (and its bytes) in the session. A {@linkplain #setFilter filter} keeps only matching rows and their parents.
 */
final class StructureTreeView extends TreeTableView<StructureNode> {
    /** Rows shown above a revealed row, so that one sees where it sits. */
    private static final int CONTEXT_ROWS = 3;

    private final ViewSession session;
    private StructureTree tree;
    private long size;
    private TreeFilter.Result filter;
    private final TreeColumns columns;
    private final Label noMatch = new Label("No row matches the filter (Esc clears it).");
    private Node emptyPlaceholder;
    /** Set while {@link #reveal} selects: the session already knows. */
    private boolean programmatic;
    /** Set while the user's selection goes to the session, which must not reveal it back here. */
    private boolean publishing;
    /** The row last revealed by code, kept in full view as the tree's height settles, until the user moves. */
    private TreeItem<StructureNode> revealed;
    private int revealChecks;

    StructureTreeView(ViewSession session) {
        this.session = session;
        setId("structureTree");
        getStyleClass().add("structure-tree");
        setShowRoot(false);
        columns = new TreeColumns(this, () -> tree, c -> new NameCell());
        setRowFactory(v -> new StatusRow());
        session.documentProperty().addListener((o, was, now) -> {
            if (now != null && now.sameFile(was)) {
                setStatuses(now.tree()); // re-simulated: same nodes, other statuses
            } else {
                long t0 = System.nanoTime();
                size = now == null ? 0 : now.size();
                filter = null;
                setPlaceholder(emptyPlaceholder);
                setStructure(now == null ? null : now.tree());
                if (now != null) {
                    Perf.log("tree population %.2f ms (%d top-level nodes)", (System.nanoTime() - t0) / 1e6,
                            now.tree().roots().size());
                }
            }
        });
        session.selectionProperty().addListener((o, a, sel) -> {
            StructureNode n = sel.node();
            if (!publishing && n != null && !n.equals(selectedNode())) {
                reveal(sel.path());
            }
        });
        getSelectionModel().selectedItemProperty().addListener((o, a, item) -> {
            if (!programmatic && item != null && session.document() != null) {
                publishing = true;
                try {
                    session.selectNode(pathTo(item));
                } finally {
                    publishing = false;
                }
            }
        });
        // the user moving about ends the care for the row code revealed; a new height renews it
        addEventFilter(ScrollEvent.ANY, e -> revealed = null);
        addEventFilter(MouseEvent.MOUSE_PRESSED, e -> revealed = null);
        addEventFilter(KeyEvent.KEY_PRESSED, e -> revealed = null);
        heightProperty().addListener((o, a, b) -> revealChecks = 0);
    }

    /** The nodes from the top level down to {@code item}'s. */
    private List<StructureNode> pathTo(TreeItem<StructureNode> item) {
        List<StructureNode> path = new ArrayList<>();
        for (TreeItem<StructureNode> i = item; i != null && i != getRoot(); i = i.getParent()) {
            path.add(0, i.getValue());
        }
        return path;
    }

    /** Name plus a status icon (a CSS-shaped region: {@code .status-icon.error} etc.). */
    private final class NameCell extends TreeTableCell<StructureNode, StructureNode> {
        private final Region icon = new Region();

        NameCell() {
            icon.getStyleClass().add("status-icon");
        }

        @Override
        protected void updateItem(StructureNode item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            setText(PrintableText.escape(item.name()));
            Severity s = tree == null ? null : tree.status(item);
            icon.getStyleClass().setAll("status-icon", s == null ? "ok" : s.json());
            setGraphic(s == null && item.kind() != NodeKind.SECTION ? null : icon);
        }
    }

    /**
     * A row styled by its node's status (sections and errors), with the gravest diagnostic as its tooltip. The
     * tooltip object is the row's own and only its text changes: rows are updated on every scroll step.
     */
    private final class StatusRow extends TreeTableRow<StructureNode> {
        private final Tooltip tip = new Tooltip();

        StatusRow() {
            tip.setWrapText(true);
            tip.setMaxWidth(640);
        }

        @Override
        protected void updateItem(StructureNode item, boolean empty) {
            super.updateItem(item, empty);
            ObservableList<String> sc = getStyleClass();
            sc.removeAll("status-error", "status-warn", "status-note", "status-info", "node-trailing", "filter-match");
            if (empty || item == null || tree == null) {
                setTooltip(null);
                return;
            }
            Severity s = tree.status(item);
            // one sentence on hover: the gravest diagnostic of the node (the detail panel has the full text)
            Diagnostic worst = s == null ? null : tree.gravest(item);
            if (worst == null) {
                setTooltip(null);
            } else {
                tip.setText(PrintableText.escape(worst.severity().json() + " " + worst.code() + ": " + worst.message()));
                setTooltip(tip);
            }
            if (s != null && (item.kind() == NodeKind.SECTION || s == Severity.ERROR)) {
                sc.add("status-" + s.json());
            }
            if (item.kind() == NodeKind.TRAILING) {
                sc.add("node-trailing");
            }
            if (filter != null && filter.matches(item)) {
                sc.add("filter-match");
            }
        }
    }

    void setStructure(StructureTree t) {
        this.tree = t;
        rebuild();
        getSelectionModel().clearSelection();
        scrollTo(0);
    }

    /**
     * Shows only what {@code f} keeps (matches and their parents, the parents expanded), or everything again
     * ({@code null}); the selected node stays selected when it is shown.
     */
    void setFilter(TreeFilter.Result f) {
        // the session's selection, not the row's: a filter that hid it has left the tree with none
        List<StructureNode> selected = session.selection().path();
        filter = f;
        setPlaceholder(f == null ? emptyPlaceholder : noMatch);
        rebuild();
        if (f != null) {
            expandKept(getRoot());
        }
        if (!selected.isEmpty() && (f == null || f.keeps(selected.get(selected.size() - 1)))) {
            reveal(selected);
        } else {
            scrollTo(0);
        }
    }

    TreeFilter.Result filter() {
        return filter;
    }

    /** What shows while there are no rows and no filter: no file is open. */
    void setEmptyPlaceholder(Node n) {
        emptyPlaceholder = n;
        if (filter == null) {
            setPlaceholder(n);
        }
    }

    private void rebuild() {
        TreeItem<StructureNode> root = new TreeItem<>();
        if (tree != null) {
            root.getChildren().setAll(LazyTreeItem.items(tree, tree.roots(), filter));
        }
        root.setExpanded(true);
        setRoot(root);
    }

    /** Opens every parent of a match, so that the matches show at once. */
    private void expandKept(TreeItem<StructureNode> item) {
        for (TreeItem<StructureNode> c : item.getChildren()) {
            if (!filter.matches(c.getValue()) && !c.isLeaf()) {
                c.setExpanded(true);
                expandKept(c);
            }
        }
    }

    /**
     * Takes the statuses of {@code t}, a {@link StructureTree#withInspection re-simulated} tree with the same nodes,
     * without rebuilding the items: expansion, selection and scroll position stay; only icons, row styles and
     * tooltips are redrawn.
     */
    void setStatuses(StructureTree t) {
        this.tree = t;
        refresh();
    }

    /**
     * Selects the node at the end of {@code path}, expanding its ancestors, without notifying the listener, and
     * scrolls its row into full view with a few rows of context above it — also once the tree has its final
     * height, when the window is still being laid out.
     */
    void reveal(List<StructureNode> path) {
        if (path.isEmpty() || getRoot() == null) {
            return;
        }
        TreeItem<StructureNode> item = getRoot();
        for (StructureNode n : path) {
            TreeItem<StructureNode> next = child(item.getChildren(), n);
            if (next == null) {
                break;
            }
            if (item != getRoot()) {
                item.setExpanded(true);
            }
            item = next;
        }
        if (item == getRoot()) {
            return;
        }
        programmatic = true;
        try {
            getSelectionModel().select(item);
            revealed = item;
            revealChecks = 0;
            keepRevealedInView();
        } finally {
            programmatic = false;
        }
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        columns.layout(tree, size);
        // the height may have just settled (a window being laid out, a restored divider): look again, a few times
        if (revealed != null && revealChecks < 4) {
            revealChecks++;
            keepRevealedInView();
        }
    }

    private void keepRevealedInView() {
        int row = revealed == null ? -1 : getRow(revealed);
        if (row < 0 || revealed != getSelectionModel().getSelectedItem()) {
            revealed = null;
            return;
        }
        VirtualFlow<?> flow = (VirtualFlow<?>) lookup(".virtual-flow");
        Node viewport = flow == null ? null : flow.lookup(".clipped-container");
        if (viewport == null || viewport.getLayoutBounds().getHeight() <= 0) {
            scrollTo(Math.max(0, row - CONTEXT_ROWS));
            return;
        }
        Bounds view = viewport.localToScene(viewport.getLayoutBounds());
        IndexedCell<?> cell = flow.getVisibleCell(row);
        double rowHeight = cell == null || cell.getHeight() <= 0 ? 24 : cell.getHeight();
        int context = (int) Math.max(0, Math.min(CONTEXT_ROWS, (view.getHeight() / rowHeight - 1) / 2));
        boolean full = false;
        boolean roomAbove = false;
        if (cell != null && cell.isVisible()) {
            Bounds b = cell.localToScene(cell.getLayoutBounds());
            full = b.getMinY() >= view.getMinY() - 0.5 && b.getMaxY() <= view.getMaxY() + 0.5;
            roomAbove = b.getMinY() - view.getMinY() >= Math.min(row, context) * rowHeight - 0.5;
        }
        if (!full || !roomAbove) {
            flow.scrollToTop(Math.max(0, row - context));
        }
    }

    /**
     * The child holding {@code n}: children are in offset order, so a binary search by offset finds it among
     * 100,000 sections as fast as among 30 (zero-length neighbours sharing an offset are checked around it).
     */
    private static TreeItem<StructureNode> child(List<TreeItem<StructureNode>> kids, StructureNode n) {
        int lo = 0;
        int hi = kids.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long o = kids.get(mid).getValue().offset();
            if (o < n.offset()) {
                lo = mid + 1;
            } else if (o > n.offset()) {
                hi = mid - 1;
            } else {
                for (int i = Math.max(0, mid - 2); i <= Math.min(kids.size() - 1, mid + 2); i++) {
                    if (n.equals(kids.get(i).getValue())) {
                        return kids.get(i);
                    }
                }
                break;
            }
        }
        for (TreeItem<StructureNode> c : kids) { // not in offset order after all: fall back to a scan
            if (n.equals(c.getValue())) {
                return c;
            }
        }
        return null;
    }

    StructureNode selectedNode() {
        TreeItem<StructureNode> i = getSelectionModel().getSelectedItem();
        return i == null ? null : i.getValue();
    }

    /** The tree's columns (tests read their widths). */
    TreeColumns columns() {
        return columns;
    }
}
