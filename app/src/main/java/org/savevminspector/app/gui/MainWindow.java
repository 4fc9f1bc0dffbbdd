package org.savevminspector.app.gui;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.savevminspector.app.gui.model.BookmarkStore;
import org.savevminspector.app.gui.model.RecentFiles;
import org.savevminspector.app.gui.session.ViewSession;

/**
 * The main window, composed: a session's tree and hex pane ({@link SessionPane}) over the information tabs
 * ({@link InfoTabs}), the banner, the find bar and the status bar, with the menus ({@link MainMenus}) and the file
 * commands ({@link DocumentActions}). Nothing here shows a document: every view follows the one
 * {@link ViewSession}, and the window only lays the views out, names itself after the file and remembers its size.
 */
public final class MainWindow {
    static final String TITLE_PREFIX = "SaveVM Inspector";

    private final Stage stage;
    private final ViewSession session = new ViewSession();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "inspector-worker");
        t.setDaemon(true);
        return t;
    });
    private final Banner banner = new Banner();
    private final SessionActions actions;
    private final SessionPane pane;
    private final StatusLine statusLine;
    private final InfoTabs tabs;
    /** Find bar (when made) over the status bar. */
    private final VBox bottom = new VBox();
    private final Lazy<FindBar> findBar;
    private final DocumentActions documents;
    private final MainMenus menus;
    private final SplitPane main;
    private final SplitLayout splitLayout;

    public MainWindow(Stage stage, FileDialogs dialogs, RecentFiles recent) {
        this(stage, dialogs, recent, LayoutMemory.standardStore());
    }

    MainWindow(Stage stage, FileDialogs dialogs, RecentFiles recent, LayoutMemory.Store layoutStore) {
        this.stage = stage;
        statusLine = new StatusLine(session, this::showDiagnostics, this::cancelLoading);
        // copies and steps say what they did in the status bar; bookmarks are kept beside the recent files
        actions = SessionActions.of(session, banner::error, statusLine::flash,
                new BookmarkStore(recent.beside("bookmarks")), worker);
        pane = new SessionPane(actions);
        Perf.mark("window: controls created");
        findBar = new Lazy<>(() -> {
            FindBar bar = new FindBar(session, actions.navigate(), worker, pane.hex()::requestFocus);
            bottom.getChildren().add(0, bar);
            return bar;
        });
        documents = new DocumentActions(stage, dialogs, recent, worker, actions, banner, statusLine,
                () -> findBar.ifMade(FindBar::reset));
        pane.setEmptyState(new EmptyState(documents::openWithChooser, documents::openSample));
        LayoutMemory layoutMemory = new LayoutMemory(layoutStore);
        LayoutMemory.Saved saved = layoutMemory.load();
        tabs = new InfoTabs(actions, documents::openEmbedded, saved.loaderFraction());
        main = new SplitPane(pane, tabs);
        main.setOrientation(Orientation.VERTICAL);
        main.setDividerPositions(0.66);
        VBox.setVgrow(main, Priority.ALWAYS);
        menus = new MainMenus(stage, actions, pane, tabs, findBar, documents, statusLine);

        Perf.mark("window: layout built");
        BorderPane root = new BorderPane(new VBox(banner, main));
        root.setTop(new VBox(menus.menuBar(), menus.toolBar()));
        bottom.getChildren().setAll(statusLine.bar);
        root.setBottom(bottom);
        root.getStyleClass().add("inspector-root");

        double[] size = LayoutMemory.sceneSize(saved, Screen.getPrimary().getVisualBounds());
        Scene scene = new Scene(root, size[0], size[1]);
        Perf.mark("window: scene");
        menus.install(scene);
        documents.acceptDrops(scene, root);
        TooltipsAndDialogs.install(stage, pane.hex()::hideTooltip);
        splitLayout = new SplitLayout(pane, main, pane.hex(), layoutMemory, saved);
        stage.setScene(scene);
        stage.setTitle(TITLE_PREFIX);
        session.documentProperty().addListener((o, a, d) ->
                stage.setTitle(d == null ? TITLE_PREFIX : TITLE_PREFIX + " — " + d.displayName()));
        stage.setOnHidden(e -> {
            saveLayout();
            documents.dispose();
        });
    }

    /** Starts opening {@code path}; false (with a notification) when it cannot be read at all. */
    public boolean open(Path path) {
        return documents.open(path);
    }

    /** Opens the bundled synthetic sample (the banner says it is synthetic). */
    public void openSample() {
        documents.openSample();
    }

    /** Shows the Diagnostics tab with the focus in it (the status bar's badge, Ctrl+D). */
    void showDiagnostics() {
        tabs.showDiagnostics();
    }

    void cancelLoading() {
        documents.cancelLoading();
    }

    /** Whether the tree/hex divider follows the hex pane's width (the user has not moved it). */
    boolean hexFitted() {
        return splitLayout.hexFitted();
    }

    void saveLayout() {
        splitLayout.save(stage, tabs.loaderSplit());
    }

    void toggleTheme() {
        menus.toggleTheme();
    }

    /** For the start-up log: runs {@code r} once after each document is shown. */
    void setAfterShow(Runnable r) {
        documents.setAfterShow(r);
    }

    /** For the start-up log: runs {@code r} once the next frame has been laid out and rendered. */
    void onNextFrame(Runnable r) {
        Scene scene = stage.getScene();
        Runnable[] self = new Runnable[1];
        self[0] = () -> {
            scene.removePostLayoutPulseListener(self[0]);
            Platform.runLater(r);
        };
        scene.addPostLayoutPulseListener(self[0]);
    }

    // ------------------------------------------------------------------ the parts, for GuiHarness

    Stage stage() {
        return stage;
    }

    ViewSession session() {
        return session;
    }

    SessionPane pane() {
        return pane;
    }

    InfoTabs tabs() {
        return tabs;
    }

    StatusLine statusLine() {
        return statusLine;
    }

    Banner banner() {
        return banner;
    }

    /** The find bar, made now if it was not yet. */
    FindBar findBar() {
        return findBar.get();
    }

    DocumentActions documents() {
        return documents;
    }

    SplitPane mainSplit() {
        return main;
    }
}
