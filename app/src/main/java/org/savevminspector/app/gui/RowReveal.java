package org.savevminspector.app.gui;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;

/**
 * Keeps one row of a table in full view — with the row before it as context when the table has room for both —
 * through the layout passes of a tab being shown or resized, until the user scrolls, clicks or types in the table.
 * A table only two rows high then still shows the row that matters, not the one above it.
 */
final class RowReveal {
    /** Layout passes after a reveal (or a new height) in which the row is put back in view. */
    private static final int PASSES = 4;

    private final TableView<?> table;
    private int row = -1;
    private int passes;

    RowReveal(TableView<?> table) {
        this.table = table;
        table.addEventFilter(ScrollEvent.ANY, e -> row = -1);
        table.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> row = -1);
        table.addEventFilter(KeyEvent.KEY_PRESSED, e -> row = -1);
        // a split or tab being laid out gives the table its height after the owner's pass: look again once the
        // table has been laid out at it (a scroll asked for in the middle of a layout pass uses the old height)
        table.heightProperty().addListener((o, a, b) -> {
            passes = 0;
            Platform.runLater(this::apply);
        });
    }

    /** Shows {@code index} now and in the next layout passes; negative: nothing to show. */
    void reveal(int index) {
        row = index;
        passes = 0;
        Platform.runLater(this::apply);
    }

    /** The owner's layout pass: the table may have a new height, which it is laid out at after this pass. */
    void afterLayout() {
        if (row >= 0 && passes < PASSES) {
            passes++;
            Platform.runLater(this::apply);
        }
    }

    private void apply() {
        if (row < 0 || row >= table.getItems().size()) {
            return;
        }
        double rowHeight = 24;
        double header = 25;
        VirtualFlow<?> flow = (VirtualFlow<?>) table.lookup(".virtual-flow");
        IndexedCell<?> cell = flow == null ? null : flow.getFirstVisibleCell();
        if (cell != null && cell.getHeight() > 0) {
            rowHeight = cell.getHeight();
        }
        Node h = table.lookup(".column-header-background");
        if (h != null && h.getLayoutBounds().getHeight() > 0) {
            header = h.getLayoutBounds().getHeight();
        }
        double rows = (table.getHeight() - table.snappedTopInset() - table.snappedBottomInset() - header) / rowHeight;
        if (flow == null) {
            table.scrollTo(Math.max(0, rows >= 2 ? row - 1 : row));
        } else if (rows >= 2) {
            flow.scrollToTop(Math.max(0, row - 1));
        } else {
            flow.scrollTo(row); // as little as it takes to show the row whole (the last row, too)
        }
    }
}
