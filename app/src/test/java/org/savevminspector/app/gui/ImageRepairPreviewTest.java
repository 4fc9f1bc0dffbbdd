package org.savevminspector.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.savevminspector.fixtures.Fixtures;
import org.savevminspector.fixtures.SaveImageWriter;
import org.savevminspector.repair.ByteEdit;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * Issue 18 point 10 in the repair dialog: the edits of a stream repaired inside a save image are listed at file
 * offsets, as the hex pane and the tree show them, the stream's offset in parentheses. The XenServer 6.2 sample
 * sits at offset 263221 (0x40435) of an xl migration-v2 image; its piix4acpi label is at 0x42073.
 */
@GuiTest
class ImageRepairPreviewTest {
    @TempDir
    static Path tmp;

    private GuiHarness window;

    @Start
    void start(Stage stage) {
        window = GuiHarness.show(stage, tmp);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theEditsOfAnImageAreAtFileOffsetsWithTheStreamsInParentheses(FxRobot robot) throws Exception {
        Path f = Files.write(tmp.resolve("sample.xl"),
                SaveImageWriter.image(SaveImageWriter.Kind.XL_V2, Fixtures.sample(), 64));
        robot.interact(() -> window.open(f));
        window.waitLoaded();
        robot.interact(window::exportRepaired);
        GuiHarness.waitUntil(() -> !robot.lookup("#repairSave").queryButton().isDisabled());
        TableView<ByteEdit> edits = robot.lookup("#repairEdits").queryAs(TableView.class);
        assertEquals(1, edits.getItems().size());
        assertEquals(270451, edits.getItems().get(0).offset());
        assertEquals("0x42073 (270451; stream +0x1C3E)", edits.getColumns().get(0).getCellData(0));
        assertEquals("00 00 00 02", edits.getColumns().get(1).getCellData(0));
        assertEquals("00 00 00 01", edits.getColumns().get(2).getCellData(0));
    }
}
