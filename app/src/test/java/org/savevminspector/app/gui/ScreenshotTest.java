package org.savevminspector.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.savevminspector.app.gui.model.StructureNode;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Writes PNGs of the main window at 1366×768 as it opens the sample (the first error, piix4acpi's version label,
 * selected and revealed) in the light and dark themes, and at 1000×650 with the tree's columns whole, to
 * {@code app/target/screenshots/} (copied by hand to {@code docs/screenshots/}), and checks the pixels: the
 * selection colour on the selected version label, and the error highlight colour of the active theme on it once
 * the whole section is selected instead.
 */
@GuiTest
class ScreenshotTest {

    /** The {@code -hl-error} colours of theme-light.css and theme-dark.css. */
    private static final Color LIGHT_ERROR = Color.web("#f48a8a");
    private static final Color DARK_ERROR = Color.web("#8f2a2a");
    /** The {@code -hl-selected} colours. */
    private static final Color LIGHT_SELECTED = Color.web("#8fb8f5");
    private static final Color DARK_SELECTED = Color.web("#26508a");

    @TempDir
    static Path tmp;

    private GuiHarness window;

    @Start
    void start(Stage stage) {
        window = GuiHarness.show(stage, tmp);
        stage.setWidth(1366);
        stage.setHeight(768);
    }

    @Test
    void lightAndDarkScreenshotsShowThePiix4acpiErrorHighlight(FxRobot robot) throws Exception {
        robot.interact(window::openSample);
        window.waitLoaded();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1366, window.stage().getScene().getWidth(), 1);
        assertEquals(768, window.stage().getScene().getHeight(), 1);
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        // as opened: the first error (piix4acpi's version label) selected, so its cell has the selection colour
        check(robot, dir.resolve("main-window-light.png"), LIGHT_SELECTED);
        robot.interact(window::toggleTheme);
        WaitForAsyncUtils.waitForFxEvents();
        check(robot, dir.resolve("main-window-dark.png"), DARK_SELECTED);
        // the whole section selected instead: the label shows the error colour of each theme
        robot.interact(() -> {
            StructureNode acpi = window.document().tree().roots().get(24);
            window.tree.reveal(java.util.List.of(acpi));
            window.select(acpi);
        });
        WaitForAsyncUtils.waitForFxEvents();
        check(robot, null, DARK_ERROR);
        robot.interact(window::toggleTheme);
        WaitForAsyncUtils.waitForFxEvents();
        check(robot, null, LIGHT_ERROR);

