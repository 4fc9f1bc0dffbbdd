package org.savevminspector.app.gui;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TreeTableRow;
import javafx.stage.Stage;
import org.controlsfx.control.StatusBar;
import org.savevminspector.app.gui.hex.HexView;
import org.savevminspector.app.gui.model.HexHighlights;
import org.savevminspector.app.gui.model.RecentFiles;
import org.savevminspector.app.gui.model.StructureNode;
import org.savevminspector.app.gui.session.Document;
import org.savevminspector.app.gui.session.Navigator;
import org.savevminspector.app.gui.session.ViewSession;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The main window under test (in a {@link GuiTest}), and its parts by the names the tests use: the views that
 * exist from the start as fields, those made on first use (tabs, the find bar) as methods that make them as the
 * user's first look would. File choosers answer from {@link #dialogs}; the recent-files list lives in the test's
 * temporary folder. Everything a test does to the window goes through the FX thread ({@code robot.interact}).
 */
final class GuiHarness {
    final TestDialogs dialogs = new TestDialogs();
    final StructureTreeView tree;
    final HexView hex;
    final MarkerStrip hexMarkers;
    final MarkerStrip treeMarkers;
    final SelectionDetail detail;
    final Banner banner;
    final StatusLine statusLine;
    final StatusBar status;
    /** The tree | hex split, and the split of both over the tabs. */
    final SplitPane top;
    final SplitPane main;
    private final MainWindow window;

    /**
     * A window on {@code stage}, its recent files under {@code tmp}, shown at the top left of the virtual screen at
     * its scene's size (the default layout, see {@link GuiTest}).
     */
    static GuiHarness show(Stage stage, Path tmp) {
        return show(stage, tmp, LayoutMemory.standardStore());
    }

    /** The same, its size and split positions remembered in {@code layout}. */
    static GuiHarness show(Stage stage, Path tmp, LayoutMemory.Store layout) {
        GuiHarness h = new GuiHarness(stage, tmp, layout);
        place(stage);
        return h;
    }

    /**
     * Shows {@code stage} at the top left of the virtual screen at its scene's size. Every GUI test class runs in
     * one JVM on the same primary stage: the size and place an earlier class left must not carry over (a window
     * that does not fit the screen lets clicks land outside it).
     */
    static void place(Stage stage) {
        stage.setX(0);
        stage.setY(0);
        stage.sizeToScene();
        stage.show();
    }

    private GuiHarness(Stage stage, Path tmp, LayoutMemory.Store layout) {
        window = new MainWindow(stage, dialogs, new RecentFiles(tmp.resolve("recent-" + System.nanoTime())), layout);
        tree = window.pane().tree;
        hex = window.pane().hex();
        hexMarkers = window.pane().hexPane.markers;
        treeMarkers = window.pane().treeMarkers;
        detail = window.tabs().detail;
        banner = window.banner();
        statusLine = window.statusLine();
        status = statusLine.bar;
        top = window.pane();
        main = window.mainSplit();
    }

    // ---------------------------------------------------------------- parts made on first use

    DiagnosticsTable diagnostics() {
        return made(window.tabs()::diagnostics);
    }

    DataInspectorTable dataTable() {
        return made(window.tabs()::data);
    }

    LoaderPane loaderPane() {
        return made(window.tabs()::loader);
    }

    ContainerPane containerPane() {
        return made(window.tabs()::container);
    }

    FindBar findBar() {
        return made(window::findBar);
    }

    BookmarksTable bookmarksTable() {
        return made(window.tabs()::bookmarks);
    }

    /** The bottom tabs (Detail, Diagnostics, …). */
    InfoTabs tabs() {
        return window.tabs();
    }

    TreeFilterBar filter() {
        return window.pane().filter;
    }

    OverviewStrip overview() {
        return window.pane().hexPane.overview;
    }

    /** The text of the tab the bottom pane shows. */
    String selectedTab() {
        return window.tabs().getSelectionModel().getSelectedItem().getText();
    }

    /** The part {@code get} returns, made on the FX thread (it joins the scene) if the test thread asks first. */
    private static <T> T made(Supplier<T> get) {
        if (Platform.isFxApplicationThread()) {
            return get.get();
        }
        try {
            return WaitForAsyncUtils.asyncFx(get::get).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new AssertionError("cannot make the part on the FX thread", e);
        }
    }

    // ---------------------------------------------------------------- state and commands (FX thread)

    Stage stage() {
        return window.stage();
    }

    ViewSession session() {
        return window.session();
    }

    Document document() {
        return window.session().document();
    }

    /** What the hex pane colours now. */
    HexHighlights highlights() {
        return window.pane().hexPane.highlights();
    }

    boolean open(Path p) {
        return window.open(p);
    }

    void openSample() {
        window.openSample();
    }

    boolean isLoading() {
        return window.documents().isLoading();
    }

