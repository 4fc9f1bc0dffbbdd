package org.savevminspector.app.gui;

import javafx.scene.control.SplitPane;
import javafx.stage.Stage;
import org.savevminspector.app.gui.hex.HexView;

/**
 * The two split panes of the main window: where their dividers start (remembered, or fitted), and where they go
 * when the window is resized or the hex font zoomed. The hex pane has a natural width — its columns — so the
 * tree/hex divider gives it exactly that and the tree the rest; while the divider sits there it follows every
 * resize and zoom, and once the user drags it, it stays where it was put (and is remembered).
 */
final class SplitLayout {
    private final SplitPane top;
    private final SplitPane main;
    private final HexView hex;
    private final LayoutMemory memory;
    /** Whether the tree/hex divider still sits where the hex pane just fits. */
    private boolean hexFitted = true;
    /** Set while this class moves the divider itself, so that the move is not taken for the user's. */
    private boolean fitting;

    SplitLayout(SplitPane top, SplitPane main, HexView hex, LayoutMemory memory, LayoutMemory.Saved saved) {
        this.top = top;
        this.main = main;
        this.hex = hex;
        this.memory = memory;
        if (!Double.isNaN(saved.mainFraction())) {
            main.setDividerPositions(saved.mainFraction());
        }
        if (!Double.isNaN(saved.treeFraction())) {
            top.setDividerPositions(saved.treeFraction());
            hexFitted = false;
        }
        top.widthProperty().addListener((o, a, b) -> refit());
        hex.minWidthProperty().addListener((o, a, b) -> refit());
        top.getDividers().get(0).positionProperty().addListener((o, a, b) -> {
            if (!fitting && top.getWidth() > 0 && Math.abs(b.doubleValue() - fittedPosition()) > 0.01) {
                hexFitted = false;
            }
        });
    }

    private void refit() {
        if (hexFitted) {
            fitHexPane();
        }
    }

    private double fittedPosition() {
        double w = top.getWidth();
        return w <= 0 ? 0.5 : Math.max(0.2, 1 - (hex.contentWidth() + 8) / w);
    }

    /** Puts the tree/hex divider where the hex pane shows all its columns and the tree gets the rest. */
    void fitHexPane() {
        if (top.getWidth() <= 0) {
            return;
        }
        fitting = true;
        try {
            top.setDividerPositions(fittedPosition());
            hexFitted = true;
        } finally {
            fitting = false;
        }
    }

    /** Whether the tree/hex divider follows the hex pane's width (the user has not moved it). */
    boolean hexFitted() {
        return hexFitted;
    }

    /**
     * Remembers the window size and the dividers, with the Loader tab's {@code loaderSplit} (not for a maximised or
     * full-screen window).
     */
    void save(Stage stage, double loaderSplit) {
        if (stage.getScene() == null || stage.isMaximized() || stage.isFullScreen()) {
            return;
        }
        memory.save(new LayoutMemory.Saved(stage.getScene().getWidth(), stage.getScene().getHeight(),
                hexFitted ? Double.NaN : top.getDividerPositions()[0], main.getDividerPositions()[0], loaderSplit));
    }
}
