package org.savevminspector.app.gui;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.savevminspector.app.gui.model.RecentFiles;

/**
 * The JavaFX application. With a file path argument it opens that file; with two, the compare window on them; with
 * none, the bundled synthetic sample.
 * {@code -Dsavevm.inspector.perf=true} logs the time from JVM start to the first frame showing the parsed file;
 * {@code -Dsavevm.inspector.exitAfterShow=true} then exits (for start-up measurements and smoke tests);
 * {@code -Dsavevm.inspector.perf.scroll=true} first scrolls the tree to its end ({@link ScrollTrace}).
 */
public final class InspectorApp extends Application {

    /** Starts the GUI; {@code args} may hold one file path, or two to compare. Returns when the window closes. */
    public static void launchApp(String[] args) {
        Perf.mark("launchApp");
        EngineWarmUp.start(args.length == 0);
        Application.launch(InspectorApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        // null when started by a test or an embedding host rather than Application.launch
        show(stage, getParameters() == null ? List.of() : getParameters().getRaw());
    }

    /** The window for the command line's arguments: two files, the compare window; else the viewer. */
    void show(Stage stage, List<String> args) {
        if (args.size() == 2) {
            CompareWindow.open(stage, CompareSide.of(Path.of(args.get(0))),
                    CompareSide.of(Path.of(args.get(1))), FileDialogs.platform());
            return;
        }
        Perf.mark("toolkit up, start()");
        MainWindow w = new MainWindow(stage, FileDialogs.platform(), RecentFiles.standard());
        AppIcon.apply(stage);
        boolean perf = Boolean.getBoolean("savevm.inspector.perf");
        boolean exit = Boolean.getBoolean("savevm.inspector.exitAfterShow");
        if (perf || exit) {
            w.setAfterShow(() -> w.onNextFrame(() -> {
                Perf.mark("first frame showing the parsed file");
                Perf.log("FX thread CPU time until then: %d ms",
                        ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1_000_000);
                Runnable done = exit ? Platform::exit : () -> { };
                if (perf && Boolean.getBoolean("savevm.inspector.perf.scroll")) {
                    ScrollTrace.run(w, done);
                } else {
                    done.run();
                }
            }));
        }
        // the inspection runs on the worker thread while the FX thread lays out and shows the window
        if (args.isEmpty()) {
            w.openSample();
        } else {
            w.open(Path.of(args.get(0)));
        }
        stage.show();
        Perf.mark("stage shown");
    }
}
