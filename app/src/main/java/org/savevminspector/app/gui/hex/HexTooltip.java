package org.savevminspector.app.gui.hex;

import java.util.function.LongFunction;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.util.Duration;

/**
 * The hex pane's tooltip: the caller's text for the byte under the mouse, shown beside it, and kept true when the
 * pane scrolls under a still mouse (the bytes under it change, so must the text).
 */
final class HexTooltip {
    private final Tooltip tooltip = new Tooltip();
    private final Region owner;
    private final OffsetAt offsetAt;
    private LongFunction<String> text = o -> null;
    /** Where the mouse rests over the owner (NaN: outside). */
    private double mouseX = Double.NaN;
    private double mouseY = Double.NaN;
    private double mouseScreenX;
    private double mouseScreenY;

    /** The byte under a position of the owner, or -1. */
    @FunctionalInterface
    interface OffsetAt {
        long at(double x, double y);
    }

    HexTooltip(Region owner, OffsetAt offsetAt) {
        this.owner = owner;
        this.offsetAt = offsetAt;
        tooltip.setShowDelay(Duration.millis(300));
    }

    void setText(LongFunction<String> text) {
        this.text = text;
    }

    void mouseMoved(MouseEvent e) {
        mouseX = e.getX();
        mouseY = e.getY();
        mouseScreenX = e.getScreenX();
        mouseScreenY = e.getScreenY();
        showAt(offsetAt.at(mouseX, mouseY));
    }

    void mouseExited() {
        mouseX = Double.NaN;
        tooltip.hide();
    }

    void hide() {
        tooltip.hide();
    }

    /** After a scroll: the text of the byte now under the still mouse. */
    void refresh() {
        if (Double.isNaN(mouseX) || !tooltip.isShowing()) {
            return;
        }
        showAt(offsetAt.at(mouseX, mouseY));
    }

    /** The text showing, or {@code null}. */
    String shown() {
        return tooltip.isShowing() ? tooltip.getText() : null;
    }

    private void showAt(long o) {
        String t = o < 0 ? null : text.apply(o);
        if (t == null || t.isEmpty()) {
            tooltip.hide();
            return;
        }
        if (!t.equals(tooltip.getText()) || !tooltip.isShowing()) {
            tooltip.setText(t);
            if (owner.getScene() != null && owner.getScene().getWindow() != null && owner.getScene().getWindow().isShowing()) {
                tooltip.show(owner, mouseScreenX + 14, mouseScreenY + 14);
            }
        }
    }
}