    boolean handleDrop(List<File> files) {
        return window.documents().handleDrop(files);
    }

    /** A drop with Ctrl+Shift held ({@code link}: compare with the open file) or without. */
    boolean handleDrop(List<File> files, boolean link) {
        return window.documents().handleDrop(files, link);
    }

    void exportRepaired() {
        window.documents().exportRepaired();
    }

    void exportJson() {
        window.documents().exportJson();
    }

    /** Moves the caret to {@code offset} and selects its node, as a click there would. */
    void goTo(long offset) {
        new Navigator(session()).goTo(offset);
    }

    /** Selects {@code node} as a click on its tree row would. */
    void select(StructureNode node) {
        session().selectNode(document().tree().pathTo(node));
    }

    void toggleTheme() {
        window.toggleTheme();
    }

    void showDiagnostics() {
        window.showDiagnostics();
    }

    void saveLayout() {
        window.saveLayout();
    }

    boolean hexFitted() {
        return window.hexFitted();
    }

    /** The row of {@code pane}'s tree showing the top-level node {@code name}, scrolled into view (to click on). */
    static TreeTableRow<?> treeRow(FxRobot robot, SessionPane pane, String name) {
        robot.interact(() -> pane.tree.getRoot().getChildren().stream().filter(i -> i.getValue().name().equals(name))
                .findFirst().ifPresent(i -> pane.tree.scrollTo(Math.max(0, pane.tree.getRow(i) - 2))));
        waitUntil(() -> robot.from(pane.tree).lookup(".tree-table-row-cell").match((TreeTableRow<?> r) ->
                r.getItem() instanceof StructureNode n && n.name().equals(name)).tryQuery().isPresent());
        return robot.from(pane.tree).lookup(".tree-table-row-cell").match((TreeTableRow<?> r) ->
                r.getItem() instanceof StructureNode n && n.name().equals(name)).query();
    }

    /** Where on the screen the hex cell of {@code offset} in {@code pane} is, scrolled into view (to click on). */
    static Point2D hexPoint(FxRobot robot, SessionPane pane, long offset) {
        Point2D[] out = new Point2D[1];
        robot.interact(() -> {
            pane.hex().reveal(offset);
            pane.hex().layout();
            Bounds b = pane.hex().hexCellBounds(offset);
            out[0] = pane.hex().localToScreen(b.getCenterX(), b.getCenterY());
        });
        return out[0];
    }

    /** Resizes the window to {@code w} × {@code h} at the top left of the screen, and lays it out. */
    void resize(FxRobot robot, double w, double h) {
        robot.interact(() -> {
            // Monocle's headless screen (1600x1000) must hold the whole window
            stage().setX(0);
            stage().setY(0);
            stage().setWidth(w);
            stage().setHeight(h);
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> stage().getScene().getRoot().layout());
        WaitForAsyncUtils.waitForFxEvents();
    }

    // ---------------------------------------------------------------- reading the window

    /** {@code s}'s answer, asked on the FX thread. */
    static <T> T fx(FxRobot robot, Supplier<T> s) {
        List<T> out = new java.util.ArrayList<>(1);
        robot.interact(() -> out.add(s.get()));
        return out.get(0);
    }

    /** The text a labeled really shows (with the ellipsis when it is cut), not the text it was given. */
    static String shown(javafx.scene.control.Labeled l) {
        javafx.scene.text.Text t = (javafx.scene.text.Text) l.lookup(".text");
        return t == null ? "" : t.getText();
    }

    /** The middle of byte {@code offset}'s hex cell on the screen (the byte's row must be showing). */
    javafx.geometry.Point2D cellOnScreen(FxRobot robot, long offset) {
        return fx(robot, () -> {
            javafx.geometry.Bounds b = hex.hexCellBounds(offset);
            return hex.localToScreen(b.getCenterX(), b.getCenterY());
        });
    }

    // ---------------------------------------------------------------- waiting

    /** Opens the bundled sample and waits until it shows. */
    void loadSample(FxRobot robot) {
        robot.interact(this::openSample);
        waitLoaded();
    }

    /** Opens {@code file} and waits until it shows. */
    void load(FxRobot robot, Path file) {
        robot.interact(() -> open(file));
        waitUntil(() -> !isLoading() && document() != null && document().path().equals(file));
    }

    /** Waits until a document shows and nothing is being opened. */
    void waitLoaded() {
        waitUntil(() -> !isLoading() && document() != null);
    }

    /**
     * Waits (max 15 s) until {@code condition}, evaluated on the FX thread, holds; a condition that throws (a
     * dialog not open yet, a row not laid out yet) does not hold yet.
     */
    static void waitUntil(BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> {
                try {
                    return WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get();
                } catch (ExecutionException e) {
                    return false;
                }
            });
        } catch (TimeoutException e) {
            throw new AssertionError("condition not met within 15 s", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }
}
