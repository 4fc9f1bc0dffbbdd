package org.savevminspector.app.gui;

import java.util.Map;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * Makes every documented key work whatever pane has the focus. Menu accelerators normally run only when the
 * focused control leaves the key alone, and controls take some for themselves: a TableView or TreeTableView
 * starts editing on F2, a tree expands on Alt+arrows. A scene-level event filter sees each key before any
 * control does and runs the matching accelerator (the menu's, so menu and key stay one action) first:
 * function keys always; Ctrl/Alt combinations unless a text field has the focus, which keeps Ctrl+C, Ctrl+V
 * and the like for its own text.
 */
final class KeyRouter {
    private KeyRouter() {
    }

    static void install(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (!routesFirst(e, scene.getFocusOwner())) {
                return;
            }
            for (Map.Entry<KeyCombination, Runnable> a : scene.getAccelerators().entrySet()) {
                if (a.getKey().match(e)) {
                    a.getValue().run();
                    e.consume();
                    return;
                }
            }
        });
    }

    static boolean routesFirst(KeyEvent e, Node focus) {
        if (e.getCode().isFunctionKey()) {
            return true;
        }
        if (focus instanceof TextInputControl) {
            return false;
        }
        return e.isShortcutDown() || e.isAltDown();
    }
}
