package org.savevminspector.app.gui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.concurrent.Task;
import org.savevminspector.app.gui.model.Anomalies;
import org.savevminspector.app.gui.model.DiskOutline;
import org.savevminspector.app.gui.model.StructureTree;
import org.savevminspector.app.gui.session.Document;
import org.savevminspector.container.ContainerIndex;
import org.savevminspector.image.ImageInspection;
import org.savevminspector.image.ImageInspector;
import org.savevminspector.inspect.Inspection;
import org.savevminspector.io.ByteSource;
import org.savevminspector.io.Input;
import org.savevminspector.io.InputName;
import org.savevminspector.io.InputOpener;
import org.savevminspector.io.ParseOptions;
import org.savevminspector.io.vhd.VhdLayer;

/** Opens and inspects a file off the FX thread, with progress and cancellation. */
final class FileLoadTask extends Task<Document> {
    /** The name the window shows for the file (title bar, messages). */
    final String displayName;
    private final Path path;
    private final boolean synthetic;

    /** Offset of an embedded stream to open instead of the whole file, or -1. */
    private final long embeddedAt;

    FileLoadTask(Path path, String displayName, boolean synthetic) {
        this(path, displayName, synthetic, -1);
    }

    FileLoadTask(Path path, String displayName, boolean synthetic, long embeddedAt) {
        this.path = path;
        this.displayName = displayName;
        this.synthetic = synthetic;
        this.embeddedAt = embeddedAt;
    }

    @Override
    protected Document call() throws IOException {
        return inspect(path, displayName, synthetic, embeddedAt,
                new Progress(this::updateMessage, this::updateProgress, this::isCancelled));
    }

    /**
     * Where an inspection on the worker thread says what it does and how far it is, and hears that it should stop.
     *
     * @param message   what it is doing, in words
     * @param progress  how far it is (done, total)
     * @param cancelled polled while it reads and parses
     */
    record Progress(Consumer<String> message, ParseOptions.ProgressListener progress, BooleanSupplier cancelled) {
    }

    /**
     * Opens and inspects {@code path} on the calling (worker) thread: the document a view session shows, with a
     * byte source of its own for the hex pane; {@code null} when cancelled (nothing is left open).
     *
     * @param embeddedAt offset of an embedded stream to open instead of the whole file, or -1
     */
    static Document inspect(Path path, String displayName, boolean synthetic, long embeddedAt, Progress progress)
            throws IOException {
        long t0 = System.nanoTime();
        Inspection inspection;
        ContainerIndex container;
        // the input layer refuses a character device (/dev/zero) and reads a FIFO, pipe or procfs file once into a
        // private copy (removed at exit) that the panes below reopen by path like any file
        // a compressed file is decompressed into a private copy the same way (progress here, Cancel stops it), and a
        // VHD becomes a view of its virtual disk: the panes read the input's sources, not the stored bytes
        Input input = new InputOpener(InputOpener.Options.defaults().withMemoryLimit(0).withProgress((n, bytes) -> {
            if (progress.cancelled().getAsBoolean()) {
                throw new CancellationException();
            }
            progress.message().accept("Reading " + displayName + ": " + (bytes >> 20) + " MiB");
        })).open(InputName.of(path));
        Path file = input.file() != null ? input.file() : input.original();
        try (ByteSource parseSrc = input.open()) {
            progress.message().accept("Indexing and parsing " + displayName);
            // save images: the container walk reports progress over the whole file and can be cancelled
            ImageInspector images = ImageInspector.standard();
            ImageInspection image = images.inspect(parseSrc,
                    new ParseOptions((done, total) -> progress.progress().progress(done, Math.max(1, total)),
                            progress.cancelled()));
            if (embeddedAt >= 0) {
                image = images.inspectEmbedded(parseSrc, image.index(), embeddedAt);
            }
            inspection = image.inspection();
            container = image.index();
        }
        Perf.log("inspection of %s took %.1f ms", displayName, (System.nanoTime() - t0) / 1e6);
        ByteSource hexSource = input.open();
        // fields are decoded on demand from the bytes: from the source this document keeps open, not the parse's
        inspection = inspection.readingFrom(hexSource);
        // page runs list their batches when expanded, on the FX thread: from the hex pane's source, not the parse's
        VhdLayer vhd = input.layer(VhdLayer.class);
        StructureTree tree = new StructureTree(inspection, container, hexSource,
                vhd == null ? null : new DiskOutline(vhd));
        Anomalies anomalies = Anomalies.of(inspection);
        if (progress.cancelled().getAsBoolean()) {
            // nobody will take the document: its source would stay open
            hexSource.close();
            return null;
        }
        return new Document(file, displayName, synthetic, inspection, tree, anomalies, hexSource, container, input);
    }
}
