package org.savevminspector.app.gui;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.concurrent.Task;
import javafx.geometry.Orientation;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.StatusBar;
import org.savevminspector.app.common.IoReason;
import org.savevminspector.app.gui.compare.CompareSession;
import org.savevminspector.app.gui.compare.CompareText;
import org.savevminspector.app.gui.compare.Comparison;
import org.savevminspector.app.gui.compare.DiffBytes;
import org.savevminspector.app.gui.compare.DiffOutline;
import org.savevminspector.app.gui.compare.DiffRow;
import org.savevminspector.app.gui.session.Document;
import org.savevminspector.diff.ContentDiff;
import org.savevminspector.diff.DiffResult;
import org.savevminspector.diff.IgnoreRules;
import org.savevminspector.io.AtomicFileWriter;
import org.savevminspector.io.ByteSource;
import org.savevminspector.loader.LoaderProfile;
import org.savevminspector.loader.LoaderProfiles;
import org.savevminspector.model.Field;
import org.savevminspector.model.Span;
import org.savevminspector.report.DiffJson;

/**
 * The compare window: two files side by side — each a {@link SessionPane} (tree over hex pane) following its own
 * {@link org.savevminspector.app.gui.session.ViewSession} — over the comparison list ({@link DiffList}), with the
 * menus and switches of {@link CompareMenus}. Both files are opened, inspected and compared on the window's worker
 * thread with progress and Cancel; changing the ignore rules compares the open files again. Nothing here decides
 * what is shown: the {@link CompareSession} does, and every view follows it.
 */
final class CompareWindow {
    /** A file to compare: where it is, what to call it, and whether it is the bundled synthetic sample. */
    record Side(Path path, String displayName, boolean synthetic) {
        static Side of(Path p) {
            Path name = p.getFileName();
            return new Side(p, name == null ? p.toString() : name.toString(), false);
        }

        /**
         * The file an open document was read from, to be opened again through the input layer (a compressed file
         * is decompressed again, a VHD seen as its virtual disk again); for a pipe, its private copy.
         */
        static Side of(Document d) {
            return new Side(d.original() != null ? d.original() : d.path(), d.displayName(), d.synthetic());
        }
    }

    static final String TITLE_PREFIX = "Compare";

