package org.savevminspector.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableRow;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.savevminspector.app.gui.model.HighlightKind;
import org.savevminspector.app.gui.model.StructureNode;
import org.savevminspector.diagnostics.Severity;
import org.savevminspector.fixtures.Fixtures;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** Choosing another loader profile re-simulates the open file: loader pane, diagnostics and hex overlay follow. */
@GuiTest
class LoaderSelectorTest {

    @TempDir
    static Path tmp;

    private GuiHarness window;

    @Start
    void start(Stage stage) {
        window = GuiHarness.show(stage, tmp);
    }

    @Test
    void switchingToXenServer62ShowsTheUnrestoredAcpiFunction(FxRobot robot) throws Exception {
        Path f = Files.write(tmp.resolve("xs62.qevm"), Fixtures.xenServer62().bytes());
        robot.interact(() -> window.open(f));
        window.waitLoaded();
        robot.clickOn(window.hex);
        robot.press(KeyCode.CONTROL).type(KeyCode.L).release(KeyCode.CONTROL); // the loader tab
        assertEquals("upstream", window.loaderPane().selector.getValue());
        robot.interact(() -> window.loaderPane().selector.getSelectionModel().select("xenserver-6.0-6.2"));
        assertEquals("xenserver-6.0-6.2", window.document().inspection().loader().profile());
        String summary = robot.lookup("#loaderSummary").queryLabeled().getText();
        assertTrue(summary.startsWith("XenServer 6.0–6.2 qemu-dm: "), summary);
        String consequences = robot.lookup("#loaderConsequences").queryLabeled().getText();
        assertTrue(consequences.contains("Not restored: #23 piix4acpi"), consequences);
        assertTrue(window.highlights().anomalies().highlights().all().stream()
                .anyMatch(h -> h.kind() == HighlightKind.LOADER_DIFF && h.start() == 7226));
        // the choice stays for the next file
        Path other = Files.write(tmp.resolve("xs62-again.qevm"), Fixtures.xenServer62().bytes());
        robot.interact(() -> window.open(other));
        window.waitLoaded();
        GuiHarness.waitUntil(() -> "xenserver-6.0-6.2".equals(window.document().inspection().loader().profile()));
        assertEquals("xenserver-6.0-6.2", window.loaderPane().selector.getValue());
        robot.interact(() -> window.loaderPane().selector.getSelectionModel().select("upstream"));
        assertTrue(robot.lookup("#loaderSummary").queryLabeled().getText().startsWith("Upstream qemu-dm: failed"),
                robot.lookup("#loaderSummary").queryLabeled().getText());
    }

    /**
     * In the XenServer 6.2 fixture upstream fails on rtl8139 (#12, an error) where XenServer 6.0–6.2 only notes
     * it: the tree's icon and row style must follow the profile, on the same row, still selected.
     */
    @Test
    void switchingProfileRestylesTheTreeAndKeepsTheSelection(FxRobot robot) throws Exception {
        Path f = Files.write(tmp.resolve("xs62-tree.qevm"), Fixtures.xenServer62().bytes());
        robot.interact(() -> window.open(f));
        window.waitLoaded();
        robot.interact(() -> window.loaderPane().selector.getSelectionModel().select("upstream"));
        TreeItem<StructureNode> rtl = window.tree.getRoot().getChildren().stream()
                .filter(i -> i.getValue().name().equals("rtl8139")).findFirst().orElseThrow();
        robot.interact(() -> {
            rtl.setExpanded(true);
            window.tree.scrollTo(Math.max(0, window.tree.getRow(rtl) - 2));
        });
        robot.clickOn(row(robot, "rtl8139"));
        assertSame(rtl, window.tree.getSelectionModel().getSelectedItem());
        assertEquals("error", status(robot));
        assertTrue(row(robot, "rtl8139").getStyleClass().contains("status-error"));
        String upstreamError = window.document().tree().gravest(rtl.getValue()).message();
        assertTrue(window.detail.text().contains(upstreamError), window.detail.text());

        robot.interact(() -> window.loaderPane().selector.getSelectionModel().select("xenserver-6.0-6.2"));
        assertEquals("note", status(robot));
        TreeTableRow<?> row = row(robot, "rtl8139");
        assertTrue(row.getStyleClass().contains("status-note"), row.getStyleClass().toString());
        assertFalse(row.getStyleClass().contains("status-error"), row.getStyleClass().toString());
        assertSame(rtl, window.tree.getSelectionModel().getSelectedItem());
        assertTrue(rtl.isExpanded());
        assertEquals(Severity.NOTE, window.document().tree().status(rtl.getValue()));
        // the detail of the selected section lists the new simulation's diagnostics, not upstream's
        String note = window.document().tree().gravest(rtl.getValue()).message();
        assertTrue(window.detail.text().contains(note), window.detail.text());
        assertFalse(window.detail.text().contains(upstreamError), window.detail.text());

        robot.interact(() -> window.loaderPane().selector.getSelectionModel().select("upstream"));
        assertEquals("error", status(robot));
    }

    private TreeTableRow<?> row(FxRobot robot, String name) {
        GuiHarness.waitUntil(() -> robot.from(window.tree).lookup(".tree-table-row-cell")
                .match((TreeTableRow<?> r) -> r.getItem() instanceof StructureNode n && n.name().equals(name))
                .tryQuery().isPresent());
        return robot.from(window.tree).lookup(".tree-table-row-cell")
                .match((TreeTableRow<?> r) -> r.getItem() instanceof StructureNode n && n.name().equals(name)).query();
    }

    /** The severity the rtl8139 row's icon shows ({@code ok}, {@code note}, … {@code error}). */
    private String status(FxRobot robot) {
        Node icon = row(robot, "rtl8139").lookup(".status-icon");
        return icon.getStyleClass().stream().filter(c -> !c.equals("status-icon")).findFirst().orElseThrow();
    }
}
