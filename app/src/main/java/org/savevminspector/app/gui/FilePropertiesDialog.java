package org.savevminspector.app.gui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.concurrent.Task;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.Window;
import org.savevminspector.app.IoReason;
import org.savevminspector.container.ContainerIndex;
import org.savevminspector.io.ByteSource;
import org.savevminspector.model.Span;
import org.savevminspector.report.Sha256;

/**
 * File → Properties: what the open file is (path, size, modification time, container, where its QEVM stream lies)
 * and two SHA-256 hashes computed in the background: the stream's (what the reports carry) at once, and the whole
 * file's with progress and Cancel — a multi-GiB save image takes a minute, so it is never part of opening a file.
 * Closing the dialog cancels the hashing. Each hash reads from a read-only source of its own.
 */
final class FilePropertiesDialog {

    /** A line of the dialog: a label and its value. */
    record Fact(String label, String value) {
    }

    private final Path path;
    private final ContainerIndex container;
    private final ExecutorService hasher = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "file-properties-sha256");
        t.setDaemon(true);
        return t;
    });
    final Dialog<Void> dialog = new Dialog<>();
    final TextField streamHash = hashField("streamHash");
    final TextField fileHash = hashField("fileHash");
    final ProgressBar progress = new ProgressBar(0);
    final Label status = new Label();
    final Button cancel = new Button("Cancel");
    final Button compute = new Button("Compute");
    private Task<String> running;

    private FilePropertiesDialog(Path path, ContainerIndex container) {
        this.path = path;
        this.container = container;
    }

    /**
     * Shows the properties of {@code path}, named {@code displayName}, indexed as {@code container} ({@code null}:
     * a bare stream), and starts hashing.
     */
    static FilePropertiesDialog show(Window owner, Path path, String displayName, ContainerIndex container) {
        FilePropertiesDialog d = new FilePropertiesDialog(path, container);
        d.build(owner, displayName);
        d.dialog.show();
        d.hashStream();
        d.hashFile();
        return d;
    }

    /** The facts known without reading the file's contents (the file system's size and time, the index). */
    static List<Fact> facts(Path path, ContainerIndex container) {
        List<Fact> out = new ArrayList<>();
        out.add(new Fact("File", path.toAbsolutePath().toString()));
        try {
            long size = Files.size(path);
            out.add(new Fact("Size", String.format(Locale.ROOT, "%,d bytes%s", size,
                    size < 1024 ? "" : " (" + human(size) + ")")));
            Instant modified = Files.getLastModifiedTime(path).toInstant();
            out.add(new Fact("Modified", modified.truncatedTo(ChronoUnit.SECONDS).toString()));
        } catch (IOException e) {
            out.add(new Fact("Size", "cannot read: " + IoReason.of(e)));
        }
        out.add(new Fact("Container", container == null ? "bare QEVM stream" : container.kind() == null
                ? "no known container" : container.kind().json() + " (" + container.kind().description() + ")"));
        Span q = stream(container, path);
        out.add(new Fact("QEVM stream", q == null ? "none" : String.format(Locale.ROOT, "offset %,d, %,d bytes",
                q.offset(), q.length())));
        return out;
    }

    /** 4.0 GiB, 7.3 KiB: binary units, one decimal ({@code 512 B} below a KiB). */
    static String human(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = bytes;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }

    /** The stream the reports judge: the index's, or the whole file of a bare stream opened without one. */
    private static Span stream(ContainerIndex container, Path path) {
        if (container != null) {
            return container.qevm();
        }
        try {
            return new Span(0, Files.size(path));
        } catch (IOException e) {
            return null;
        }
    }

    private void build(Window owner, String displayName) {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(6);
        int row = 0;
        for (Fact f : facts(path, container)) {
            TextField value = new TextField(f.value());
            value.setEditable(false);
            value.setId("fact-" + f.label().replace(' ', '-'));
            value.setPrefColumnCount(48);
            grid.addRow(row++, new Label(f.label() + ":"), value);
        }
        grid.addRow(row++, new Label("QEVM stream SHA-256:"), streamHash);
        progress.setId("hashProgress");
        progress.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(progress, Priority.ALWAYS);
        status.setId("hashStatus");
        cancel.setId("hashCancel");
        cancel.setOnAction(e -> cancelHashing());
        compute.setId("hashCompute");
        compute.setOnAction(e -> hashFile());
        Button copy = new Button("Copy");
        copy.setId("hashCopy");
        copy.setOnAction(e -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(fileHash.getText());
            Clipboard.getSystemClipboard().setContent(c);
        });
        copy.disableProperty().bind(fileHash.textProperty().length().isNotEqualTo(64));
        grid.addRow(row++, new Label("SHA-256 of the file:"), fileHash);
        grid.add(new HBox(8, progress, status, cancel, compute, copy), 1, row);
        dialog.initOwner(owner);
        dialog.setTitle("Properties of " + displayName);
        dialog.setHeaderText(displayName);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.setResizable(true);
        dialog.setOnHidden(e -> {
            cancelHashing();
            hasher.shutdownNow();
        });
    }

    private static TextField hashField(String id) {
        TextField f = new TextField();
        f.setId(id);
        f.setEditable(false);
        f.setPrefColumnCount(48);
        return f;
    }

    private void hashStream() {
        Span q = stream(container, path);
        if (q == null) {
            streamHash.setText("no QEVM stream");
            return;
        }
        Task<String> t = hashTask(q.offset(), q.length());
        t.setOnSucceeded(e -> streamHash.setText(t.getValue()));
        t.setOnFailed(e -> streamHash.setText("cannot read: " + IoReason.of(t.getException())));
        hasher.submit(t);
    }

    /** Starts (or restarts) the whole-file hash. */
    void hashFile() {
        long size;
        try {
            size = Files.size(path);
        } catch (IOException e) {
            status.setText("cannot read: " + IoReason.of(e));
            return;
        }
        Task<String> t = hashTask(0, size);
        running = t;
        fileHash.setText("");
        progress.progressProperty().bind(t.progressProperty());
        status.setText("hashing…");
        cancel.setDisable(false);
        compute.setDisable(true);
        t.setOnSucceeded(e -> finish(t.getValue(), "done"));
        t.setOnCancelled(e -> finish("", "cancelled"));
        t.setOnFailed(e -> finish("", "cannot read: " + IoReason.of(t.getException())));
        hasher.submit(t);
    }

    void cancelHashing() {
        if (running != null) {
            running.cancel(false);
        }
    }

    private void finish(String hash, String why) {
        running = null;
        progress.progressProperty().unbind();
        progress.setProgress(hash.isEmpty() ? 0 : 1);
        fileHash.setText(hash);
        status.setText(why);
        cancel.setDisable(true);
        compute.setDisable(false);
    }

    private Task<String> hashTask(long offset, long length) {
        return new Task<>() {
            @Override
            protected String call() {
                try (ByteSource src = ByteSource.open(path)) {
                    return Sha256.of(src, offset, length, (done, total) -> updateProgress(done, Math.max(1, total)),
                            this::isCancelled);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        };
    }
}
