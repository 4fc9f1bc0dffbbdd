package org.savevminspector.app.gui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.savevminspector.app.gui.model.StructureTree;
import org.savevminspector.app.gui.session.ViewSession;
import org.savevminspector.inspect.Inspection;
import org.savevminspector.inspect.Inspector;
import org.savevminspector.io.ByteSource;

/**
 * Measurement, not a test: time to populate the section tree for a file (model + tree items + one CSS/layout
 * pass of the TreeTableView), cold (first time) and warm (median of 50).
 * {@code java -cp <test classpath> org.savevminspector.app.gui.TreePopulationPerf FILE}.
 */
public final class TreePopulationPerf {
    private TreePopulationPerf() {
    }

    public static void main(String[] args) throws Exception {
        byte[] bytes = Files.readAllBytes(Path.of(args[0]));
        Inspection in = Inspector.standard().inspect(ByteSource.of(bytes));
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            StructureTreeView view = new StructureTreeView(new ViewSession());
            Stage stage = new Stage();
            Scene scene = new Scene(view, 560, 700);
            Themes.apply(scene, false);
            stage.setScene(scene);
            stage.show();
            long[] t = new long[51];
            for (int i = 0; i < t.length; i++) {
                long t0 = System.nanoTime();
                view.setStructure(new StructureTree(in));
                view.applyCss();
                view.layout();
                t[i] = System.nanoTime() - t0;
            }
            long cold = t[0];
            long[] warm = Arrays.copyOfRange(t, 1, t.length);
            Arrays.sort(warm);
            System.out.printf(Locale.ROOT, "%s: %d sections; tree population (model + items + CSS/layout): cold %.2f ms, "
                    + "warm median %.2f ms, max %.2f ms%n", args[0], in.sections().size(), cold / 1e6,
                    warm[warm.length / 2] / 1e6, warm[warm.length - 1] / 1e6);
            stage.close();
            done.countDown();
        });
        done.await();
        Platform.exit();
    }
}
