package org.savevminspector.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.geometry.Bounds;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.savevminspector.fixtures.Fixtures;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Writes PNGs of the compare window at 1366×768 — the bundled sample against its upgrade, as it opens on the first
 * difference — in the light and dark themes to {@code app/target/screenshots/} (copied by hand to
 * {@code docs/screenshots/}), and checks the pixels: a's trailing bytes, which b lacks, in the differing-bytes
 * colour of each theme.
 */
@GuiTest
class CompareScreenshotTest {
    /** The {@code -hl-differs} colours of theme-light.css and theme-dark.css. */
    private static final Color LIGHT_DIFFERS = Color.web("#a6e3ee");
    private static final Color DARK_DIFFERS = Color.web("#1d5866");

    @TempDir
    static Path tmp;

    private CompareWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void lightAndDarkScreenshotsOfTheSampleAgainstItsUpgrade(FxRobot robot) throws Exception {
        Path a = Files.write(tmp.resolve("xenserver-6.2-piix4acpi-sample.qevm"), Fixtures.sample());
        Path b = Files.write(tmp.resolve("sample-upgraded.qevm"), Fixtures.piix4acpiUpgraded());
        robot.interact(() -> window = CompareWindow.open(stage, CompareSide.of(a), CompareSide.of(b),
                new TestDialogs()));
        GuiHarness.waitUntil(() -> !window.isRunning() && window.session().outline() != null);
        robot.interact(() -> {
            stage.setWidth(1366);
            stage.setHeight(768);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1366, stage.getScene().getWidth(), 1);
        assertEquals(768, stage.getScene().getHeight(), 1);
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        check(robot, dir.resolve("compare-window-light.png"), LIGHT_DIFFERS);
        robot.interact(() -> window.menus().toggleTheme());
        WaitForAsyncUtils.waitForFxEvents();
        check(robot, dir.resolve("compare-window-dark.png"), DARK_DIFFERS);
        robot.interact(() -> window.menus().toggleTheme());
    }

    /** Writes the window to {@code png}; a's trailing byte 7516 (not selected) is in the differing colour. */
    private void check(FxRobot robot, Path png, Color differs) throws Exception {
        WritableImage[] shot = new WritableImage[1];
        Bounds[] cell = new Bounds[1];
        robot.interact(() -> {
            window.paneA.hex().reveal(7516);
            window.paneA.hex().layout();
            shot[0] = stage.getScene().getRoot().snapshot(null, null);
            cell[0] = window.paneA.hex().localToScene(window.paneA.hex().hexCellBounds(7516));
        });
        ScreenshotTest.write(shot[0], png);
        PixelReader px = shot[0].getPixelReader();
        int hits = 0;
        int total = 0;
        // inside the cell, clear of the outline drawn over its edges
        for (int x = (int) cell[0].getMinX() + 3; x < (int) cell[0].getMaxX() - 3; x++) {
            for (int y = (int) cell[0].getMinY() + 4; y < (int) cell[0].getMaxY() - 4; y++) {
                total++;
                Color c = px.getColor(x, y);
                if (Math.abs(c.getRed() - differs.getRed()) < 0.02 && Math.abs(c.getGreen() - differs.getGreen()) < 0.02
                        && Math.abs(c.getBlue() - differs.getBlue()) < 0.02) {
                    hits++;
                }
            }
        }
        assertTrue(hits > total / 3, png + ": " + hits + " of " + total + " pixels of byte 7516 have the colour " + differs);
    }
}
