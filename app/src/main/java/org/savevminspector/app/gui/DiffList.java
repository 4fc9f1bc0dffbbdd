package org.savevminspector.app.gui;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.scene.control.skin.VirtualFlow;
import org.savevminspector.app.gui.compare.CompareSession;
import org.savevminspector.app.gui.compare.DiffOutline;
import org.savevminspector.app.gui.compare.DiffRow;
import org.savevminspector.report.PrintableText;

/**
 * The comparison list in the compare window's bottom pane: a row per pair (sections, file header, EOF marker,
 * trailing bytes) with its differing fields under it and the container summary last, coloured by status (same,
 * changed, only in a, only in b: {@code diff-…} style classes), the status also in words. It follows the
 * comparison's rows, the "differences only" switch and the current row; choosing a row shows it on both sides.
 */
final class DiffList extends TreeTableView<DiffRow> {
    private final CompareSession compare;
    private final Consumer<DiffRow> choose;
    private final Label placeholder = new Label();
    private final Map<DiffRow, TreeItem<DiffRow>> items = new IdentityHashMap<>();
    /** Set while this list selects the current row itself: the session already knows. */
    private boolean programmatic;

    /** {@code choose}: what choosing a row does (show it on both sides). */
    DiffList(CompareSession compare, Consumer<DiffRow> choose) {
        this.compare = compare;
        this.choose = choose;
        setId("diffList");
        getStyleClass().add("diff-list");
        setShowRoot(false);
        setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        getColumns().setAll(List.of(
                column("Status", 90, r -> DiffRow.statusText(r.status())),
                column("Item", 240, DiffRow::item),
                column("a", 250, DiffRow::a),
                column("b", 250, DiffRow::b),
                column("Difference", 300, DiffRow::difference)));
        setRowFactory(v -> new StatusRow());
        setPlaceholder(placeholder);
        compare.outlineProperty().addListener((o, a, b) -> rebuild());
        compare.differencesOnlyProperty().addListener((o, a, b) -> rebuild());
        compare.currentProperty().addListener((o, a, row) -> reveal(row));
        getSelectionModel().selectedItemProperty().addListener((o, a, item) -> {
            if (!programmatic && item != null && item.getValue() != compare.current()) {
                choose.accept(item.getValue());
            }
        });
        rebuild();
    }

    private static TreeTableColumn<DiffRow, String> column(String title, double width, Function<DiffRow, String> text) {
        TreeTableColumn<DiffRow, String> c = new TreeTableColumn<>(title);
        c.setPrefWidth(width);
        c.setSortable(false);
        c.setCellValueFactory(p -> new ReadOnlyStringWrapper(PrintableText.escape(text.apply(p.getValue().getValue()))));
        return c;
    }

    private final class StatusRow extends TreeTableRow<DiffRow> {
        @Override
        protected void updateItem(DiffRow item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll("diff-same", "diff-changed", "diff-only-a", "diff-only-b");
            if (!empty && item != null) {
                getStyleClass().add(DiffRow.styleClass(item.status()));
            }
        }
    }

    /** The rows of the current comparison, as the switch wants them; pairs that differ open on their fields. */
    private void rebuild() {
        DiffOutline o = compare.outline();
        boolean only = compare.differencesOnlyProperty().get();
        items.clear();
        TreeItem<DiffRow> root = new TreeItem<>();
        if (o != null) {
            for (DiffRow top : o.top(only)) {
                TreeItem<DiffRow> item = item(top);
                for (DiffRow child : o.children(top, only)) {
                    item.getChildren().add(item(child));
                }
                item.setExpanded(top.status().isDifference());
                root.getChildren().add(item);
            }
        }
        placeholder.setText(o == null ? "Comparing…" : only ? "No differences: the files are the same "
                + "(switch off \"Differences only\" to list every section)." : "Nothing to compare: neither file holds a "
                + "savevm stream.");
        programmatic = true;
        try {
            setRoot(root);
        } finally {
            programmatic = false;
        }
        reveal(compare.current());
    }

    private TreeItem<DiffRow> item(DiffRow row) {
        TreeItem<DiffRow> item = new TreeItem<>(row);
        items.put(row, item);
        return item;
    }

    /** Selects and scrolls to {@code row}'s item (its pair opened) without telling the session; none: no selection. */
    private void reveal(DiffRow row) {
        TreeItem<DiffRow> item = row == null ? null : items.get(row);
        programmatic = true;
        try {
            if (item == null) {
                getSelectionModel().clearSelection();
                return;
            }
            if (item.getParent() != null && item.getParent() != getRoot()) {
                item.getParent().setExpanded(true);
            }
            getSelectionModel().select(item);
            int i = getRow(item);
            if (i >= 0) {
                scrollToUnlessVisible(i);
            }
        } finally {
            programmatic = false;
        }
    }

    /** Scrolls to row {@code row} (a few rows below the top) only when it is not in view: a visible row never jumps. */
    private void scrollToUnlessVisible(int row) {
        // a new root or a row just expanded is laid out at the next pulse, and until then the flow's cells (and its
        // idea of how far it can scroll) are the old content's: lay it out now, so that the visible rows are real
        applyCss();
        layout();
        VirtualFlow<?> flow = (VirtualFlow<?>) lookup(".virtual-flow");
        var first = flow == null ? null : flow.getFirstVisibleCell();
        var last = flow == null ? null : flow.getLastVisibleCell();
        if (first == null || last == null || row <= first.getIndex() || row >= last.getIndex()) {
            scrollTo(Math.max(0, row - 3));
        }
    }

    /** The row selected in the list, or {@code null}. */
    DiffRow selectedRow() {
        TreeItem<DiffRow> i = getSelectionModel().getSelectedItem();
        return i == null ? null : i.getValue();
    }
}
