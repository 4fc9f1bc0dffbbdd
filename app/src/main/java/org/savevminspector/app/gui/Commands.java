package org.savevminspector.app.gui;

import javafx.scene.control.Button;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * How a window's commands are made, shared by {@link MainMenus} and {@link CompareMenus}: a menu item with its key,
 * a key, a toolbar button. A command is one line: {@code item("_Name…", key(KeyCode.X, SHORTCUT), action)}.
 */
final class Commands {
    static final KeyCombination.Modifier SHORTCUT = KeyCombination.SHORTCUT_DOWN;
    static final KeyCombination.Modifier SHIFT = KeyCombination.SHIFT_DOWN;
    static final KeyCombination.Modifier ALT = KeyCombination.ALT_DOWN;

    private Commands() {
    }

    /** A menu item running {@code action}, with {@code key} as its accelerator ({@code null}: none). */
    static MenuItem item(String text, KeyCombination key, Runnable action) {
        MenuItem m = new MenuItem(text);
        if (key != null) {
            m.setAccelerator(key);
        }
        m.setOnAction(e -> action.run());
        return m;
    }

    static KeyCombination key(KeyCode code, KeyCombination.Modifier... mods) {
        return new KeyCodeCombination(code, mods);
    }

    /** A toolbar button: it never takes the focus, so the keys keep acting on the pane the user was in. */
    static Button tool(String text, String tip, Runnable action, String id) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setFocusTraversable(false);
        b.setOnAction(e -> action.run());
        return b;
    }
}