    private final Stage stage;
    private final FileDialogs dialogs;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "compare-worker");
        t.setDaemon(true);
        return t;
    });
    private final CompareSession compare = new CompareSession();
    private final Banner banner = new Banner();
    final SessionPane paneA;
    final SessionPane paneB;
    final Label headerA = new Label();
    final Label headerB = new Label();
    final DiffList list;
    final Label summary = new Label();
    final StatusBar status = new StatusBar();
    final Label message = new Label();
    private final Button cancel = new Button("Cancel");
    private final PauseTransition messageTimeout = new PauseTransition(Duration.seconds(6));
    private final CompareMenus menus;
    private Task<?> running;
    private Side sideA;
    private Side sideB;
    private IgnoreRules rules = IgnoreRules.none();
    private LoaderProfile loader = LoaderProfiles.upstream();
    /** The side the keys act on (copy, go to, section and field steps): the one whose tree or hex pane had the focus last. */
    private boolean activeA = true;
    private boolean disposed;
    private String said = "";

    CompareWindow(Stage stage, FileDialogs dialogs) {
        this.stage = stage;
        this.dialogs = dialogs;
        stage.getProperties().put(CompareWindow.class, this);
        SessionActions actionsA = SessionActions.of(compare.a(), banner::error);
        SessionActions actionsB = SessionActions.of(compare.b(), banner::error);
        paneA = new SessionPane(actionsA);
        paneB = new SessionPane(actionsB);
        paneA.stack();
        paneB.stack();
        list = new DiffList(compare, this::choose);
        menus = new CompareMenus(this, compare, actionsA, actionsB);

        SplitPane sides = new SplitPane(side(headerA, paneA, "compareSideA"), side(headerB, paneB, "compareSideB"));
        summary.setId("compareSummary");
        summary.getStyleClass().add("compare-summary");
        summary.setMinHeight(Region.USE_PREF_SIZE);
        VBox bottom = new VBox(summary, list);
        VBox.setVgrow(list, Priority.ALWAYS);
        SplitPane main = new SplitPane(sides, bottom);
        main.setOrientation(Orientation.VERTICAL);
        main.setDividerPositions(0.64);
        VBox.setVgrow(main, Priority.ALWAYS);

        message.setId("compareMessage");
        message.getStyleClass().add("status-message");
        message.setMinWidth(Region.USE_PREF_SIZE);
        messageTimeout.setOnFinished(e -> message.setText(""));
        cancel.setId("compareCancel");
        cancel.setVisible(false);
        cancel.setOnAction(e -> cancelRunning());
        status.setId("compareStatus");
        status.getStyleClass().add("inspector-status");
        status.setText("");
        status.getLeftItems().setAll(message);
        status.getRightItems().setAll(cancel);

        BorderPane root = new BorderPane(new VBox(banner, main));
        root.setTop(new VBox(menus.menuBar(), menus.toolBar()));
        root.setBottom(status);
        root.getStyleClass().addAll("inspector-root", "compare-root");
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(root, Math.min(1366, screen.getWidth()), Math.min(768, screen.getHeight()));
        menus.install(scene);
        scene.focusOwnerProperty().addListener((o, a, focus) -> focusMoved(focus));
        stage.setScene(scene);
        stage.setTitle(TITLE_PREFIX);
        TooltipsAndDialogs.install(stage, () -> {
            paneA.hex().hideTooltip();
            paneB.hex().hideTooltip();
        });
        compare.outlineProperty().addListener((o, a, outline) -> showOutline(outline));
        stage.setOnHidden(e -> dispose());
    }

    /** A compare window on {@code stage} comparing {@code a} and {@code b}; its theme is the viewer's. */
    static CompareWindow open(Stage stage, Side a, Side b, FileDialogs dialogs) {
        return open(stage, a, b, dialogs, null);
    }

    /** The same, both files simulated with {@code loader} (the viewer's choice; {@code null}: upstream). */
    static CompareWindow open(Stage stage, Side a, Side b, FileDialogs dialogs, LoaderProfile loader) {
        CompareWindow w = new CompareWindow(stage, dialogs);
        if (loader != null) {
            w.loader = loader;
            w.menus.showLoader(loader);
        }
        AppIcon.apply(stage);
        stage.show();
        w.compare(a, b);
        return w;
    }

    /** The compare window on {@code w}, or {@code null} when it is another window. */
    static CompareWindow of(Window w) {
        return w == null ? null : (CompareWindow) w.getProperties().get(CompareWindow.class);
    }

    private static VBox side(Label header, SessionPane pane, String id) {
        header.getStyleClass().add("compare-side-header");
        header.setMaxWidth(Double.MAX_VALUE);
        Region swatch = new Region();
        swatch.getStyleClass().addAll("legend-swatch", "hex-differs");
        header.setGraphic(swatch);
        header.setTooltip(new Tooltip("Bytes in this colour differ from the other file (or only this file has them)"));
        VBox box = new VBox(header, pane);
        box.setId(id);
        VBox.setVgrow(pane, Priority.ALWAYS);
        return box;
    }

    // ------------------------------------------------------------------ comparing

    /** Why {@code a} and {@code b} cannot be compared (one cannot be read), in one sentence; {@code null}: they can. */
    static String unreadable(Side a, Side b) {
        for (Side s : List.of(a, b)) {
            String why = IoReason.unreadable(s.path());
            if (why != null) {
                return "Cannot compare " + s.path() + ": " + why + ".";
            }
        }
        return null;
    }

    /** Opens, inspects and compares {@code a} and {@code b} (replacing what the window shows). */
    void compare(Side a, Side b) {
        String why = unreadable(a, b);
        if (why != null) {
            banner.error(why);
            return;
        }
        sideA = a;
        sideB = b;
        banner.hide();
        stage.setTitle(TITLE_PREFIX + " — " + a.displayName() + " ↔ " + b.displayName());
        run(new CompareTask(a, b, rules, loader), c -> {
            compare.open(c);
            say(compare.next()); // the first difference is what one compares for
        }, c -> {
            c.a().close();
            c.b().close();
        });
    }

    /** Rereads both files and compares them again (File → Compare Again: they may have changed on disk). */
    void compareAgain() {
        if (sideA != null) {
            compare(sideA, sideB);
        }
    }

    /** Compares the open files again with {@code newRules} (ignore globs, the volatile set). */
    void setRules(IgnoreRules newRules) {
        rules = newRules;
        compareOpenFiles();
    }

    /**
     * Simulates both files with {@code profile} (as {@code diff --loader} does) and compares them again: the loader
     * outcomes in the summary line, the diagnostics and the tree's marks on both sides follow.
     */
    void setLoader(LoaderProfile profile) {
        loader = profile;
        menus.showLoader(profile);
        compare.useLoader(profile);
        compareOpenFiles();
    }

    /** Compares the files already open again, with the rules and the loader as they now stand. */
    private void compareOpenFiles() {
        Document a = compare.a().document();
        Document b = compare.b().document();
        if (a == null || b == null) {
            compareAgain(); // the first comparison did not finish: start it again as things now stand
            return;
        }
        IgnoreRules r = rules;
        Task<DiffResult> t = new Task<>() {
            @Override
            protected DiffResult call() throws IOException {
                updateMessage("Comparing " + a.displayName() + " with " + b.displayName());
                return CompareTask.compare(a, b, r, this::isCancelled);
            }
        };
        run(t, result -> {
            if (compare.a().document() == a && compare.b().document() == b) {
                compare.showResult(result);
                say(compare.next());
            }
        }, result -> { });
    }

    IgnoreRules rules() {
        return rules;
    }

    /**
     * Runs {@code t} on the worker thread, its progress in the status bar, Cancel beside it; {@code done} takes the
     * result on the FX thread, {@code discard} a result the window is no longer there to show.
     */
    private <T> void run(Task<T> t, Consumer<T> done, Consumer<T> discard) {
        cancelRunning();
        running = t;
        status.progressProperty().bind(t.progressProperty());
        status.textProperty().bind(t.messageProperty());
        cancel.setVisible(true);
        t.setOnSucceeded(e -> {
            finished(t);
            T value = t.getValue();
            if (value != null) {
                (disposed ? discard : done).accept(value);
            }
        });
        t.setOnFailed(e -> {
            finished(t);
            banner.error("Cannot compare " + sideA.displayName() + " with " + sideB.displayName() + ": "
                    + IoReason.of(t.getException()));
        });
        t.setOnCancelled(e -> {
            finished(t);
            flash(compare.outline() == null ? "Comparison cancelled"
                    : "Comparison cancelled: the list shows the previous comparison");
        });
        worker.submit(t);
    }

    private void finished(Task<?> t) {
        if (running != t) {
            return;
        }
        running = null;
        status.progressProperty().unbind();
        status.textProperty().unbind();
        status.setProgress(0);
        status.setText("");
        cancel.setVisible(false);
    }

    void cancelRunning() {
        if (running != null) {
            running.cancel();
        }
    }

    /** Whether a comparison is being worked out (tests wait on it). */
    boolean isRunning() {
        return running != null;
    }

    /** The new rows: both hex panes colour their differing bytes, the headers and the summary line follow. */
    private void showOutline(DiffOutline outline) {
        if (outline == null) {
            return;
        }
        DiffResult r = outline.result();
        paneA.hexPane.setLayer(DiffBytes.of(r, true));
        paneB.hexPane.setLayer(DiffBytes.of(r, false));
        headerA.setText(CompareText.side("a", compare.a().document(), r.a()));
        headerB.setText(CompareText.side("b", compare.b().document(), r.b()));
        summary.setText(CompareText.summary(r) + (rules.isEmpty() ? "" : " · " + menus.rulesText()));
    }

    // ------------------------------------------------------------------ differences

    /** A row chosen in the list: both sides show it, and a byte array's first differing byte comes into view. */
    private void choose(DiffRow row) {
        compare.show(row);
        revealDifference(row);
    }

    void nextDifference() {
        say(compare.next());
        revealDifference(compare.current());
    }

    void previousDifference() {
        say(compare.previous());
        revealDifference(compare.current());
    }

    private void revealDifference(DiffRow row) {
        if (row instanceof DiffRow.FieldRow f && f.field().content() != null) {
            reveal(paneA, f.field().a(), f.field().content());
            reveal(paneB, f.field().b(), f.field().content());
        }
    }

    private static void reveal(SessionPane pane, Field f, ContentDiff c) {
        if (f != null && !c.ranges().isEmpty()) {
            Span s = f.span();
            pane.hex().reveal(Math.min(s.end() - 1, s.offset() + c.ranges().get(0).offset()));
        }
    }

    /** What stepping says, in the status bar (with the ignore rules, "no differences" says so). */
    private void say(String text) {
        if (text != null) {
            flash(CompareSession.NO_DIFFERENCES.equals(text) && !rules.isEmpty() ? text + " (with the ignore rules)" : text);
        }
    }

    /** A message that goes away by itself after a few seconds (or with the next one). */
    void flash(String text) {
        said = text;
        message.setText(text);
        messageTimeout.playFromStart();
    }

    /** The last message shown, even once it has gone. */
    String said() {
        return said;
    }

    // ------------------------------------------------------------------ the active side

    private void focusMoved(Node focus) {
        for (Node n = focus; n != null; n = n.getParent()) {
            if (n == paneA || n == paneB) {
                activeA = n == paneA;
                return;
            }
        }
    }

    /** The pane the keys act on. */
    SessionPane activePane() {
        return activeA ? paneA : paneB;
    }

    // ------------------------------------------------------------------ export

    /** File → Export Comparison as JSON: what {@code diff --format json} prints (every pair unless "differences only"). */
    void exportJson() {
        DiffOutline o = compare.outline();
        Document a = compare.a().document();
        Document b = compare.b().document();
        if (o == null || a == null || b == null) {
            return;
        }
        String name = a.displayName().replaceFirst("\\.[^.]*$", "") + "-vs-" + b.displayName().replaceFirst("\\.[^.]*$", "")
                + ".json";
        Path out = dialogs.chooseSave(stage, "Export comparison as JSON", a.directory(), name, "json");
        if (out == null) {
            return;
        }
        boolean all = !compare.differencesOnlyProperty().get();
        Task<Void> t = new Task<>() {
            @Override
            protected Void call() throws IOException {
                try (ByteSource sa = a.open(); ByteSource sb = b.open()) {
                    // complete or absent, as every file the tool writes
                    AtomicFileWriter.standard().write(out, o2 -> {
                        Writer w = new OutputStreamWriter(o2, StandardCharsets.UTF_8);
                        DiffJson.write(o.result(), sa, sb, all, w);
                        w.flush();
                    });
                }
                return null;
            }
        };
        t.setOnSucceeded(e -> banner.show("Comparison written to " + out, "info"));
        t.setOnFailed(e -> banner.error("Cannot export the comparison to " + out + ": " + IoReason.of(t.getException())));
        worker.submit(t);
    }

    // ------------------------------------------------------------------ lifecycle and parts

    /** When the window closes: stop comparing, stop the worker, close both files. */
    private void dispose() {
        disposed = true;
        cancelRunning();
        worker.shutdownNow();
        compare.dispose();
    }

    Stage stage() {
        return stage;
    }

    CompareSession session() {
        return compare;
    }

    Banner banner() {
        return banner;
    }

    CompareMenus menus() {
        return menus;
    }
}
