package org.savevminspector.app.gui;

import java.io.File;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import javafx.concurrent.Task;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.input.TransferMode;
import javafx.stage.Stage;
import org.savevminspector.app.common.AppVersion;
import org.savevminspector.app.common.IoReason;
import org.savevminspector.app.gui.model.RecentFiles;
import org.savevminspector.app.gui.model.RepairScope;
import org.savevminspector.app.gui.session.Document;
import org.savevminspector.app.gui.session.ProblemSteps;
import org.savevminspector.app.gui.session.ViewSession;
import org.savevminspector.inspect.Inspector;
import org.savevminspector.io.AtomicFileWriter;
import org.savevminspector.io.ByteSource;
import org.savevminspector.repair.RepairOptions;
import org.savevminspector.repair.RepairStrategy;
import org.savevminspector.repair.Repairer;
import org.savevminspector.report.FileInfo;
import org.savevminspector.report.JsonReport;

/**
 * What the File menu does with a session's document: open a file (chooser, recent list, drag and drop, the
 * bundled sample, a stream embedded at an offset) with progress and Cancel, close it, export the CLI's JSON report
 * and a repaired copy. Inspecting, planning and writing run on the worker thread, each with a byte source of its
 * own; the FX thread only shows the result.
 */
final class DocumentActions {
    private final Stage owner;
    private final FileDialogs dialogs;
    private final RecentFiles recent;
    private final ExecutorService worker;
    private final ViewSession session;
    private final ProblemSteps problems;
    private final Banner banner;
    private final StatusLine status;
    private final Runnable beforeLoad;
    private final CompareOpener compares;
    private Task<Document> loading;
    private Runnable afterShow = () -> { };

    /** {@code beforeLoad}: stops what would keep the worker from the new file (a search). */
    DocumentActions(Stage owner, FileDialogs dialogs, RecentFiles recent, ExecutorService worker, SessionActions actions,
                    Banner banner, StatusLine status, Runnable beforeLoad) {
        this.owner = owner;
        this.dialogs = dialogs;
        this.recent = recent;
        this.worker = worker;
        this.session = actions.session();
        this.problems = actions.problems();
        this.banner = banner;
        this.status = status;
        this.beforeLoad = beforeLoad;
        this.compares = new CompareOpener(owner, dialogs, banner, session);
    }

    // ------------------------------------------------------------------ opening

    /** Starts opening {@code path}; false (with a notification) when it cannot be read at all. */
    boolean open(Path path) {
        String why = IoReason.unreadable(path);
        if (why != null) {
            banner.error("Cannot open " + path + ": " + why + ".");
            return false;
        }
        load(new FileLoadTask(path, path.getFileName().toString(), false));
        return true;
    }

    void openWithChooser() {
        Document d = session.document();
        Path p = dialogs.chooseOpen(owner, d == null ? null : d.directory());
        if (p != null) {
            open(p);
        }
    }

    /** Opens the bundled synthetic sample (a banner says it is synthetic). */
    void openSample() {
        if (!BundledSample.bundled()) {
            banner.error("The bundled sample is missing from this build (" + BundledSample.RESOURCE + ").");
            return;
        }
        try {
            Path copy = BundledSample.copy();
            load(new FileLoadTask(copy, copy.getFileName().toString(), true));
        } catch (IOException e) {
            banner.error("Cannot unpack the bundled sample: " + IoReason.of(e));
        }
    }

    /** Reopens the open file at the stream embedded at {@code at} (found by the container scan). */
    void openEmbedded(long at) {
        Document d = session.document();
        if (d != null) {
            load(new FileLoadTask(d.path(), d.displayName() + " @" + at, d.synthetic(), at));
        }
    }

    void close() {
        show(null);
    }

    /** Opens the one dropped file; says clearly why not for a directory, an unreadable file or several files. */
    boolean handleDrop(List<File> files) {
        return handleDrop(files, false);
    }

    /**
     * Opens the one dropped file, or compares it with the open file ({@code compareWithOpen}: it was dropped with
     * Ctrl+Shift held, a link drop), or compares two files dropped together; says clearly why not for a directory,
     * an unreadable file or more files.
     */
    boolean handleDrop(List<File> files, boolean compareWithOpen) {
        if (files.size() == 2) {
            return compares.compare(CompareSide.of(files.get(0).toPath()),
                    CompareSide.of(files.get(1).toPath()));
        }
        if (files.size() != 1) {
            banner.error("Drop one file to open it, or two to compare them (" + files.size() + " were dropped).");
            return false;
        }
        Path p = files.get(0).toPath();
        return compareWithOpen && session.document() != null ? compares.withOpen(p) : open(p);
    }

