package org.savevminspector.app.gui;

import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Tooltip;
import javafx.stage.PopupWindow;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

/**
 * No tooltip stays drawn over a dialog: when any other window opens (a dialog, a chooser) or the main window loses
 * the focus, every tooltip showing is hidden — the hex pane's too, which it shows by hand and would otherwise keep
 * until the mouse next moves over the pane.
 */
final class TooltipsAndDialogs {
    private TooltipsAndDialogs() {
    }

    /** {@code hideOwn}: hides the tooltips {@code stage}'s views show by hand. */
    static void install(Stage stage, Runnable hideOwn) {
        ListChangeListener<Window> opened = c -> {
            while (c.next()) {
                if (c.getAddedSubList().stream().anyMatch(w -> !(w instanceof PopupWindow) && w != stage)) {
                    // not inside this notification: hiding a popup removes it from the very list being reported
                    Platform.runLater(() -> hideAll(hideOwn));
                }
            }
        };
        Window.getWindows().addListener(opened);
        stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> Window.getWindows().removeListener(opened));
        stage.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                hideAll(hideOwn);
            }
        });
    }

    static void hideAll(Runnable hideOwn) {
        hideOwn.run();
        for (Window w : Window.getWindows().toArray(new Window[0])) {
            if (w instanceof Tooltip t) {
                t.hide();
            }
        }
    }
}
