package org.savevminspector.app.gui;

import static org.savevminspector.app.gui.Commands.ALT;
import static org.savevminspector.app.gui.Commands.SHIFT;
import static org.savevminspector.app.gui.Commands.SHORTCUT;
import static org.savevminspector.app.gui.Commands.item;
import static org.savevminspector.app.gui.Commands.key;
import static org.savevminspector.app.gui.Commands.tool;

import javafx.beans.binding.BooleanBinding;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToolBar;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import org.savevminspector.app.gui.session.Navigator;
import org.savevminspector.app.gui.session.ProblemSteps;
import org.savevminspector.app.gui.session.ViewSession;

/**
 * Every command of the main window with its key: the menu bar, the toolbar, the keys that have no menu item
 * (Alt+Up/Down, the other zoom keys), and the theme. A command is one line in its menu's list:
 * {@code item("_Name…", key(KeyCode.X, SHORTCUT), action)}; a dialog is one such line whose action shows it,
 * e.g. {@code () -> SomeDialog.show(owner, session)}. A command that needs an open file is made with
 * {@code fileItem} or {@code fileTool}: it is disabled while there is none. A command that can fail to move (the
 * last section, no bookmark) says why in the status bar.
 */
final class MainMenus {
    private final Stage owner;
    private final ViewSession session;
    private final Navigator navigate;
    private final ProblemSteps problems;
    private final ByteCopy copy;
    private final BookmarkActions bookmarks;
    /** True while no file is open: what needs one is disabled. */
    private final BooleanBinding noFile;
    private final SessionPane pane;
    private final InfoTabs tabs;
    private final Lazy<FindBar> find;
    private final DocumentActions documents;
    private final StatusLine status;
    private final ThemeItem theme = new ThemeItem("_Dark theme");

    MainMenus(Stage owner, SessionActions actions, SessionPane pane, InfoTabs tabs, Lazy<FindBar> find,
              DocumentActions documents, StatusLine status) {
        this.owner = owner;
        this.session = actions.session();
        this.navigate = actions.navigate();
        this.problems = actions.problems();
        this.copy = actions.copy();
        this.bookmarks = actions.bookmarks();
        this.noFile = session.documentProperty().isNull();
        this.pane = pane;
        this.tabs = tabs;
        this.find = find;
        this.documents = documents;
        this.status = status;
    }

    MenuBar menuBar() {
        MenuBar bar = new MenuBar(file(), edit(), go(), view(), help());
        bar.setId("menuBar");
        return bar;
    }

    private Menu file() {
        Menu recent = new Menu("Open _Recent");
        Menu file = new Menu("_File", null,
                item("_Open…", key(KeyCode.O, SHORTCUT), documents::openWithChooser),
                recent,
                item("Open _Sample", key(KeyCode.O, SHORTCUT, SHIFT), documents::openSample),
                item("Compare _With…", key(KeyCode.D, SHORTCUT, SHIFT), documents::compareWith),
                new SeparatorMenuItem(),
                fileItem("_Export Repaired File…", key(KeyCode.E, SHORTCUT), documents::exportRepaired),
                fileItem("Export Report as _JSON…", key(KeyCode.J, SHORTCUT, SHIFT), documents::exportJson),
                fileItem("_Properties…", key(KeyCode.ENTER, ALT),
                        () -> FilePropertiesDialog.show(owner, session.document())),
                new SeparatorMenuItem(),
                fileItem("_Close File", key(KeyCode.W, SHORTCUT), documents::close),
                item("_Quit", key(KeyCode.Q, SHORTCUT), owner::close));
        file.setOnShowing(e -> documents.fillRecent(recent));
        return file;
    }

    private Menu edit() {
        return new Menu("_Edit", null,
                fileItem("Copy as _Hex", key(KeyCode.C, SHORTCUT), () -> copy.bytes(ByteCopy.Form.HEX)),
                fileItem("Copy as _C Array", key(KeyCode.C, SHORTCUT, SHIFT), () -> copy.bytes(ByteCopy.Form.C)),
                fileItem("Copy as _Python Bytes", key(KeyCode.C, SHORTCUT, ALT), () -> copy.bytes(ByteCopy.Form.PYTHON)),
                fileItem("Copy Node _Value", key(KeyCode.V, SHORTCUT, ALT), copy::value),
                new SeparatorMenuItem(),
                fileItem("_Find…", key(KeyCode.F, SHORTCUT), () -> find.get().open()),
                fileItem("Find _Next", key(KeyCode.F3), () -> find.get().findNext()),
                fileItem("Find Pre_vious", key(KeyCode.F3, SHIFT), () -> find.get().findPrevious()),
                fileItem("Filter _Tree…", key(KeyCode.F, SHORTCUT, SHIFT), pane::focusFilter));
    }

    private Menu go() {
        return new Menu("_Go", null,
                fileItem("_Go to Offset…", key(KeyCode.G, SHORTCUT), pane::goToOffset),
                new SeparatorMenuItem(),
                fileItem("Next _Section (also Alt+Down)", key(KeyCode.F8), () -> say(navigate.nextSection())),
                fileItem("Previous S_ection (also Alt+Up)", key(KeyCode.F8, SHIFT), () -> say(navigate.previousSection())),
                fileItem("Next _Field", key(KeyCode.F7), () -> say(navigate.nextField())),
                fileItem("Previous F_ield", key(KeyCode.F7, SHIFT), () -> say(navigate.previousField())),
                fileItem("Next _Problem", key(KeyCode.F2), () -> say(problems.next())),
                fileItem("Previous P_roblem", key(KeyCode.F2, SHIFT), () -> say(problems.previous())),
                new SeparatorMenuItem(),
                fileItem("Add _Bookmark…", key(KeyCode.B, SHORTCUT), () -> say(bookmarks.addWithNote(owner))),
                fileItem("Next Boo_kmark", key(KeyCode.F4), () -> say(bookmarks.next())),
                fileItem("Previous Bookm_ark", key(KeyCode.F4, SHIFT), () -> say(bookmarks.previous())),
                new SeparatorMenuItem(),
                fileItem("Select Se_ction of the Cursor", null, navigate::selectSectionAtCaret));
    }