    /**
     * Files dropped anywhere on {@code scene} open (two, or one with Ctrl+Shift held, are compared); {@code root}
     * shows that it takes them while they hover. A move is never accepted: the source would delete the file.
     */
    void acceptDrops(Scene scene, Node root) {
        scene.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY, TransferMode.LINK);
            }
            e.consume();
        });
        scene.setOnDragEntered(e -> {
            if (e.getDragboard().hasFiles()) {
                root.getStyleClass().add("drop-target");
            }
        });
        scene.setOnDragExited(e -> root.getStyleClass().remove("drop-target"));
        scene.setOnDragDropped(e -> {
            root.getStyleClass().remove("drop-target");
            e.setDropCompleted(e.getDragboard().hasFiles()
                    && handleDrop(e.getDragboard().getFiles(), e.getTransferMode() == TransferMode.LINK));
            e.consume();
        });
    }

    /** File → Compare With… (Ctrl+Shift+D). */
    void compareWith() {
        compares.withChosen();
    }

    /** Fills File → Open Recent (10, missing ones pruned): read when the menu opens, not at start-up. */
    void fillRecent(Menu menu) {
        List<Path> files = recent.list();
        menu.getItems().clear();
        for (int i = 0; i < files.size(); i++) {
            Path p = files.get(i);
            MenuItem m = new MenuItem((i + 1) % 10 + "  " + p);
            m.setMnemonicParsing(false);
            m.setOnAction(e -> open(p));
            menu.getItems().add(m);
        }
        menu.setDisable(files.isEmpty());
    }

    private void load(FileLoadTask task) {
        cancelLoading();
        beforeLoad.run();
        loading = task;
        status.showLoading(task);
        task.setOnSucceeded(e -> {
            Perf.mark("file inspected");
            finishLoading();
            show(task.getValue());
        });
        task.setOnFailed(e -> {
            finishLoading();
            banner.error("Cannot open " + task.displayName + ": " + IoReason.of(task.getException()));
        });
        task.setOnCancelled(e -> finishLoading());
        worker.submit(task);
    }

    private void finishLoading() {
        status.loadingDone();
        loading = null;
    }

    void cancelLoading() {
        if (loading != null) {
            loading.cancel();
        }
    }

    /** Whether a file is being opened (tests wait on it). */
    boolean isLoading() {
        return loading != null;
    }

    /** Runs {@code r} after each document is shown (the start-up log's first frame). */
    void setAfterShow(Runnable r) {
        this.afterShow = r;
    }

    private void show(Document d) {
        session.open(d);
        if (d == null) {
            banner.hide();
            return;
        }
        if (d.synthetic()) {
            banner.show(BundledSample.BANNER, "info");
        } else {
            banner.hide();
            // the list is a file written through a temporary copy and fsync: not on the FX thread
            worker.submit(() -> recent.add(d.original() != null ? d.original() : d.path()));
        }
        // the anomaly is what one opens such a file for: select it, with its bytes and its explanation
        problems.showFirst();
        afterShow.run();
    }

    // ------------------------------------------------------------------ export

    /** File → Export repaired file: the repair dialog, or one sentence when there is nothing to repair. */
    void exportRepaired() {
        Document doc = session.document();
        if (doc == null) {
            banner.error("Open a file first: there is nothing to repair.");
            return;
        }
        if (doc.container() != null && doc.container().isContainer()) {
            // a save image: the dialog plans on the whole image (ImageRepairs)
            new RepairDialog(owner, doc, dialogs, this::open, written -> compares.withOriginal(doc, written), worker)
                    .show();
            return;
        }
        String notStream = RepairScope.notAStream(doc.inspection(), doc.displayName());
        if (notStream != null) {
            banner.show(notStream, "info");
            return;
        }
        // every strategy is planned (re-inspecting the result) before saying there is nothing to do: off the FX thread
        Task<Boolean> anyEdit = new Task<>() {
            @Override
            protected Boolean call() throws IOException {
                try (ByteSource src = doc.open()) {
                    Repairer repairer = new Repairer(Inspector.standard());
                    for (RepairStrategy s : RepairStrategy.values()) {
                        if (repairer.plan(src, doc.inspection(), new RepairOptions(s, true)).hasEdits()) {
                            return true;
                        }
                    }
                }
                return false;
            }
        };
        anyEdit.setOnSucceeded(e -> {
            if (session.document() != doc) {
                return;
            }
            if (anyEdit.getValue()) {
                new RepairDialog(owner, doc, dialogs, this::open, written -> compares.withOriginal(doc, written), worker)
                        .show();
            } else {
                banner.show(RepairScope.nothingSentence(doc.inspection(), doc.displayName()), "info");
            }
        });
        anyEdit.setOnFailed(e -> banner.error("Cannot plan a repair of " + doc.displayName() + ": "
                + IoReason.of(anyEdit.getException())));
        worker.submit(anyEdit);
    }

    /** Writes the same JSON as {@code inspect --format json} for the open file. */
    void exportJson() {
        Document doc = session.document();
        if (doc == null) {
            return;
        }
        String base = doc.displayName().replaceFirst("\\.[^.]*$", "");
        Path out = dialogs.chooseSave(owner, "Export report as JSON", doc.directory(), base + ".json", "json");
        if (out != null) {
            writeJson(doc, out);
        }
    }

    /**
     * Writes the report on the worker thread, reading raw bytes from a source of its own: the hex pane's may only
     * be used on the FX thread. Like the CLI's, it carries the QEVM stream's hash, not a save image's (File →
     * Properties hashes the whole file).
     */
    private void writeJson(Document d, Path out) {
        Task<Void> t = new Task<>() {
            @Override
            protected Void call() throws IOException {
                // the bytes the report's offsets address: decompressed, or the virtual disk of a VHD
                try (ByteSource src = d.open()) {
                    FileInfo info = FileInfo.describe(d.asInput(), src, d.container(), false, null);
                    // complete or absent: a full disk must not leave half a report that looks like a whole one
                    AtomicFileWriter.standard().write(out, o -> {
                        Writer w = new OutputStreamWriter(o, StandardCharsets.UTF_8);
                        new JsonReport(AppVersion.toolInfo()).write(d.inspection(), info, src, w, d.container(),
                                d.asInput().layers());
                        w.flush();
                    });
                }
                return null;
            }
        };
        t.setOnSucceeded(e -> banner.show("Report written to " + out, "info"));
        t.setOnFailed(e -> banner.error("Cannot export the report to " + out + ": " + IoReason.of(t.getException())));
        worker.submit(t);
    }

    /** When the window closes: stop opening, stop the worker, close the open file. */
    void dispose() {
        cancelLoading();
        worker.shutdownNow();
        session.dispose();
    }
}
