package org.savevminspector.app.gui;

import javafx.scene.control.ContextMenu;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;

/**
 * Right-click menus of the tree and the hex pane: copy the bytes (as hex, a C array or Python bytes), the
 * value, the offset or the node path; go to an offset; select the whole section. The tree's act on the row
 * clicked (a right click selects it, and with it its bytes); the hex pane's on the selection or the byte clicked.
 */
final class ContextMenus {
    private ContextMenus() {
    }

    /** A menu whose items have ids {@code id-hex}, {@code id-offset}, …; {@code goToOffset} opens the dialog. */
    static ContextMenu of(SessionActions a, Runnable goToOffset, String id) {
        Menu copyAs = new Menu("Copy Bytes As", null,
                item("Hex", id + "-hex", () -> a.copy().bytes(ByteCopy.Form.HEX)),
                item("C Array", id + "-c", () -> a.copy().bytes(ByteCopy.Form.C)),
                item("Python Bytes", id + "-python", () -> a.copy().bytes(ByteCopy.Form.PYTHON)));
        ContextMenu m = new ContextMenu(copyAs,
                item("Copy Value", id + "-value", a.copy()::value),
                item("Copy Offset", id + "-offset", a.copy()::offset),
                item("Copy Node Path", id + "-path", a.copy()::path),
                new SeparatorMenuItem(),
                item("Go to Offset…", id + "-goto", goToOffset),
                item("Select Section", id + "-section", a.navigate()::selectSectionAtCaret));
        m.setId(id);
        return m;
    }

    private static MenuItem item(String text, String id, Runnable action) {
        MenuItem i = new MenuItem(text);
        i.setId(id);
        i.setOnAction(e -> action.run());
        return i;
    }
}
