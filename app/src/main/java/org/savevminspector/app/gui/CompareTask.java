package org.savevminspector.app.gui;

import java.io.IOException;
import java.util.function.BooleanSupplier;
import javafx.concurrent.Task;
import org.savevminspector.app.gui.compare.Comparison;
import org.savevminspector.app.gui.session.Document;
import org.savevminspector.diff.DiffInput;
import org.savevminspector.diff.DiffResult;
import org.savevminspector.diff.IgnoreRules;
import org.savevminspector.diff.StructuralDiff;
import org.savevminspector.io.ByteSource;
import org.savevminspector.loader.LoaderProfile;

/**
 * Opens and inspects two files and compares them, on the worker thread, with progress over both and Cancel: the
 * comparison a compare window shows. {@link #compare} is the comparison alone, for running it again with other
 * ignore rules on the files already open.
 */
final class CompareTask extends Task<Comparison> {
    private final CompareSide a;
    private final CompareSide b;
    private final IgnoreRules rules;
    private final LoaderProfile loader;

    /** {@code loader}: the qemu-dm both files are simulated with. */
    CompareTask(CompareSide a, CompareSide b, IgnoreRules rules, LoaderProfile loader) {
        this.a = a;
        this.b = b;
        this.rules = rules;
        this.loader = loader;
    }

    @Override
    protected Comparison call() throws IOException {
        Document da = null;
        Document db = null;
        try {
            da = load(a, 0);
            db = da == null ? null : load(b, 0.45);
            if (db == null) {
                closeAll(da, db);
                return null;
            }
            updateMessage("Comparing " + a.displayName() + " with " + b.displayName());
            updateProgress(0.9, 1);
            Comparison c = new Comparison(da, db, compare(da, db, rules, this::isCancelled));
            if (isCancelled()) {
                closeAll(da, db);
                return null;
            }
            updateProgress(1, 1);
            return c;
        } catch (IOException | RuntimeException e) {
            closeAll(da, db); // nobody will show them: their hex panes' sources would stay open
            throw e;
        }
    }

    /**
     * Inspects one side, its progress shown as 45% of the whole from {@code base}, simulated with the window's
     * loader (here, before any view reads the document's source).
     */
    private Document load(CompareSide side, double base) throws IOException {
        Document d = inspect(side, base);
        boolean other = d != null && d.inspection().loader() != null
                && !loader.name().equals(d.inspection().loader().profile());
        return other ? d.withLoader(loader) : d;
    }

    private Document inspect(CompareSide side, double base) throws IOException {
        return FileLoadTask.inspect(side.path(), side.displayName(), side.synthetic(), -1, new FileLoadTask.Progress(
                this::updateMessage, (done, total) -> updateProgress(base + 0.45 * done / total, 1), this::isCancelled));
    }

    private static void closeAll(Document... docs) {
        for (Document d : docs) {
            if (d != null) {
                d.close();
            }
        }
    }

    /**
     * Compares two open documents with byte sources of the calling thread's own (the hex panes' belong to the FX
     * thread) over the bytes their offsets address (decompressed, a VHD's virtual disk); {@code cancelled} is
     * polled between sections.
     */
    static DiffResult compare(Document a, Document b, IgnoreRules rules, BooleanSupplier cancelled) throws IOException {
        try (ByteSource sa = a.open(); ByteSource sb = b.open()) {
            return new StructuralDiff(rules).compare(input(a, sa), input(b, sb), cancelled);
        }
    }

    /**
     * The side as the comparison names it: the file the user named, or the sample's name (its copy is a temporary
     * file).
     */
    private static DiffInput input(Document d, ByteSource source) {
        String name = d.synthetic() ? d.displayName() : (d.original() != null ? d.original() : d.path()).toString();
        return new DiffInput(name, source, d.inspection(), d.container());
    }
}
