package org.savevminspector.app.gui;

import java.util.concurrent.Executor;
import javafx.concurrent.Task;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import org.savevminspector.app.common.IoReason;
import org.savevminspector.app.gui.model.ByteFinder;
import org.savevminspector.app.gui.model.SearchPattern;
import org.savevminspector.app.gui.session.Document;
import org.savevminspector.app.gui.session.Navigator;
import org.savevminspector.app.gui.session.ViewSession;
import org.savevminspector.io.ByteSource;
import org.savevminspector.model.Hex;
import org.savevminspector.model.Span;

/**
 * Find hex bytes or text (Ctrl+F, F3 / Shift+F3). Auto mode decides from the input whether it is hex bytes or
 * text; the search goes round the end of the file (and says so). It runs on the worker thread over a byte source
 * of its own (sources are not thread-safe), with a progress bar and Esc / Cancel to stop it. A match becomes the
 * session's find match and selection; closing the bar removes the match.
 */
final class FindBar extends HBox {
    private final ViewSession session;
    private final Navigator navigate;
    private final Executor worker;
    private final Runnable afterClose;
    final TextField field = new TextField();
    final ChoiceBox<SearchPattern.Mode> mode = new ChoiceBox<>();
    private final Label detected = new Label();
    private final Label result = new Label();
    private final ProgressBar progress = new ProgressBar();
    private final Button cancel = new Button("Cancel");
    private Task<Found> running;

    /** Where a search ended: the match offset (-1: none) and whether it went round the end of the file. */
    private record Found(long at, boolean wrapped) {
    }

    /** Searches run on {@code worker}; {@code afterClose} puts the focus back (on the hex pane). */
    FindBar(ViewSession session, Navigator navigate, Executor worker, Runnable afterClose) {
        this.session = session;
        this.navigate = navigate;
        this.worker = worker;
        this.afterClose = afterClose;
        setId("findBar");
        getStyleClass().add("find-bar");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(6);
        field.setId("findField");
        field.setPromptText("hex bytes (1F 40) or text");
        field.setPrefColumnCount(28);
        mode.getItems().setAll(SearchPattern.Mode.values());
        mode.setValue(SearchPattern.Mode.AUTO);
        mode.setId("findMode");
        detected.setId("findDetected");
        detected.getStyleClass().add("find-detected");
        field.textProperty().addListener((o, a, b) -> showDetected());
        mode.valueProperty().addListener((o, a, b) -> showDetected());
        Button next = new Button("Next (F3)");
        next.setOnAction(e -> findNext());
        Button prev = new Button("Previous (Shift+F3)");
        prev.setOnAction(e -> findPrevious());
        Button close = new Button("✕");
        close.setId("findClose");
        close.setOnAction(e -> close());
        progress.setVisible(false);
        progress.setPrefWidth(120);
        cancel.setVisible(false);
        cancel.setOnAction(e -> stop());
        result.setId("findResult");
        field.setOnAction(e -> findNext());
        field.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                if (running != null) {
                    stop();
                } else {
                    close();
                }
            }
        });
        getChildren().setAll(new Label("Find"), mode, field, detected, next, prev, progress, cancel, result, close);
        setVisible(false);
        setManaged(false);
        session.documentProperty().addListener((o, was, now) -> {
            if (now == null || !now.sameFile(was)) {
                reset();
            }
        });
    }

    /** In Auto mode, says how the input is read (hex or text) as it is typed. */
    private void showDetected() {
        String t = field.getText();
        if (mode.getValue() != SearchPattern.Mode.AUTO || t == null || t.isBlank()) {
            detected.setText("");
            return;
        }
        detected.setText(SearchPattern.detect(t) == SearchPattern.Mode.HEX ? "as hex" : "as text");
    }

    void open() {
        setVisible(true);
        setManaged(true);
        field.requestFocus();
        field.selectAll();
    }

    /** Hides the bar and the match highlight with it. */
    void close() {
        stop();
        setVisible(false);
        setManaged(false);
        session.setMatch(null);
        afterClose.run();
    }

    /** Stops a search and forgets its result: another file is being opened. */
    void reset() {
        stop();
        result.setText("");
    }

    void findNext() {
        find(true);
    }

    void findPrevious() {
        find(false);
    }

    private void stop() {
        if (running != null) {
            running.cancel();
        }
    }

    private void find(boolean forward) {
        Document doc = session.document();
        if (doc == null) {
            return;
        }
        if (field.getText().isEmpty()) {
            open();
            return;
        }
        SearchPattern pattern;
        try {
            pattern = SearchPattern.parse(field.getText(), mode.getValue());
        } catch (IllegalArgumentException e) {
            result.setText(e.getMessage());
            return;
        }
        stop();
        long cursor = session.caret();
        long from = forward ? cursor + 1 : cursor;
        long size = doc.size();
        byte[] bytes = pattern.bytes();
        Task<Found> task = new Task<>() {
            @Override
            protected Found call() throws Exception {
                // a cancelled search throws CancellationException: the task is cancelled then, not failed
                try (ByteSource own = doc.open()) {
                    long at = ByteFinder.find(own, bytes, from, forward, (d, t) -> updateProgress(d, Math.max(1, t)),
                            this::isCancelled);
                    if (at >= 0) {
                        return new Found(at, false);
                    }
                    // round the end: from the other end of the file up to where this search started
                    long again = ByteFinder.find(own, bytes, forward ? 0 : size, forward,
                            (d, t) -> updateProgress(d, Math.max(1, t)), this::isCancelled);
                    return new Found(again, again >= 0);
                }
            }
        };
        running = task;
        progress.progressProperty().bind(task.progressProperty());
        progress.setVisible(true);
        cancel.setVisible(true);
        result.setText("Searching…");
        task.setOnSucceeded(e -> {
            done(task);
            Found f = task.getValue();
            if (f.at() >= 0) {
                String where = pattern.description() + " at " + Hex.plain(f.at());
                result.setText(f.wrapped()
                        ? where + (forward ? " (wrapped round to the start of the file)" : " (wrapped round to the end of the file)")
                        : where);
                session.setMatch(new Span(f.at(), bytes.length));
                navigate.selectBytes(f.at(), bytes.length);
            } else {
                result.setText(pattern.description() + " is not in the file.");
            }
        });
        task.setOnFailed(e -> {
            done(task);
            result.setText("Search failed: " + IoReason.of(task.getException()));
        });
        task.setOnCancelled(e -> {
            done(task);
            result.setText("Search cancelled.");
        });
        worker.execute(task);
    }

    private void done(Task<Found> task) {
        if (running == task) {
            running = null;
        }
        progress.progressProperty().unbind();
        progress.setVisible(false);
        cancel.setVisible(false);
    }

    String resultText() {
        return result.getText();
    }
}
