package org.savevminspector.app.gui;

import java.io.IOException;
import java.nio.file.Path;
import javafx.concurrent.Task;
import org.savevminspector.app.gui.model.Anomalies;
import org.savevminspector.app.gui.model.StructureTree;
import org.savevminspector.container.ContainerIndex;
import org.savevminspector.container.ImageInspection;
import org.savevminspector.container.ImageInspector;
import org.savevminspector.inspect.Inspection;
import org.savevminspector.io.ByteSource;
import org.savevminspector.io.MappedByteSource;
import org.savevminspector.stream.ParseOptions;

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
        long t0 = System.nanoTime();
        Inspection inspection;
        ContainerIndex container;
        try (ByteSource parseSrc = MappedByteSource.open(path)) {
            updateMessage("Indexing and parsing " + displayName);
            // save images: the container walk reports progress over the whole file and can be cancelled
            ImageInspector images = ImageInspector.standard();
            ImageInspection image = images.inspect(parseSrc,
                    new ParseOptions((done, total) -> updateProgress(done, Math.max(1, total)), this::isCancelled));
            if (embeddedAt >= 0) {
                image = images.inspectEmbedded(parseSrc, image.index(), embeddedAt);
            }
            inspection = image.inspection();
            container = image.index();
        }
        Perf.log("inspection of %s took %.1f ms", displayName, (System.nanoTime() - t0) / 1e6);
        ByteSource hexSource = ByteSource.open(path);
        // fields are decoded on demand from the bytes: from the source this document keeps open, not the parse's
        inspection = inspection.readingFrom(hexSource);
        // page runs list their batches when expanded, on the FX thread: from the hex pane's source, not the parse's
        StructureTree tree = new StructureTree(inspection, container, hexSource);
        Anomalies anomalies = Anomalies.of(inspection);
        if (isCancelled()) {
            // nobody will take the document: its source would stay open
            hexSource.close();
            return null;
        }
        return new Document(path, displayName, synthetic, inspection, tree, anomalies, hexSource, container);
    }
}
