package org.savevminspector.app.gui;

import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;
import javafx.concurrent.Task;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.savevminspector.app.common.IoReason;
import org.savevminspector.app.gui.compare.CompareSession;
import org.savevminspector.app.gui.compare.CompareText;
import org.savevminspector.app.gui.compare.DiffBytes;
import org.savevminspector.app.gui.compare.DiffOutline;
import org.savevminspector.app.gui.session.Document;
import org.savevminspector.diff.DiffResult;
import org.savevminspector.diff.IgnoreRules;
import org.savevminspector.loader.LoaderProfile;
import org.savevminspector.loader.LoaderProfiles;

/**
 * The compare window: two files side by side — each a {@link SessionPane} (tree over hex pane) following its own
 * {@link org.savevminspector.app.gui.session.ViewSession} — over the comparison list ({@link DiffList}), with the
 * menus and switches of {@link CompareMenus}. Both files are opened, inspected and compared on the window's worker
 * thread with progress and Cancel; changing the ignore rules compares the open files again. Nothing here decides
 * what is shown: the {@link CompareSession} does, and every view follows it.
 */
final class CompareWindow {
    static final String TITLE_PREFIX = "Compare";

    private final Stage stage;
    private final FileDialogs dialogs;
    private final CompareProgress progress = new CompareProgress();
    private final CompareSession compare = new CompareSession();
    private final Banner banner = new Banner();
    final SessionPane paneA;
    final SessionPane paneB;
    final Label headerA = new Label();
    final Label headerB = new Label();
    final DiffList list;
    final Label summary = new Label();
    private final DifferenceSteps steps;
    private final CompareMenus menus;
    private CompareSide sideA;
    private CompareSide sideB;
    private IgnoreRules rules = IgnoreRules.none();
    private LoaderProfile loader = LoaderProfiles.upstream();
    /** The side the keys act on (copy, go to, section and field steps): the one whose tree or hex pane had the focus last. */
    private boolean activeA = true;

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
        steps = new DifferenceSteps(compare, paneA, paneB, progress::flash, () -> !rules.isEmpty());
        list = new DiffList(compare, steps::choose);
        menus = new CompareMenus(this, compare, actionsA, actionsB);

        BorderPane root = CompareLayout.root(new VBox(menus.menuBar(), menus.toolBar()), banner, headerA, paneA,
                headerB, paneB, summary, list, progress.bar());
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
    static CompareWindow open(Stage stage, CompareSide a, CompareSide b, FileDialogs dialogs) {
        return open(stage, a, b, dialogs, null);
    }

    /** The same, both files simulated with {@code loader} (the viewer's choice; {@code null}: upstream). */
    static CompareWindow open(Stage stage, CompareSide a, CompareSide b, FileDialogs dialogs, LoaderProfile loader) {
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

    // ------------------------------------------------------------------ comparing

    /** Why {@code a} and {@code b} cannot be compared (one cannot be read), in one sentence; {@code null}: they can. */
    static String unreadable(CompareSide a, CompareSide b) {
        for (CompareSide s : List.of(a, b)) {
            String why = IoReason.unreadable(s.path());
            if (why != null) {
                return "Cannot compare " + s.path() + ": " + why + ".";
            }
        }
        return null;
    }

    /** Opens, inspects and compares {@code a} and {@code b} (replacing what the window shows). */
    void compare(CompareSide a, CompareSide b) {
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
            steps.say(compare.next()); // the first difference is what one compares for
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
                steps.say(compare.next());
            }
        }, result -> { });
    }

    IgnoreRules rules() {
        return rules;
    }

    /** Runs {@code t} on the worker thread with progress and Cancel; {@code done} takes the result (FX thread). */
    private <T> void run(Task<T> t, Consumer<T> done, Consumer<T> discard) {
        progress.run(t, done, discard,
                e -> banner.error("Cannot compare " + sideA.displayName() + " with " + sideB.displayName() + ": "
                        + IoReason.of(e)),
                () -> progress.flash(compare.outline() == null ? "Comparison cancelled"
                        : "Comparison cancelled: the list shows the previous comparison"));
    }

    void cancelRunning() {
        progress.cancelRunning();
    }

    /** Whether a comparison is being worked out (tests wait on it). */
    boolean isRunning() {
        return progress.isRunning();
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

    void nextDifference() {
        steps.next();
    }

    void previousDifference() {
        steps.previous();
    }

    /** The last message the status bar showed, even once it has gone. */
    String said() {
        return progress.said();
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

    /** File → Export Comparison as JSON. */
    void exportJson() {
        CompareExport.exportJson(stage, dialogs, compare, banner, progress);
    }

    // ------------------------------------------------------------------ lifecycle and parts

    /** When the window closes: stop comparing, stop the worker, close both files. */
    private void dispose() {
        progress.dispose();
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
