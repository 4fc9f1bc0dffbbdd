package org.savevminspector.app.gui;

import java.util.function.IntConsumer;
import javafx.scene.control.Control;
import javafx.scene.control.skin.VirtualFlow;

/** Scrolling a tree or table to a row only when it is not already in view, so that a visible row never jumps. */
final class VisibleRows {
    private VisibleRows() {
    }

    /** Shows row {@code row} of {@code control} (a few rows below the top when it was off screen). */
    static void reveal(Control control, int row, IntConsumer scrollTo) {
        // a new root or a row just expanded is laid out at the next pulse, and until then the flow's cells (and its
        // idea of how far it can scroll) are the old content's: lay it out now, so that the visible rows are real
        control.applyCss();
        control.layout();
        VirtualFlow<?> flow = (VirtualFlow<?>) control.lookup(".virtual-flow");
        if (flow == null) {
            scrollTo.accept(row);
            return;
        }
        var first = flow.getFirstVisibleCell();
        var last = flow.getLastVisibleCell();
        if (first == null || last == null || row <= first.getIndex() || row >= last.getIndex()) {
            scrollTo.accept(Math.max(0, row - 3));
        }
    }
}
