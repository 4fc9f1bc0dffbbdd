package org.savevminspector.app.gui;

import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.animation.PauseTransition;
import javafx.concurrent.Task;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.Duration;
import org.savevminspector.app.gui.model.StructureTree;
import org.savevminspector.app.gui.model.TreeFilter;
import org.savevminspector.app.gui.session.Document;
import org.savevminspector.app.gui.session.ViewSession;

/**
 * The filter box above the tree: what is typed (a name or idstr, a value's text, an offset) keeps the matching rows
 * and their parents; Esc clears it. The search runs over the model on a thread of its own, a moment after the
 * last key, and a newer query cancels an older one; the count says how many rows match.
 */
final class TreeFilterBar extends HBox {
    final TextField field = new TextField();
    final Label count = new Label();
    private final StructureTreeView tree;
    private final ViewSession session;
    private final PauseTransition typing = new PauseTransition(Duration.millis(200));
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "tree-filter");
        t.setDaemon(true);
        return t;
    });
    private Task<TreeFilter.Result> running;
    /** The last complete result, and the tree it was of: a longer query is searched within it. */
    private TreeFilter.Result last;
    private StructureTree lastTree;

    TreeFilterBar(ViewSession session, StructureTreeView tree) {
        this.session = session;
        this.tree = tree;
        setId("treeFilter");
        getStyleClass().add("tree-filter");
        field.setId("treeFilterField");
        field.setPromptText("Filter: name, idstr, value or offset");
        field.setTooltip(new Tooltip("Keeps the rows whose name, idstr or value contains the text, or that hold "
                + "the offset (0x1C2B, 1C2Bh, 7211), with their parents. Esc clears it."));
        HBox.setHgrow(field, Priority.ALWAYS);
        field.setMaxWidth(Double.MAX_VALUE);
        count.setId("treeFilterCount");
        count.setMinWidth(Region.USE_PREF_SIZE);
        Button clear = new Button("✕");
        clear.setId("treeFilterClear");
        clear.setFocusTraversable(false);
        clear.setTooltip(new Tooltip("Clear the filter (Esc)"));
        clear.setOnAction(e -> clear());
        getChildren().setAll(field, count, clear);
        typing.setOnFinished(e -> apply());
        field.textProperty().addListener((o, a, b) -> typing.playFromStart());
        field.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                if (field.getText().isEmpty()) {
                    tree.requestFocus();
                } else {
                    clear();
                }
                e.consume();
            } else if (e.getCode() == KeyCode.DOWN || e.getCode() == KeyCode.ENTER) {
                tree.requestFocus();
                e.consume();
            }
        });
        session.documentProperty().addListener((o, was, now) -> {
            if (now == null || !now.sameFile(was)) {
                stop();
                last = null;
                field.setText("");
                count.setText("");
            }
        });
    }

    /** Empties the box and shows the whole tree. */
    void clear() {
        field.setText("");
        apply();
    }

    /** Runs the query now (the typing pause is over). */
    void apply() {
        typing.stop();
        stop();
        Document d = session.document();
        String q = field.getText().strip();
        if (d == null || q.isEmpty()) {
            count.setText("");
            if (tree.filter() != null) {
                tree.setFilter(null);
            }
            return;
        }
        StructureTree model = d.tree();
        TreeFilter.Result previous = lastTree == model ? last : null;
        Task<TreeFilter.Result> task = new Task<>() {
            @Override
            protected TreeFilter.Result call() {
                return TreeFilter.run(model, q, previous, this::isCancelled);
            }
        };
        running = task;
        count.setText("Filtering…");
        task.setOnSucceeded(e -> {
            if (running != task || task.getValue() == null || session.document() != d) {
                return;
            }
            running = null;
            last = task.getValue();
            lastTree = model;
            count.setText(countText(last));
            tree.setFilter(last);
        });
        task.setOnFailed(e -> {
            running = null;
            count.setText("Filter failed: " + task.getException().getMessage());
        });
        worker.execute(task);
    }

    private void stop() {
        if (running != null) {
            running.cancel();
            running = null;
        }
    }

    static String countText(TreeFilter.Result r) {
        if (r.total() == 0) {
            return "No match";
        }
        String n = String.format(Locale.ROOT, "%,d", r.total());
        if (r.truncated()) {
            return String.format(Locale.ROOT, "first %,d of %s matches", r.matches().size(), n);
        }
        return n + (r.total() == 1 ? " match" : " matches");
    }

    /** Whether a query is being searched (tests wait on it). */
    boolean isSearching() {
        return running != null || typing.getStatus() == javafx.animation.Animation.Status.RUNNING;
    }
}
