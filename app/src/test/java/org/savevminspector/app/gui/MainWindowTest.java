package org.savevminspector.app.gui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TreeTableCell;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.TransferMode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.savevminspector.app.gui.model.HighlightKind;
import org.savevminspector.app.gui.model.StructureNode;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.diagnostics.DiagnosticCode;
import org.savevminspector.fixtures.Fixtures;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The wiring of the main window, headless (Monocle): every test drives the real window. */
@GuiTest
class MainWindowTest {

    @TempDir
    static Path tmp;

    private GuiHarness window;

    @Start
    void start(Stage stage) {
        window = GuiHarness.show(stage, tmp);
    }

    private Path write(String name, byte[] bytes) throws Exception {
        return Files.write(tmp.resolve(name), bytes);
    }

    @Test
    void sampleShowsTitleBannerTreeAndSeverity(FxRobot robot) {
        window.loadSample(robot);
        assertEquals("SaveVM Inspector — xenserver-6.2-piix4acpi-sample.qevm", window.stage().getTitle());
        assertTrue(window.banner.text().contains("SYNTHETIC"), window.banner.text());
        assertEquals(27, window.tree.getRoot().getChildren().size());
        assertEquals("3 errors", ((javafx.scene.control.Button) robot.lookup("#severityButton").query()).getText());
        robot.clickOn(window.hex);
        robot.press(KeyCode.CONTROL).type(KeyCode.L).release(KeyCode.CONTROL); // View → Show Loader Simulation
        assertTrue(robot.lookup("#loaderSummary").queryLabeled().getText().startsWith("Upstream qemu-dm: aborted"),
                robot.lookup("#loaderSummary").queryLabeled().getText());
        robot.interact(() -> window.loaderPane().reads.getSelectionModel().select(
                window.loaderPane().reads.getItems().size() - 1)); // the piix4acpi read
        assertEquals(7211, window.hex.selectionStartProperty().get());
        assertEquals("piix4acpi", window.tree.selectedNode().path().split(" ")[0]);
    }

    @Test
    void dropHandlerOpensTheDroppedFileAndRejectsADirectory(FxRobot robot) throws Exception {
        Path file = write("dropped.qevm", Fixtures.defaultGuest().bytes());
        // a real platform drag: a small source window puts the file on the dragboard, the robot drops it
        robot.interact(() -> {
            Label source = new Label("drag me");
            source.setId("fileSource");
            source.setOnDragDetected(e -> {
                ClipboardContent c = new ClipboardContent();
                c.putFiles(List.of(file.toFile()));
                source.startDragAndDrop(TransferMode.COPY).setContent(c);
                e.consume();
            });
            window.status.getLeftItems().add(0, source);
        });
        robot.drag("#fileSource").dropTo(window.hex);
        GuiHarness.waitUntil(() -> window.document() != null && !window.isLoading());
        assertEquals("SaveVM Inspector — dropped.qevm", window.stage().getTitle());
        assertEquals(7525, window.document().size());

        robot.interact(() -> assertFalse(window.handleDrop(List.of(tmp.toFile()))));
        assertTrue(window.banner.text().contains("is a directory"), window.banner.text());
        robot.interact(() -> assertFalse(window.handleDrop(List.of(new File(tmp.toFile(), "missing.qevm")))));
        assertTrue(window.banner.text().contains("no such file"), window.banner.text());
        assertEquals("SaveVM Inspector — dropped.qevm", window.stage().getTitle(), "the open file stays open");
    }

    @Test
    void treeSelectionHighlightsTheNodesBytesAndScrollsTheHexPane(FxRobot robot) {
        window.loadSample(robot);
        robot.interact(() -> window.tree.scrollTo(20));
        GuiHarness.waitUntil(() -> robot.lookup(".tree-table-cell").match((TreeTableCell<?, ?> c) ->
                "piix4acpi".equals(c.getText())).tryQuery().isPresent());
        TreeTableCell<?, ?> cell = robot.lookup(".tree-table-cell").match((TreeTableCell<?, ?> c) ->
                "piix4acpi".equals(c.getText())).query();
        robot.clickOn(cell);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(7211, window.hex.selectionStartProperty().get());
        assertEquals(301, window.hex.selectionLengthProperty().get());
        long row = 7211 / 16;
        assertTrue(window.hex.firstVisibleRow() <= row && row < window.hex.firstVisibleRow() + window.hex.visibleRows());
        var layers = window.highlights().layers(7211, 7512);
        assertTrue(layers.stream().anyMatch(h -> h.kind() == HighlightKind.SECTION_HEADER && h.start() == 7211 && h.end() == 7234));
        assertTrue(layers.stream().anyMatch(h -> h.kind() == HighlightKind.SECTION_BODY && h.start() == 7234 && h.end() == 7512));

        // a field: strong layer on exactly its bytes
        robot.interact(() -> {
            window.tree.getSelectionModel().getSelectedItem().setExpanded(true);
            window.tree.scrollTo(window.tree.getExpandedItemCount() - 8);
        });
        GuiHarness.waitUntil(() -> robot.lookup(".tree-table-cell").match((TreeTableCell<?, ?> c) ->
                "pm1_control".equals(c.getText())).tryQuery().isPresent());
        TreeTableCell<?, ?> pm1 = robot.lookup(".tree-table-cell").match((TreeTableCell<?, ?> c) ->
                "pm1_control".equals(c.getText())).query();
        robot.clickOn(pm1);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(7510, window.highlights().selected().start());
        assertEquals(7512, window.highlights().selected().end());
        assertTrue(window.detail.text().contains("pm1_control = 0x0001 → SCI_EN"), window.detail.text());
    }

