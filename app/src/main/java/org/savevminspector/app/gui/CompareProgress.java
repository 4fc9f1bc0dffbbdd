package org.savevminspector.app.gui;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.concurrent.Task;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.util.Duration;
import org.controlsfx.control.StatusBar;

/**
 * The compare window's worker thread and its status bar: one comparison at a time runs there with its progress and
 * Cancel beside it (a new one cancels the last), and short messages (where a step went, what was cancelled) show on
 * the left for a few seconds.
 */
final class CompareProgress {
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "compare-worker");
        t.setDaemon(true);
        return t;
    });
    private final StatusBar status = new StatusBar();
    private final Label message = new Label();
    private final Button cancel = new Button("Cancel");
    private final PauseTransition messageTimeout = new PauseTransition(Duration.seconds(6));
    private Task<?> running;
    private boolean disposed;
    private String said = "";

    CompareProgress() {
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
    }

    StatusBar bar() {
        return status;
    }

    /**
     * Runs {@code t} on the worker thread, its progress in the status bar, Cancel beside it; {@code done} takes the
     * result on the FX thread, {@code discard} a result the window is no longer there to show; {@code failed} the
     * exception, {@code cancelled} runs when the user cancelled it.
     */
    <T> void run(Task<T> t, Consumer<T> done, Consumer<T> discard, Consumer<Throwable> failed, Runnable cancelled) {
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
            failed.accept(t.getException());
        });
        t.setOnCancelled(e -> {
            finished(t);
            cancelled.run();
        });
        worker.submit(t);
    }

    /** Runs {@code t} on the worker thread after what is there, without progress or Cancel (an export). */
    void submit(Task<?> t) {
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

    /** When the window closes: stop comparing and stop the worker; a result still arriving is discarded. */
    void dispose() {
        disposed = true;
        cancelRunning();
        worker.shutdownNow();
    }
}
