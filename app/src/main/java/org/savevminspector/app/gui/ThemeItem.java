package org.savevminspector.app.gui;

import static org.savevminspector.app.gui.Commands.SHIFT;
import static org.savevminspector.app.gui.Commands.SHORTCUT;
import static org.savevminspector.app.gui.Commands.key;

import javafx.scene.Scene;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.input.KeyCode;

/**
 * A window's dark-theme switch (View menu, Ctrl+Shift+T): it starts from the saved choice, and a change restyles
 * the window and is saved for the next start. Every window has its own, so each switch restyles its own scene.
 */
final class ThemeItem {
    private final CheckMenuItem item;
    private Scene scene;

    ThemeItem(String text) {
        item = new CheckMenuItem(text);
        item.setAccelerator(key(KeyCode.T, SHORTCUT, SHIFT));
        item.setOnAction(e -> setDark(item.isSelected()));
    }

    CheckMenuItem item() {
        return item;
    }

    /** Styles {@code s} with the saved theme; the switch restyles it from now on. */
    void install(Scene s) {
        scene = s;
        item.setSelected(Themes.initialDark());
        Perf.mark("window: theme preference read");
        Themes.apply(s, item.isSelected());
    }

    void toggle() {
        setDark(!item.isSelected());
    }

    private void setDark(boolean dark) {
        item.setSelected(dark);
        Themes.apply(scene, dark);
        Themes.save(dark);
    }
}
