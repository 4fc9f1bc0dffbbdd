package org.savevminspector.app.gui;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javafx.concurrent.Task;
import javafx.stage.Stage;
import org.savevminspector.app.common.IoReason;
import org.savevminspector.app.gui.compare.CompareSession;
import org.savevminspector.app.gui.compare.DiffOutline;
import org.savevminspector.app.gui.session.Document;
import org.savevminspector.io.AtomicFileWriter;
import org.savevminspector.io.ByteSource;
import org.savevminspector.report.DiffJson;

/**
 * File → Export Comparison as JSON: what {@code diff --format json} prints (every pair unless "differences only"),
 * written on the compare window's worker thread, complete or absent; the banner says where it went or why not.
 */
final class CompareExport {
    private CompareExport() {
    }

    static void exportJson(Stage stage, FileDialogs dialogs, CompareSession compare, Banner banner,
                           CompareProgress progress) {
        DiffOutline o = compare.outline();
        Document a = compare.a().document();
        Document b = compare.b().document();
        if (o == null || a == null || b == null) {
            return;
        }
        String name = a.displayName().replaceFirst("\\.[^.]*$", "") + "-vs-" + b.displayName().replaceFirst("\\.[^.]*$", "")
                + ".json";
        Path out = dialogs.chooseSave(stage, "Export comparison as JSON", a.directory(), name, "json");
        if (out == null) {
            return;
        }
        boolean all = !compare.differencesOnlyProperty().get();
        Task<Void> t = new Task<>() {
            @Override
            protected Void call() throws IOException {
                try (ByteSource sa = a.open(); ByteSource sb = b.open()) {
                    // complete or absent, as every file the tool writes
                    AtomicFileWriter.standard().write(out, o2 -> {
                        Writer w = new OutputStreamWriter(o2, StandardCharsets.UTF_8);
                        DiffJson.write(o.result(), sa, sb, all, w);
                        w.flush();
                    });
                }
                return null;
            }
        };
        t.setOnSucceeded(e -> banner.show("Comparison written to " + out, "info"));
        t.setOnFailed(e -> banner.error("Cannot export the comparison to " + out + ": " + IoReason.of(t.getException())));
        progress.submit(t);
    }
}
