package org.savevminspector.app.gui;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
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
import org.savevminspector.app.common.IoReason;
import org.savevminspector.app.gui.session.Document;
import org.savevminspector.container.ContainerIndex;
import org.savevminspector.io.ByteSource;
import org.savevminspector.io.Input;
import org.savevminspector.io.InputLayer;
import org.savevminspector.io.compress.CompressionLayer;
import org.savevminspector.io.vhd.VhdLayer;
import org.savevminspector.model.Span;
import org.savevminspector.report.Sha256;

/**
 * File → Properties: what the open file is (the file as the user named it, its size and modification time, what
 * it was read out of — a compression, a VHD — the container, where the QEVM stream lies) and two SHA-256 hashes
 * computed in the background: the stream's (what the reports carry) at once, and the stored file's with progress
 * and Cancel — a multi-GiB save image takes a minute, so it is never part of opening a file. Closing the dialog
 * cancels the hashing. Each hash reads from a read-only source of its own.
 */
final class FilePropertiesDialog {

    /** A line of the dialog: a label and its value. */
    record Fact(String label, String value) {
    }

    private final Document document;
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

    private FilePropertiesDialog(Document document) {
        this.document = document;
    }

    /** Shows the properties of {@code document} (nothing when there is none) and starts hashing. */
    static FilePropertiesDialog show(Window owner, Document document) {
        if (document == null) {
            return null;
        }
        FilePropertiesDialog d = new FilePropertiesDialog(document);
        d.build(owner);
        d.dialog.show();
        d.hashStream();
        d.hashFile();
        return d;
    }

    /** The facts known without reading the file's contents (the file system's size and time, the index). */
    static List<Fact> facts(Document document) {
        Input in = document.asInput();
        List<Fact> out = new ArrayList<>();
        Path named = in.original();
        out.add(new Fact("File", named != null ? named.toAbsolutePath().toString() : in.name().shown()));
        out.add(new Fact("Size", size(in.storedSize())));
        Instant modified = in.modified();
        if (modified != null) {
            out.add(new Fact("Modified", modified.truncatedTo(ChronoUnit.SECONDS).toString()));
        }
        for (InputLayer l : in.layers()) {
            out.add(new Fact("Read out of", layer(l)));
        }
        ContainerIndex container = document.container();
        out.add(new Fact("Container", container == null ? "bare QEVM stream" : container.kind() == null
                ? "no known container" : container.kind().json() + " (" + container.kind().description() + ")"));
        Span q = stream(document);
        out.add(new Fact("QEVM stream", q == null ? "none" : String.format(Locale.ROOT, "offset %,d, %,d bytes%s",
                q.offset(), q.length(), in.layers().isEmpty() ? "" : " in the " + decoded(in))));
        return out;
    }

    /** {@code gzip, 2,110 bytes decompressed to 7,520}; {@code VHD dynamic, virtual disk of 8,388,608 bytes}. */
    private static String layer(InputLayer l) {
        if (l instanceof CompressionLayer c) {
            return String.format(Locale.ROOT, "%s, %,d bytes decompressed to %,d", c.kind(), c.storedSize(),
                    c.size());
        }
        if (l instanceof VhdLayer v) {
            return "VHD " + v.disk().type().json() + ", virtual disk of " + size(v.disk().virtualSize());
        }
        return l.kind();
    }

    private static String decoded(Input in) {
        return in.layers().get(in.layers().size() - 1) instanceof VhdLayer ? "virtual disk" : "decompressed data";
    }

    /** {@code 7,520 bytes (7.3 KiB)}; below a KiB the bytes alone. */
    private static String size(long bytes) {
        return String.format(Locale.ROOT, "%,d bytes%s", bytes, bytes < 1024 ? "" : " (" + human(bytes) + ")");
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

    /** The stream the reports judge: the index's, or the whole of a bare stream opened without one. */
    private static Span stream(Document document) {
        return document.container() != null ? document.container().qevm() : new Span(0, document.size());
    }

    private void build(Window owner) {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(6);
        int row = 0;
        for (Fact f : facts(document)) {
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
        dialog.setTitle("Properties of " + document.displayName());
        dialog.setHeaderText(document.displayName());
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

    /** The stream's hash, from the bytes the document shows (decompressed, or the virtual disk). */
    private void hashStream() {
        Span q = stream(document);
        if (q == null) {
            streamHash.setText("no QEVM stream");
            return;
        }
        Task<String> t = hashTask(document::open, q.offset(), q.length());
        t.setOnSucceeded(e -> streamHash.setText(t.getValue()));
        t.setOnFailed(e -> streamHash.setText("cannot read: " + IoReason.of(t.getException())));
        hasher.submit(t);
    }

    /** Starts (or restarts) the hash of the file as stored. */
    void hashFile() {
        Task<String> t = hashTask(() -> document.asInput().openStored(), 0, -1);
        running = t;
        fileHash.setText("");
        progress.progressProperty().bind(t.progressProperty());
        status.setText("hashing…");
        cancel.setDisable(false);
        compute.setDisable(true);
        t.setOnSucceeded(e -> {
            if (t.getValue() == null) {
                // a compressed pipe: only its decompressed copy was kept, and that is not the file
                finish("", "not available: the file arrived through a pipe and only its decoded bytes were kept");
                compute.setDisable(true);
            } else {
                finish(t.getValue(), "done");
            }
        });
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

    /**
     * SHA-256 of {@code length} bytes at {@code offset} of the source {@code open} gives (all of it for a negative
     * length), with progress and Cancel; {@code null} when {@code open} gives none.
     */
    private static Task<String> hashTask(Callable<ByteSource> open, long offset, long length) {
        return new Task<>() {
            @Override
            protected String call() throws Exception {
                try (ByteSource src = open.call()) {
                    if (src == null) {
                        return null;
                    }
                    return Sha256.of(src, offset, length < 0 ? src.size() : length,
                            (done, total) -> updateProgress(done, Math.max(1, total)), this::isCancelled);
                }
            }
        };
    }
}
