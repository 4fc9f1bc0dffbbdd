package org.savevminspector.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.TreeItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.savevminspector.app.gui.model.NodeKind;
import org.savevminspector.app.gui.model.StructureNode;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.diagnostics.DiagnosticCode;
import org.savevminspector.fixtures.Bodies;
import org.savevminspector.fixtures.StreamBuilder;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * A stream of very many sections in the window (issue 13 point 6): the tree shows groups of a thousand sections
 * and the diagnostics table runs of a thousand rows, each made when opened, so neither holds a row per section.
 */
@GuiTest
class ManySectionsGuiTest {
    @TempDir
    static Path tmp;

    private GuiHarness window;

    @Start
    void start(Stage stage) {
        window = GuiHarness.show(stage, tmp);
    }

    /** 12,000 timers with ids 1, 2, …: every one after the first a duplicate (11,999 warnings). */
    private static Path timers() throws Exception {
        StreamBuilder b = StreamBuilder.v3();
        for (int i = 0; i < 12_000; i++) {
            b.full(i + 1, "timer", 0, 2, Bodies.timer());
        }
        return Files.write(tmp.resolve("timers.qevm"), b.eof().build().bytes());
    }

    @Test
    void treeAndDiagnosticsAreGroupedAndMadeWhenOpened(FxRobot robot) throws Exception {
        Path file = timers();
        window.load(robot, file);

        // 1 file header + 12,000 sections + 1 EOF marker: 13 groups of a thousand nodes
        List<TreeItem<StructureNode>> top = window.tree.getRoot().getChildren();
        assertEquals(13, top.size());
        assertEquals(NodeKind.GROUP, top.get(0).getValue().kind());
        assertEquals("sections #0–#998", top.get(0).getValue().name());
        assertEquals("sections #10999–#11998", top.get(11).getValue().name());

        robot.interact(window::showDiagnostics);
        DiagnosticsTable table = window.diagnostics();
        assertEquals(11_999, table.diagnosticCount());
        TreeItem<DiagnosticsTable.Row> warnings = table.getRoot().getChildren().get(0);
        assertEquals("warn (11999)", warnings.getValue().severityText());
        assertEquals(12, warnings.getChildren().size());
        TreeItem<DiagnosticsTable.Row> run = warnings.getChildren().get(7);
        assertEquals("#7001–#8000 of 11999", run.getValue().severityText());
        assertFalse(run.isExpanded());

        // the problem a session shows is the row selected: its run is opened for it
        Diagnostic d = window.document().inspection().diagnosticsFor(7_501).get(0);
        assertEquals(DiagnosticCode.DUPLICATE_SECTION, d.code());
        robot.interact(() -> table.selectQuietly(d));
        assertEquals(d, table.selectedDiagnostic());
        assertEquals(1_000, run.getChildren().size());
        assertSame(run, table.getSelectionModel().getSelectedItem().getParent());
        assertEquals(d, run.getChildren().get(500).getValue().diagnostic());
    }
}
