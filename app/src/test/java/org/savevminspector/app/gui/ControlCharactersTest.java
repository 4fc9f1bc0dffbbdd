package org.savevminspector.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Labeled;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableRow;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.savevminspector.app.OneSectionStream;
import org.savevminspector.app.gui.model.StructureNode;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * Bytes from the file reach the window escaped, as the CLI prints them ({@code PrintableText}): an idstr holding a
 * colour sequence, a window-title sequence, a bell, a newline and a C1 control garbles no cell, no tooltip and no
 * detail line, and shows which bytes it holds.
 */
@GuiTest
class ControlCharactersTest {
    /** Colour, title (ESC ] … BEL), a newline that would split a cell, C1 CSI (0x9B). */
    private static final String IDSTR = "\u001b[31mevil\u001b]0;pwned\u0007\nx\u009b2J";
    private static final String SHOWN = "\\x1b[31mevil\\x1b]0;pwned\\a\\nx\\x9b2J";

    @TempDir
    static Path tmp;

    private GuiHarness window;

    @Start
    void start(Stage stage) {
        window = GuiHarness.show(stage, tmp);
    }

    private static Path hostile() throws Exception {
        return Files.write(tmp.resolve("hostile.qevm"), OneSectionStream.withIdstr(IDSTR));
    }

    /** No C0 control, no DEL, no C1 control: nothing a cell would draw as a box or break a line at. */
    private static void assertPrintable(String where, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            assertTrue(c >= 0x20 && c != 0x7F && (c < 0x80 || c >= 0xA0),
                    where + ": raw U+" + Integer.toHexString(c) + " at " + i + " in: " + text);
        }
    }

    @Test
    void anIdstrWithControlBytesIsShownEscapedEverywhere(FxRobot robot) throws Exception {
        window.load(robot, hostile());

        // the tree: the section's row names it escaped (and its Value column too), in one line
        TreeTableRow<?> row = GuiHarness.treeRow(robot, (SessionPane) window.top, IDSTR);
        List<String> cells = GuiHarness.fx(robot, () -> {
            List<String> out = new ArrayList<>();
            row.lookupAll(".tree-table-cell").forEach(n -> out.add(((TreeTableCell<?, ?>) n).getText()));
            return out;
        });
        assertEquals(SHOWN, cells.get(0), cells.toString());
        cells.forEach(c -> assertPrintable("tree cell", c == null ? "" : c));

        // the detail of the section: its name line and its problem, escaped
        robot.interact(() -> window.select((StructureNode) row.getItem()));
        String detail = GuiHarness.fx(robot, () -> window.detail.text());
        assertTrue(detail.contains(SHOWN), detail);
        detail.lines().forEach(l -> assertPrintable("detail", l));

        // the diagnostics table: the idstr column and the message quoting it
        robot.interact(window::showDiagnostics);
        DiagnosticsTable table = window.diagnostics();
        List<String> texts = GuiHarness.fx(robot, () -> {
            List<String> out = new ArrayList<>();
            table.lookupAll(".tree-table-cell").forEach(n -> {
                String t = ((Labeled) n).getText();
                if (t != null) {
                    out.add(t);
                }
            });
            return out;
        });
        assertTrue(texts.contains(SHOWN), texts.toString());
        assertTrue(texts.contains("no decoder knows device '" + SHOWN + "' at offset 8 (0x8)"), texts.toString());
        texts.forEach(t -> assertPrintable("diagnostics cell", t));

        // the status bar's node path
        String path = GuiHarness.fx(robot, () -> window.statusLine.path.getText());
        assertTrue(path.contains(SHOWN), path);
        assertPrintable("status path", path);
    }
}