    @Test
    void hexClickSelectsTheInnermostNodeInTheTree(FxRobot robot) {
        window.loadSample(robot);
        robot.interact(() -> window.hex.reveal(7230));
        WaitForAsyncUtils.waitForFxEvents();
        Bounds b = window.hex.hexCellBounds(7231);
        assertNotNull(b);
        Point2D p = window.hex.localToScreen(b.getCenterX(), b.getCenterY());
        robot.clickOn(p);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(7231, window.hex.cursor());
        StructureNode n = window.tree.selectedNode();
        assertEquals("version_id", n.name());
        assertEquals("piix4acpi › header › version_id", n.path());
        assertTrue(window.detail.text().contains("VERSION_LABEL_MISMATCH"), window.detail.text());
        assertEquals("Cursor 0x1C3F (7231)", ((Label) robot.lookup("#statusCursor").query()).getText());
    }

    @Test
    void sectionAndProblemKeysStep(FxRobot robot) {
        window.loadSample(robot);
        robot.clickOn(window.hex);
        robot.interact(() -> window.goTo(0));
        robot.type(KeyCode.F8);
        assertEquals("ram (start)", window.tree.selectedNode().name());
        assertEquals(8, window.hex.cursor());
        robot.type(KeyCode.F8);
        assertEquals("ram (part)", window.tree.selectedNode().name());
        robot.press(KeyCode.ALT).type(KeyCode.DOWN).release(KeyCode.ALT);
        assertEquals("ram (end)", window.tree.selectedNode().name());
        robot.press(KeyCode.SHIFT).type(KeyCode.F8).release(KeyCode.SHIFT);
        assertEquals("ram (part)", window.tree.selectedNode().name());
        robot.press(KeyCode.ALT).type(KeyCode.UP).release(KeyCode.ALT);
        assertEquals("ram (start)", window.tree.selectedNode().name());

        List<Diagnostic> ds = window.document().inspection().diagnostics();
        robot.type(KeyCode.F2);
        assertEquals(ds.get(0), window.diagnostics().selectedDiagnostic());
        assertEquals(ds.get(0).offset(), window.hex.cursor());
        robot.type(KeyCode.F2);
        assertEquals(ds.get(1), window.diagnostics().selectedDiagnostic());
        assertEquals(DiagnosticCode.VERSION_LABEL_MISMATCH, ds.get(1).code());
        assertEquals(7230, window.hex.cursor());
        assertEquals("version_id", window.tree.selectedNode().name());
        robot.press(KeyCode.SHIFT).type(KeyCode.F2).release(KeyCode.SHIFT);
        assertEquals(ds.get(0), window.diagnostics().selectedDiagnostic());

        robot.type(KeyCode.F7);
        assertTrue(window.hex.cursor() > ds.get(0).offset());
    }

    @Test
    void exportFlowWritesTheRelabelledBytesAndOpensTheResult(FxRobot robot) throws Exception {
        window.loadSample(robot);
        Path out = tmp.resolve("repaired-" + System.nanoTime() + ".qevm");
        window.dialogs.saveAnswer = out;
        robot.interact(window::exportRepaired);
        GuiHarness.waitUntil(() -> !robot.lookup("#repairSave").queryButton().isDisabled());
        assertEquals(1, robot.lookup("#repairEdits").queryTableView().getItems().size());
        String relabel = robot.lookup("#outcome-relabel").queryLabeled().getText();
        // both repairs load upstream; each fixes the mismatch, the abort and the overrun, and leaves the two port
        // notes and the 7 bytes of padding (trimming is off by default)
        assertTrue(relabel.startsWith("Loader simulation on the result: loaded (result 0); 3 diagnostic(s) fixed, "
                + "3 remain."), relabel);
        String upgrade = robot.lookup("#outcome-upgrade").queryLabeled().getText();
        assertTrue(upgrade.startsWith("Loader simulation on the result: loaded (result 0); 3 diagnostic(s) fixed, "
                + "3 remain."), upgrade);
        robot.clickOn("#repairSave");
        // the write runs on the worker thread: the open button appears when it is done
        GuiHarness.waitUntil(() -> robot.lookup("#repairOpen").queryButton().isVisible());
        byte[] expected = Arrays.copyOf(Fixtures.piix4acpiRelabelled(), Fixtures.sample().length);
        assertArrayEquals(expected, Files.readAllBytes(out));
        robot.clickOn("#repairOpen");
        GuiHarness.waitUntil(() -> window.document() != null && window.document().path().equals(out) && !window.isLoading());
        assertEquals("SaveVM Inspector — " + out.getFileName(), window.stage().getTitle());
        assertFalse(window.document().inspection().has(DiagnosticCode.VERSION_LABEL_MISMATCH));
        assertTrue(window.document().inspection().has(DiagnosticCode.TRAILING_BYTES), "untargeted problems remain listed");
    }

