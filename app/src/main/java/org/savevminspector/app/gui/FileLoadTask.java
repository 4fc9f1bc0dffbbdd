package org.savevminspector.app.gui;

import java.io.IOException;
import java.nio.file.Path;
import javafx.concurrent.Task;
import org.savevminspector.app.gui.model.Anomalies;
import org.savevminspector.app.gui.model.StructureTree;
import org.savevminspector.inspect.Inspection;
import org.savevminspector.inspect.Inspector;
import org.savevminspector.io.ByteSource;
import org.savevminspector.stream.ParseOptions;

/** Opens and inspects a file off the FX thread, with progress and cancellation. */
final class FileLoadTask extends Task<Document> {
    /** The name the window shows for the file (title bar, messages). */
    final String displayName;
    private final Path path;
    private final boolean synthetic;

    FileLoadTask(Path path, String displayName, boolean synthetic) {
        this.path = path;
        this.displayName = displayName;
        this.synthetic = synthetic;
    }

    @Override
    protected Document call() throws IOException {
        long t0 = System.nanoTime();
        Inspection inspection;
        try (ByteSource parseSrc = ByteSource.open(path)) {
            updateMessage("Parsing " + displayName);
            inspection = Inspector.standard().inspect(parseSrc,
                    new ParseOptions((done, total) -> updateProgress(done, Math.max(1, total)), this::isCancelled));
        }
        Perf.log("inspection of %s took %.1f ms", displayName, (System.nanoTime() - t0) / 1e6);
        StructureTree tree = new StructureTree(inspection);
        Anomalies anomalies = Anomalies.of(inspection);
        ByteSource hexSource = ByteSource.open(path);
        if (isCancelled()) {
            // nobody will take the document: its source would stay open
            hexSource.close();
            return null;
        }
        return new Document(path, displayName, synthetic, inspection, tree, anomalies, hexSource);
    }
}
