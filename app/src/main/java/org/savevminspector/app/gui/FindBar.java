package org.savevminspector.app.gui;

import javafx.concurrent.Task;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import org.savevminspector.app.IoReason;
import org.savevminspector.app.gui.model.ByteFinder;
import org.savevminspector.app.gui.model.SearchPattern;
import org.savevminspector.io.ByteSource;
import org.savevminspector.model.Hex;
import org.savevminspector.model.Span;

/**
 * Find hex bytes or text (Ctrl+F, F3 / Shift+F3). The search runs on the worker thread over a byte source of
 * its own (sources are not thread-safe), with a progress bar and Esc / Cancel to stop it.
 */
final class FindBar extends HBox {
    private final MainWindow window;
    final TextField field = new TextField();
    final ChoiceBox<SearchPattern.Mode> mode = new ChoiceBox<>();
    private final Label result = new Label();
    private final ProgressBar progress = new ProgressBar();
    private final Button cancel = new Button("Cancel");
    private Task<Long> running;

    FindBar(MainWindow window) {
        this.window = window;
        setId("findBar");
        getStyleClass().add("find-bar");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(6);
        field.setId("findField");
        field.setPromptText("hex bytes (1F 40) or text");
        field.setPrefColumnCount(28);
        mode.getItems().setAll(SearchPattern.Mode.values());
        mode.setValue(SearchPattern.Mode.HEX);
        Button next = new Button("Next (F3)");
        next.setOnAction(e -> findNext());
        Button prev = new Button("Previous (Shift+F3)");
        prev.setOnAction(e -> findPrevious());
        Button close = new Button("✕");
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
        getChildren().setAll(new Label("Find"), mode, field, next, prev, progress, cancel, result, close);
        setVisible(false);
        setManaged(false);
    }

    void open() {
        setVisible(true);
        setManaged(true);
        field.requestFocus();
        field.selectAll();
    }

    void close() {
        stop();
        setVisible(false);
        setManaged(false);
    }

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
        Document doc = window.document();
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
        long cursor = window.hex.cursor();
        long from = forward ? cursor + 1 : cursor;
        byte[] bytes = pattern.bytes();
        Task<Long> task = new Task<>() {
            @Override
            protected Long call() throws Exception {
                // a cancelled search throws CancellationException: the task is cancelled then, not failed
                try (ByteSource own = ByteSource.open(doc.path())) {
                    return ByteFinder.find(own, bytes, from, forward, (d, t) -> updateProgress(d, Math.max(1, t)),
                            this::isCancelled);
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
            long at = task.getValue();
            if (at >= 0) {
                result.setText(pattern.description() + " at " + Hex.plain(at));
                window.hex.setHighlights(window.hex.highlights().match(new Span(at, bytes.length)));
                window.goTo(at);
                window.hex.select(at, bytes.length);
            } else {
                result.setText(pattern.description() + " not found " + (forward ? "after" : "before") + " the cursor.");
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
        window.worker().submit(task);
    }

    private void done(Task<Long> task) {
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
