package org.savevminspector.app.gui;

import javafx.scene.control.ContextMenu;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import org.savevminspector.app.gui.model.StructureNode;
import org.savevminspector.model.Hex;

/**
 * Right-click menus of the tree and the hex pane: copy the bytes (as hex, a C array or Python bytes), the
 * value, the offset or the node path; go to an offset; select the whole section. The tree's act on the row
 * clicked (a right click selects it, and with it its bytes); the hex pane's on the selection or the byte clicked.
 */
final class ContextMenus {
    private ContextMenus() {
    }

    static void install(MainWindow w) {
        w.tree.setContextMenu(menu(w, "treeMenu"));
        w.hex.setContextMenu(menu(w, "hexMenu"));
    }

    private static ContextMenu menu(MainWindow w, String id) {
        Menu copyAs = new Menu("Copy Bytes As", null,
                item("Hex", id + "-hex", () -> w.copy(MainWindow.Copy.HEX)),
                item("C Array", id + "-c", () -> w.copy(MainWindow.Copy.C)),
                item("Python Bytes", id + "-python", () -> w.copy(MainWindow.Copy.PYTHON)));
        ContextMenu m = new ContextMenu(copyAs,
                item("Copy Value", id + "-value", w::copyValue),
                item("Copy Offset", id + "-offset", () -> MainWindow.putClipboard(Hex.plain(w.hex.cursor()))),
                item("Copy Node Path", id + "-path", () -> {
                    StructureNode n = w.tree.selectedNode();
                    if (n != null) {
                        MainWindow.putClipboard(n.path());
                    }
                }),
                new SeparatorMenuItem(),
                item("Go to Offset…", id + "-goto", w::goToOffset),
                item("Select Section", id + "-section", w::selectSectionAtCursor));
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