    @Test
    void aBadFileShowsItsBytesAndItsDiagnostic(FxRobot robot) throws Exception {
        Path bad = write("not-a-savefile.bin", Fixtures.badMagic());
        robot.interact(() -> window.open(bad));
        window.waitLoaded();
        assertEquals("SaveVM Inspector — not-a-savefile.bin", window.stage().getTitle());
        assertTrue(window.diagnostics().shown().stream().anyMatch(d -> d.code() == DiagnosticCode.BAD_MAGIC));
        assertEquals(Fixtures.badMagic().length, window.document().size());
        assertEquals("2 errors", robot.lookup("#severityButton").queryButton().getText());
        robot.clickOn("#severityButton");
        robot.clickOn(robot.lookup("#diagnosticsTable .tree-table-row-cell").match((javafx.scene.control.TreeTableRow<?> r) ->
                r.getItem() instanceof DiagnosticsTable.Row row && row.diagnostic() != null).queryAs(javafx.scene.Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.detail.text().contains("BAD_MAGIC"), window.detail.text());
    }

    @Test
    void goToOffsetAndFindMoveTheCursor(FxRobot robot) {
        window.loadSample(robot);
        robot.interact(() -> window.goTo(0x1C2B));
        assertEquals(0x1C2B, window.hex.cursor());
        assertEquals("piix4acpi › header › section_type", window.tree.selectedNode().path());
        robot.interact(() -> {
            window.findBar().open();
            window.findBar().field.setText("piix4acpi");
            window.findBar().mode.setValue(org.savevminspector.app.gui.model.SearchPattern.Mode.TEXT);
            window.goTo(0);
            window.findBar().findNext();
        });
        GuiHarness.waitUntil(() -> window.findBar().resultText().contains(" at 0x"));
        assertEquals(7217, window.hex.cursor());
        assertEquals(9, window.hex.selectionLengthProperty().get());
        robot.interact(window.hex::requestFocus); // the find field would take Ctrl+C for its own text
        robot.press(KeyCode.CONTROL).type(KeyCode.C).release(KeyCode.CONTROL);
        String[] clip = new String[1];
        robot.interact(() -> clip[0] = javafx.scene.input.Clipboard.getSystemClipboard().getString());
        assertEquals("70 69 69 78 34 61 63 70 69", clip[0]);
    }

    @Test
    void jsonExportWritesTheCliReport(FxRobot robot) throws Exception {
        window.loadSample(robot);
        Path out = tmp.resolve("report-" + System.nanoTime() + ".json");
        window.dialogs.saveAnswer = out;
        robot.interact(window::exportJson);
        GuiHarness.waitUntil(() -> window.banner.text().contains("Report written")); // written on the worker
        String json = Files.readString(out);
        assertTrue(json.contains("\"schemaVersion\""), json);
        assertTrue(json.contains("\"VERSION_LABEL_MISMATCH\""));
        assertTrue(json.contains("\"qevm-v3\""), json);
        assertTrue(window.banner.text().contains("Report written"), window.banner.text());
    }

    @Test
    void bytesALoaderReadsPastTheEndAreGhostCellsAfterTheLastByte(FxRobot robot) throws Exception {
        Path f = write("piix4acpi-case.qevm", Fixtures.piix4acpiCase().bytes());
        robot.interact(() -> window.open(f));
        window.waitLoaded();
        long size = window.document().size();
        assertEquals(3, window.document().anomalies().ghostBytes());
        robot.interact(() -> window.hex.reveal(size + 2));
        assertNotNull(window.hex.hexCellBounds(size + 2), "ghost cells are part of the scrollable rows");
        robot.interact(() -> window.goTo(size - 1));
        assertEquals("EOF marker", window.tree.selectedNode().name());
    }
}
