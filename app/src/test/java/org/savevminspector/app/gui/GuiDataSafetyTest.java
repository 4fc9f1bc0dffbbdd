package org.savevminspector.app.gui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.savevminspector.app.FileSnapshot;
import org.savevminspector.fixtures.Fixtures;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * The viewer's data-safety guarantees, driving the real window headless: opening a file, browsing it,
 * exporting the JSON report and a repaired copy, and opening another file leave the input exactly as it was
 * (bytes, mtime, mode) with nothing added next to it; exported files get the umask's mode (not 0600), and a
 * repaired copy saved over an existing file keeps that file's mode.
 */
@GuiTest
class GuiDataSafetyTest {

    @TempDir
    static Path tmp;

    private GuiHarness window;

    @Start
    void start(Stage stage) {
        window = GuiHarness.show(stage, tmp);
    }

    private static String umaskMode() throws Exception {
        Path probe = Files.createFile(tmp.resolve("umask-probe-" + System.nanoTime()));
        String m = PosixFilePermissions.toString(Files.getPosixFilePermissions(probe));
        Files.delete(probe);
        return m;
    }

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    private void saveRepaired(FxRobot robot, Path out) {
        window.dialogs.saveAnswer = out;
        robot.interact(window::exportRepaired);
        GuiHarness.waitUntil(() -> !robot.lookup("#repairSave").queryButton().isDisabled());
        robot.clickOn("#repairSave");
        GuiHarness.waitUntil(() -> robot.lookup("#repairOpen").queryButton().isVisible());
        robot.interact(() -> robot.lookup("#repairOpen").queryButton().getScene().getWindow().hide());
    }

    @Test
    void openingBrowsingAndExportingLeaveTheInputAsItWas(FxRobot robot) throws Exception {
        Path inDir = tmp.resolve("input-" + System.nanoTime());
        FileSnapshot in = FileSnapshot.prepare(inDir.resolve("guest.qevm"), Fixtures.sample());
        Path outDir = Files.createDirectories(tmp.resolve("exports-" + System.nanoTime()));

        robot.interact(() -> window.open(in.path()));
        window.waitLoaded();
        robot.interact(() -> window.goTo(in.bytes().length - 1));

        Path json = outDir.resolve("report.json");
        window.dialogs.saveAnswer = json;
        robot.interact(window::exportJson);
        GuiHarness.waitUntil(() -> window.banner.text().contains("Report written"));
        assertTrue(Files.readString(json).contains("\"VERSION_LABEL_MISMATCH\""));
        assertEquals(umaskMode(), mode(json), "the JSON export gets the umask's mode");

        Path repaired = outDir.resolve("repaired.qevm");
        saveRepaired(robot, repaired);
        assertArrayEquals(java.util.Arrays.copyOf(Fixtures.piix4acpiRelabelled(), Fixtures.sample().length),
                Files.readAllBytes(repaired));
        assertEquals(umaskMode(), mode(repaired), "a repaired file gets the umask's mode, not 0600");

        robot.interact(window::openSample);
        window.waitLoaded();

        assertNull(in.changes());
        try (Stream<Path> s = Files.list(inDir)) {
            assertEquals(List.of(in.path()), s.toList(), "nothing written next to the input");
        }
        try (Stream<Path> s = Files.list(outDir)) {
            assertEquals(List.of(repaired, json), s.sorted().toList(), "no temporary files left");
        }
    }

    @Test
    void aRepairedCopySavedOverAnExistingFileKeepsItsMode(FxRobot robot) throws Exception {
        Path in = Files.write(tmp.resolve("in-" + System.nanoTime() + ".qevm"), Fixtures.sample());
        Path existing = Files.write(tmp.resolve("chosen-" + System.nanoTime() + ".qevm"), new byte[] {1, 2});
        Files.setPosixFilePermissions(existing, PosixFilePermissions.fromString("rw-r-----"));
        robot.interact(() -> window.open(in));
        window.waitLoaded();
        saveRepaired(robot, existing);
        assertEquals(Fixtures.sample().length, Files.size(existing));
        assertEquals("rw-r-----", mode(existing));
    }
}
