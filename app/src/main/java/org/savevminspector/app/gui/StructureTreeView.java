package org.savevminspector.app.gui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableList;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import org.savevminspector.app.gui.model.NodeColumns;
import org.savevminspector.app.gui.model.NodeKind;
import org.savevminspector.app.gui.model.StructureNode;
import org.savevminspector.app.gui.model.StructureTree;
import org.savevminspector.app.gui.session.ViewSession;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.diagnostics.Severity;
import org.savevminspector.model.Hex;

/**
 * The section tree: idstr / field name with a status icon, type, instance, version ({@code 2≠1} when the label
 * does not match the body), offset, length and value (a one-line summary for sections). Children are created
 * when a node is first expanded. Rows of sections with an error get the {@code status-error} style class. It shows
 * a session's document and selection, and selecting a row selects that node (and its bytes) in the session.
 */
final class StructureTreeView extends TreeTableView<StructureNode> {
    private StructureTree tree;
    /** Set while {@link #reveal} selects: the session already knows. */
    private boolean programmatic;
    /** Set while the user's selection goes to the session, which must not reveal it back here. */
    private boolean publishing;

    private final TreeTableColumn<StructureNode, StructureNode> offsetColumn;

    StructureTreeView(ViewSession session) {
        setId("structureTree");
        getStyleClass().add("structure-tree");
        setShowRoot(false);
        setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TreeTableColumn<StructureNode, StructureNode> name = column("Name", 170, 120);
        name.setCellFactory(c -> new NameCell());
        TreeTableColumn<StructureNode, StructureNode> type = column("Type", 64, 62);
        type.setCellFactory(c -> textCell(n -> NodeColumns.type(tree, n)));
        TreeTableColumn<StructureNode, StructureNode> inst = column("Inst", 48, 48);
        inst.setCellFactory(c -> textCell(n -> NodeColumns.instance(tree, n)));
        TreeTableColumn<StructureNode, StructureNode> ver = column("Ver", 46, 46);
        ver.setCellFactory(c -> textCell(n -> NodeColumns.version(tree, n)));
        offsetColumn = column("Offset", 70, 70);
        offsetColumn.setCellFactory(c -> textCell(n -> Hex.padded(n.offset())));
        TreeTableColumn<StructureNode, StructureNode> len = column("Length", 64, 62);
        len.setCellFactory(c -> textCell(n -> Long.toString(n.span().length())));
        TreeTableColumn<StructureNode, StructureNode> val = column("Value", 220, 120);
        val.setCellFactory(c -> textCell(n -> NodeColumns.value(tree, n)));
        getColumns().setAll(List.of(name, type, inst, ver, offsetColumn, len, val));
        setRowFactory(v -> new StatusRow());
        session.documentProperty().addListener((o, was, now) -> {
            if (now != null && now.sameFile(was)) {
                setStatuses(now.tree()); // re-simulated: same nodes, other statuses
            } else {
                long t0 = System.nanoTime();
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
    }

    /** The nodes from the top level down to {@code item}'s. */
    private List<StructureNode> pathTo(TreeItem<StructureNode> item) {
        List<StructureNode> path = new ArrayList<>();
        for (TreeItem<StructureNode> i = item; i != null && i != getRoot(); i = i.getParent()) {
            path.add(0, i.getValue());
        }
        return path;
    }

    private static TreeTableColumn<StructureNode, StructureNode> column(String title, double width, double min) {
        TreeTableColumn<StructureNode, StructureNode> c = new TreeTableColumn<>(title);
        c.setPrefWidth(width);
        // a minimum per column: squeezing the pane scrolls the tree sideways instead of cutting offsets to "0x…"
        c.setMinWidth(min);
        c.setSortable(false);
        c.setCellValueFactory(p -> new ReadOnlyObjectWrapper<>(p.getValue().getValue()));
        return c;
    }

    private static TreeTableCell<StructureNode, StructureNode> textCell(Function<StructureNode, String> f) {
        return new TreeTableCell<>() {
            @Override
            protected void updateItem(StructureNode item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : f.apply(item));
            }
        };
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
            setText(item.name());
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

        @Override
        protected void updateItem(StructureNode item, boolean empty) {
            super.updateItem(item, empty);
            ObservableList<String> sc = getStyleClass();
            sc.removeAll("status-error", "status-warn", "status-note", "status-chat", "node-trailing");
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
                tip.setText(worst.severity().json() + " " + worst.code() + ": " + worst.message());
                setTooltip(tip);
            }
            if (s != null && (item.kind() == NodeKind.SECTION || s == Severity.ERROR)) {
                sc.add("status-" + s.json());
            }
            if (item.kind() == NodeKind.TRAILING) {
                sc.add("node-trailing");
            }
        }
    }

    /**
     * A tree item whose children are made from {@code model} when first asked for. It keeps the model it came from
     * (a re-simulation has the same nodes; a table being emptied may still ask a replaced item).
     */
    private static final class LazyItem extends TreeItem<StructureNode> {
        private final StructureTree model;
        private boolean loaded;

        LazyItem(StructureTree model, StructureNode node) {
            super(node);
            this.model = model;
        }

        @Override
        public boolean isLeaf() {
            return model.isLeaf(getValue());
        }

        @Override
        public ObservableList<TreeItem<StructureNode>> getChildren() {
            if (!loaded) {
                loaded = true;
                super.getChildren().setAll(items(model, model.children(getValue())));
            }
            return super.getChildren();
        }
    }

    @SuppressWarnings("unchecked")
    private static TreeItem<StructureNode>[] items(StructureTree model, List<StructureNode> nodes) {
        TreeItem<StructureNode>[] out = new TreeItem[nodes.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = new LazyItem(model, nodes.get(i));
        }
        return out;
    }

    void setStructure(StructureTree t) {
        this.tree = t;
        TreeItem<StructureNode> root = new TreeItem<>();
        if (t != null) {
            root.getChildren().setAll(items(t, t.roots()));
        }
        root.setExpanded(true);
        setRoot(root);
        // the offset column must hold the file's largest offset ("0x1C2B" or "0x1_0000_0000" alike)
        long last = t == null || t.roots().isEmpty() ? 0 : t.roots().get(t.roots().size() - 1).offset();
        Text probe = new Text(Hex.padded(last));
        probe.setFont(Font.font(12));
        double need = Math.ceil(probe.getLayoutBounds().getWidth()) + 16;
        offsetColumn.setMinWidth(Math.max(70, need));
        getSelectionModel().clearSelection();
        scrollTo(0);
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

    /** Selects the node at the end of {@code path}, expanding its ancestors, without notifying the listener. */
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
        programmatic = true;
        try {
            getSelectionModel().select(item);
            int row = getRow(item);
            if (row >= 0) {
                VisibleRows.reveal(this, row, this::scrollTo);
            }
        } finally {
            programmatic = false;
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
}