    private Menu view() {
        return new Menu("_View", null,
                theme.item(),
                item("Show _Diagnostics", key(KeyCode.D, SHORTCUT), tabs::showDiagnostics),
                item("Show De_tail", key(KeyCode.I, SHORTCUT), tabs::showDetail),
                item("Show Data _Inspector", key(KeyCode.I, SHORTCUT, SHIFT), tabs::showData),
                item("Show _Loader Simulation", key(KeyCode.L, SHORTCUT), tabs::showLoader),
                item("Show _Bookmarks", key(KeyCode.B, SHORTCUT, SHIFT), tabs::showBookmarks),
                item("Focus _Tree", key(KeyCode.DIGIT1, SHORTCUT), pane.tree::requestFocus),
                item("Focus _Hex Pane", key(KeyCode.DIGIT2, SHORTCUT), pane.hex()::requestFocus),
                new SeparatorMenuItem(),
                item("Zoom _In (also Ctrl+plus)", key(KeyCode.EQUALS, SHORTCUT), pane.hex()::zoomIn),
                item("Zoom _Out", key(KeyCode.MINUS, SHORTCUT), pane.hex()::zoomOut),
                item("_Reset Zoom", key(KeyCode.DIGIT0, SHORTCUT), pane.hex()::zoomReset));
    }

    private Menu help() {
        return new Menu("_Help", null,
                item("_Checks…", null, () -> ChecksDialog.show(owner, session.document())),
                item("_About SaveVM Inspector", key(KeyCode.F1), () -> AboutDialog.show(owner)));
    }

    ToolBar toolBar() {
        ToolBar tb = new ToolBar(
                tool("Open", "Open a file (Ctrl+O)", documents::openWithChooser, "openButton"),
                fileTool("◀ Section", "Previous section (Shift+F8, Alt+Up)", () -> say(navigate.previousSection()),
                        "prevSectionButton"),
                fileTool("Section ▶", "Next section (F8, Alt+Down)", () -> say(navigate.nextSection()), "nextSectionButton"),
                fileTool("◀ Field", "Previous field (Shift+F7)", () -> say(navigate.previousField()), "prevFieldButton"),
                fileTool("Field ▶", "Next field (F7)", () -> say(navigate.nextField()), "nextFieldButton"),
                fileTool("◀ Problem", "Previous problem (Shift+F2)", () -> say(problems.previous()), "prevProblemButton"),
                fileTool("Problem ▶", "Next problem (F2)", () -> say(problems.next()), "nextProblemButton"),
                fileTool("Go to…", "Go to offset (Ctrl+G)", pane::goToOffset, "gotoButton"),
                fileTool("Find…", "Find hex bytes or text (Ctrl+F)", () -> find.get().open(), "findButton"),
                fileTool("Export repaired…", "Export a repaired copy (Ctrl+E)", documents::exportRepaired, "exportButton"));
        tb.setId("toolBar");
        return tb;
    }

    /**
     * The theme, the keys without a menu item, and the routing that makes every key work whichever pane has the
     * focus ({@link KeyRouter}).
     */
    void install(Scene scene) {
        theme.install(scene);
        var keys = scene.getAccelerators();
        keys.put(key(KeyCode.DOWN, ALT), () -> say(navigate.nextSection()));
        keys.put(key(KeyCode.UP, ALT), () -> say(navigate.previousSection()));
        // Ctrl+plus is Ctrl+Shift+= on many keyboards, and the keypad has its own keys
        keys.put(key(KeyCode.PLUS, SHORTCUT, KeyCombination.SHIFT_ANY), pane.hex()::zoomIn);
        keys.put(key(KeyCode.EQUALS, SHORTCUT, SHIFT), pane.hex()::zoomIn);
        keys.put(key(KeyCode.ADD, SHORTCUT), pane.hex()::zoomIn);
        keys.put(key(KeyCode.SUBTRACT, SHORTCUT), pane.hex()::zoomOut);
        keys.put(key(KeyCode.NUMPAD0, SHORTCUT), pane.hex()::zoomReset);
        KeyRouter.install(scene);
    }

    void toggleTheme() {
        theme.toggle();
    }

    /**
     * What a step says in the status bar: where it went ("Problem 2 of 6", "wrapped round") or why it did not
     * move ("Last section …"); {@code null}: nothing to say.
     */
    private void say(String message) {
        if (message != null) {
            status.flash(message);
        }
    }

    /** A menu item disabled while no file is open. */
    private MenuItem fileItem(String text, KeyCombination key, Runnable action) {
        MenuItem m = item(text, key, action);
        m.disableProperty().bind(noFile);
        return m;
    }

    /** A toolbar button disabled while no file is open. */
    private Button fileTool(String text, String tip, Runnable action, String id) {
        Button b = tool(text, tip, action, id);
        b.disableProperty().bind(noFile);
        return b;
    }
}
