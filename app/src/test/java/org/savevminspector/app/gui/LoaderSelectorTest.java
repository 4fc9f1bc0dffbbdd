package org.savevminspector.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.savevminspector.app.gui.model.HighlightKind;
import org.savevminspector.app.gui.model.RecentFiles;
import org.savevminspector.fixtures.Fixtures;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Choosing another loader profile re-simulates the open file: loader pane, diagnostics and hex overlay follow. */
@ExtendWith(ApplicationExtension.class)
class LoaderSelectorTest {
    static {
        GuiTestSupport.init();
    }

    @TempDir
    static Path tmp;

    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = new MainWindow(stage, new TestDialogs(), new RecentFiles(tmp.resolve("recent-" + System.nanoTime())));
        stage.show();
    }

    @Test
    void switchingToXenServer62ShowsTheUnrestoredAcpiFunction(FxRobot robot) throws Exception {
        Path f = Files.write(tmp.resolve("xs62.qevm"), Fixtures.xenServer62().bytes());
        robot.interact(() -> window.open(f));
        GuiTestSupport.waitLoaded(window);
        robot.clickOn(window.hex);
        robot.press(KeyCode.CONTROL).type(KeyCode.L).release(KeyCode.CONTROL); // the loader tab
        assertEquals("upstream", window.loaderPane.selector.getValue());
        robot.interact(() -> window.loaderPane.selector.getSelectionModel().select("xenserver-6.0-6.2"));
        assertEquals("xenserver-6.0-6.2", window.document().inspection().loader().profile());
        String summary = robot.lookup("#loaderSummary").queryLabeled().getText();
        assertTrue(summary.startsWith("XenServer 6.0–6.2 qemu-dm: "), summary);
        String consequences = robot.lookup("#loaderConsequences").queryLabeled().getText();
        assertTrue(consequences.contains("Not restored: #23 piix4acpi"), consequences);
        assertTrue(window.hex.highlights().anomalies().highlights().all().stream()
                .anyMatch(h -> h.kind() == HighlightKind.LOADER_DIFF && h.start() == 7226));
        // the choice stays for the next file
        Path other = Files.write(tmp.resolve("xs62-again.qevm"), Fixtures.xenServer62().bytes());
        robot.interact(() -> window.open(other));
        GuiTestSupport.waitLoaded(window);
        GuiTestSupport.waitUntil(() -> "xenserver-6.0-6.2".equals(window.document().inspection().loader().profile()));
        assertEquals("xenserver-6.0-6.2", window.loaderPane.selector.getValue());
        robot.interact(() -> window.loaderPane.selector.getSelectionModel().select("upstream"));
        assertTrue(robot.lookup("#loaderSummary").queryLabeled().getText().startsWith("Upstream qemu-dm: failed"),
                robot.lookup("#loaderSummary").queryLabeled().getText());
    }
}