        // the repair dialog with the relabel plan worked out
        robot.interact(window::exportRepaired);
        GuiHarness.waitUntil(() -> !robot.lookup("#repairSave").queryButton().isDisabled());
        WritableImage[] dlg = new WritableImage[1];
        robot.interact(() -> dlg[0] = robot.lookup("#repairSave").queryButton().getScene().getRoot().snapshot(null, null));
        assertTrue(dlg[0].getWidth() >= 600 && dlg[0].getHeight() >= 500);
        write(dlg[0], dir.resolve("repair-dialog-light.png"));
        robot.interact(() -> ((Stage) robot.lookup("#repairSave").queryButton().getScene().getWindow()).close());
    }

    /**
     * At 1000×650 (a laptop's half screen) the tree is narrow: its columns keep their content and it scrolls
     * sideways, so no cell of Type, Inst, Ver, Offset or Length is cut to "…". The picture is written as opened.
     */
    @Test
    void at1000x650TheTreeIsReadable(FxRobot robot) throws Exception {
        robot.interact(() -> {
            window.stage().setWidth(1000);
            window.stage().setHeight(650);
        });
        robot.interact(window::openSample);
        window.waitLoaded();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1000, window.stage().getScene().getWidth(), 1);
        assertEquals(650, window.stage().getScene().getHeight(), 1);
        int[] whole = new int[1];
        robot.interact(() -> {
            for (javafx.scene.Node n : window.tree.lookupAll(".tree-table-cell")) {
                var cell = (javafx.scene.control.TreeTableCell<?, ?>) n;
                String title = cell.getTableColumn() == null ? "" : cell.getTableColumn().getText();
                if (cell.isVisible() && cell.getText() != null && !cell.getText().isEmpty()
                        && java.util.List.of("Type", "Inst", "Ver", "Offset", "Length").contains(title)) {
                    assertEquals(cell.getText(), GuiHarness.shown(cell), title + " cell cut at 1000 px");
                    whole[0]++;
                }
            }
            boolean sideways = window.tree.lookupAll(".scroll-bar").stream().anyMatch(b ->
                    b instanceof javafx.scene.control.ScrollBar sb && sb.getOrientation() == javafx.geometry.Orientation.HORIZONTAL
                            && sb.isVisible());
            assertTrue(sideways, "the tree scrolls sideways rather than cutting its columns");
        });
        assertTrue(whole[0] >= 40, "cells checked: " + whole[0]);
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        write(snapshot(robot), dir.resolve("main-window-1000x650.png"));
    }

    private void check(FxRobot robot, Path png, Color error) throws Exception {
        WritableImage[] shot = new WritableImage[1];
        Point2D[] cell = new Point2D[2];
        robot.interact(() -> {
            Scene scene = window.stage().getScene();
            shot[0] = scene.getRoot().snapshot(null, null);
            Bounds b = window.hex.hexCellBounds(7231);
            assertNotNull(b, "the version label is on screen");
            Bounds inScene = window.hex.localToScene(b);
            cell[0] = new Point2D(inScene.getMinX(), inScene.getMinY());
            cell[1] = new Point2D(inScene.getMaxX(), inScene.getMaxY());
        });
        WritableImage img = shot[0];
        assertEquals(window.stage().getScene().getWidth(), img.getWidth(), 1);
        assertEquals(window.stage().getScene().getHeight(), img.getHeight(), 1);
        if (png != null) {
            write(img, png);
        }

        PixelReader px = img.getPixelReader();
        int hits = 0;
        int total = 0;
        for (int x = (int) cell[0].getX(); x < (int) cell[1].getX(); x++) {
            for (int y = (int) cell[0].getY() + 1; y < (int) cell[1].getY() - 1; y++) {
                total++;
                if (close(px.getColor(x, y), error)) {
                    hits++;
                }
            }
        }
        assertTrue(hits > total / 3, png + ": " + hits + " of " + total
                + " pixels of the version label cell have the error colour " + error);
        // and not on a clean section (timer's bytes at offset 0x40)
        int cleanHits = 0;
        robot.interact(() -> window.hex.scrollToRow(0));
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage top = snapshot(robot);
        Bounds[] clean = new Bounds[1];
        robot.interact(() -> clean[0] = window.hex.localToScene(window.hex.hexCellBounds(0x40)));
        for (int x = (int) clean[0].getMinX(); x < (int) clean[0].getMaxX(); x++) {
            if (close(top.getPixelReader().getColor(x, (int) clean[0].getCenterY()), error)) {
                cleanHits++;
            }
        }
        assertEquals(0, cleanHits, "no error colour on a clean section");
        robot.interact(() -> window.hex.reveal(7231));
    }

    private WritableImage snapshot(FxRobot robot) {
        WritableImage[] shot = new WritableImage[1];
        robot.interact(() -> shot[0] = window.stage().getScene().getRoot().snapshot(null, null));
        return shot[0];
    }

    private static boolean close(Color a, Color b) {
        return Math.abs(a.getRed() - b.getRed()) < 0.02 && Math.abs(a.getGreen() - b.getGreen()) < 0.02
                && Math.abs(a.getBlue() - b.getBlue()) < 0.02;
    }

    static void write(WritableImage img, Path png) throws Exception {
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader r = img.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, r.getArgb(x, y));
            }
        }
        ImageIO.write(out, "png", png.toFile());
    }
}
