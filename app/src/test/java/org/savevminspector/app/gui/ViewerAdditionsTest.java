package org.savevminspector.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableRow;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.savevminspector.app.gui.model.Bookmark;
import org.savevminspector.app.gui.model.BookmarkStore;
import org.savevminspector.app.gui.model.HighlightKind;
import org.savevminspector.app.gui.model.ImageOverview;
import org.savevminspector.app.gui.model.StructureNode;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.diagnostics.DiagnosticCode;
import org.savevminspector.fixtures.Fixtures;
import org.savevminspector.fixtures.SaveImageWriter;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 18, points 11 and 12, in the real window (headless): "info" for the lowest severity, steps that cannot be
 * taken say why, the empty window, tooltips that give way to dialogs; the tree's filter, bookmarks and the overview
 * strip of a save image.
 */
@GuiTest
class ViewerAdditionsTest {

    @TempDir
    static Path tmp;

    private GuiHarness window;

    @Start
    void start(Stage stage) {
        window = GuiHarness.show(stage, tmp);
        stage.requestFocus();
    }


    private Path write(String name, byte[] bytes) throws Exception {
        return Files.write(tmp.resolve(name), bytes);
    }

    /** Types {@code keys} (modifiers first) into whichever window has the focus. */
    private static void key(FxRobot robot, KeyCode... keys) {
        KeyCode last = keys[keys.length - 1];
        KeyCode[] mods = java.util.Arrays.copyOf(keys, keys.length - 1);
        if (mods.length == 0) {
            robot.type(last);
        } else {
            robot.press(mods).type(last).release(mods);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Whether {@code n} is drawn: in a scene, it and every parent visible. */
    private static boolean drawn(Node n) {
        if (n.getScene() == null) {
            return false;
        }
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------- 11

    @Test
    void point11_theLowestSeverityIsCalledInfoWhereverTheUserSeesIt(FxRobot robot) throws Exception {
        window.load(robot, write("v2.qevm", Fixtures.v2Compat().bytes()));
        Button badge = window.statusLine.severity;
        assertEquals("1 info", badge.getText());
        assertTrue(badge.getStyleClass().contains("info"));
        assertEquals("1 info — click for the diagnostics (Ctrl+D)", badge.getTooltip().getText());
        robot.interact(window::showDiagnostics);
        assertEquals(List.of("info (1)"), GuiHarness.fx(robot, () -> window.diagnostics().getRoot().getChildren().stream()
                .map(g -> g.getValue().severityText()).toList()));
        TreeItem<DiagnosticsTable.Row> row = window.diagnostics().getRoot().getChildren().get(0).getChildren().get(0);
        assertEquals("info", row.getValue().severityText());
        assertEquals(DiagnosticCode.FORMAT_INFO, row.getValue().diagnostic().code());
        robot.interact(() -> window.diagnostics().getSelectionModel().select(row));
        assertTrue(window.detail.text().contains("info FORMAT_INFO"), window.detail.text());
        assertFalse(window.detail.text().contains("chat"), window.detail.text());
    }

    @Test
    void point11_aStepThatCannotBeTakenSaysWhyInTheStatusBar(FxRobot robot) {
        window.loadSample(robot);
        robot.interact(() -> window.goTo(7300)); // inside piix4acpi, the last section
        StructureNode before = window.tree.selectedNode();
        for (KeyCode[] keys : List.of(new KeyCode[] {KeyCode.F8}, new KeyCode[] {KeyCode.ALT, KeyCode.DOWN})) {
            robot.interact(() -> window.statusLine.flash(""));
            key(robot, keys);
            assertEquals("Last section (#23 piix4acpi): there is no section after it.", window.statusLine.message(),
                    List.of(keys).toString());
            assertEquals(before, window.tree.selectedNode(), "nothing moved");
        }
        robot.interact(() -> window.goTo(8)); // the first section
        key(robot, KeyCode.SHIFT, KeyCode.F8);
        assertEquals("First section (#0 ram (start)): there is no section before it.", window.statusLine.message());
        // Shift+F7 on a section row
        robot.interact(() -> window.select(window.document().tree().roots().stream().filter(n -> n.name().equals("gpe"))
                .findFirst().orElseThrow()));
        assertEquals("gpe", window.tree.selectedNode().name());
        robot.interact(() -> window.tree.requestFocus());
        key(robot, KeyCode.SHIFT, KeyCode.F7);
        assertEquals("A section row: fields step within a section; Shift+F8 goes to the previous section.",
                window.statusLine.message());
        assertEquals("gpe", window.tree.selectedNode().name());
        robot.interact(() -> window.goTo(7510)); // pm1_control, the last field of piix4acpi
        key(robot, KeyCode.F7);
        assertEquals("Last field of the section: F8 goes to the next section.", window.statusLine.message());
        robot.interact(() -> window.goTo(7515)); // the trailing bytes
        key(robot, KeyCode.F7);
        assertEquals("Not in a section: fields step within a section (F8 goes to the next one).",
                window.statusLine.message());
    }

    /** The toolbar buttons and menu items that need a file. */
    private static final List<String> NEED_A_FILE = List.of("#prevSectionButton", "#nextSectionButton",
            "#prevFieldButton", "#nextFieldButton", "#prevProblemButton", "#nextProblemButton", "#gotoButton",
            "#findButton", "#exportButton");

    private List<String> menuItems(FxRobot robot, boolean disabled) {
        return GuiHarness.fx(robot, () -> {
            List<String> out = new ArrayList<>();
            MenuBar bar = (MenuBar) window.stage().getScene().lookup("#menuBar");
            for (var menu : bar.getMenus()) {
                for (MenuItem i : menu.getItems()) {
                    if (i.getText() != null && i.isDisable() == disabled) {
                        out.add(menu.getText().replace("_", "") + " › " + i.getText().replace("_", ""));
                    }
                }
            }
            return out;
        });
    }

    @Test
    void point11_theEmptyWindowIsADropTargetAndWhatNeedsAFileIsDisabled(FxRobot robot) throws Exception {
        assertNull(window.document());
        Node empty = robot.lookup("#emptyState").query();
        assertTrue(GuiHarness.fx(robot, () -> drawn(empty)));
        assertEquals("Open a savevm file or Xen save image (Ctrl+O), or drop it here",
                robot.lookup("#emptyStateText").queryLabeled().getText());
        assertTrue(GuiHarness.fx(robot, () -> window.tree.getPlaceholder() == empty), "where the tree will be");
        for (String id : NEED_A_FILE) {
            assertTrue(robot.lookup(id).query().isDisabled(), id + " with no file");
        }
        assertFalse(robot.lookup("#openButton").query().isDisabled());
        assertEquals(List.of("File › Export Repaired File…", "File › Export Report as JSON…", "File › Properties…",
                "File › Close File",
                "Edit › Copy as Hex", "Edit › Copy as C Array", "Edit › Copy as Python Bytes", "Edit › Copy Node Value",
                "Edit › Find…", "Edit › Find Next", "Edit › Find Previous", "Edit › Filter Tree…", "Go › Go to Offset…",
                "Go › Next Section (also Alt+Down)", "Go › Previous Section (also Alt+Up)", "Go › Next Field",
                "Go › Previous Field", "Go › Next Problem", "Go › Previous Problem", "Go › Add Bookmark…",
                "Go › Next Bookmark", "Go › Previous Bookmark", "Go › Select Section of the Cursor"),
                menuItems(robot, true));
        assertTrue(menuItems(robot, false).containsAll(List.of("File › Open…", "File › Open Sample", "File › Quit",
                "Help › About SaveVM Inspector")));
        key(robot, KeyCode.CONTROL, KeyCode.E);
        assertTrue(Window.getWindows().stream().noneMatch(w -> w instanceof Stage s && s != window.stage()
                && s.isShowing()), "Ctrl+E with no file opens nothing");

        // a file dropped on the window opens; closing it brings the drop target back
        Path f = write("dropped.qevm", Fixtures.sample());
        robot.interact(() -> window.handleDrop(List.of(f.toFile())));
        window.waitLoaded();
        for (String id : NEED_A_FILE) {
            assertFalse(robot.lookup(id).query().isDisabled(), id + " with a file");
        }
        assertEquals(List.of(), menuItems(robot, true));
        assertFalse(GuiHarness.fx(robot, () -> drawn(empty)), "the rows replace the drop target");
        key(robot, KeyCode.CONTROL, KeyCode.W);
        assertNull(window.document());
        assertTrue(GuiHarness.fx(robot, () -> drawn(empty)));
        assertTrue(robot.lookup("#exportButton").query().isDisabled());
    }


    @Test
    void point11_noTooltipStaysDrawnOverADialog(FxRobot robot) {
        window.loadSample(robot);
        robot.interact(() -> window.hex.reveal(0x1C30));
        robot.moveTo(window.cellOnScreen(robot, 0x1C32));
        GuiHarness.waitUntil(() -> window.hex.tooltipShown() != null);
        assertTrue(window.hex.tooltipShown().startsWith("piix4acpi"), window.hex.tooltipShown());
        key(robot, KeyCode.CONTROL, KeyCode.G);
        GuiHarness.waitUntil(() -> robot.lookup("#gotoField").tryQuery().isPresent());
        assertNull(window.hex.tooltipShown(), "the hex tooltip gives way to the Go to dialog");
        assertTrue(Window.getWindows().stream().noneMatch(w -> w instanceof javafx.scene.control.Tooltip t && t.isShowing()));
        key(robot, KeyCode.ESCAPE);

        // a control's own tooltip (the badge's), then the Export dialog
        Button badge = window.statusLine.severity;
        robot.moveTo(badge);
        GuiHarness.waitUntil(() -> badge.getTooltip().isShowing());
        robot.interact(window::exportRepaired);
        GuiHarness.waitUntil(() -> robot.lookup("#repairSave").tryQuery().isPresent());
        assertFalse(badge.getTooltip().isShowing(), "the badge's tooltip gives way to the Export dialog");
        robot.interact(() -> ((Stage) robot.lookup("#repairSave").query().getScene().getWindow()).close());
    }

    // ---------------------------------------------------------------- 10

    @Test
    void point10_insideAnImageOffsetsAreFileOffsetsInHexAndDecimalWithTheStreamsOwnBesideThem(FxRobot robot)
            throws Exception {
        byte[] image = SaveImageWriter.image(SaveImageWriter.Kind.XL_V2, Fixtures.sample(), 64);
        window.load(robot, write("sample.xl", image));
        assertEquals(263_221, window.document().container().qevm().offset(), "the stream at 0x40435");
        // the first error, piix4acpi's version label: stream offset 0x1C3E, file offset 0x42073
        assertEquals("piix4acpi › header › version_id", window.tree.selectedNode().path());
        assertTrue(window.detail.text().contains("Offset: 0x00042073 (270451; stream +0x1C3E)\n"), window.detail.text());
        assertTrue(window.detail.text().contains("— at 0x00042073 (270451; stream +0x1C3E), 4 bytes, section #23"),
                window.detail.text());
        assertEquals("Cursor 0x42073 (270451; stream +0x1C3E)", window.statusLine.cursor.getText());
        robot.interact(() -> window.goTo(0x30)); // the xl header: no stream there
        assertEquals("Cursor 0x30 (48)", window.statusLine.cursor.getText());
        assertTrue(window.detail.text().contains("Offset: 0x00000030 (48)\n"), window.detail.text());
        robot.interact(() -> window.tabs().showLoader());
        String summary = GuiHarness.fx(robot, () -> ((Label) window.loaderPane().lookup("#loaderSummary")).getText());
        assertTrue(summary.contains("stopped at 0x42191 (270737; stream +0x1D5C)"), summary);
        robot.interact(() -> window.tabs().showContainer());
        List<String> offsets = GuiHarness.fx(robot, () -> {
            List<String> out = new ArrayList<>();
            var root = ((javafx.scene.control.TreeTableView<?>) window.containerPane().lookup(".tree-table-view")).getRoot();
            for (var item : root.getChildren()) {
                var node = (org.savevminspector.app.gui.model.ContainerOutline.Node) item.getValue();
                out.add(node.label() + " @ " + org.savevminspector.app.gui.model.OffsetFormat.hexAndDecimal(node.span().offset()));
            }
            return out;
        });
        assertTrue(offsets.contains("EMULATOR_CONTEXT @ 0x40425 (263205)"), offsets.toString());
        javafx.scene.control.TreeTableCell<?, ?> cell = robot.from(window.containerPane()).lookup(".tree-table-cell")
                .match((javafx.scene.control.TreeTableCell<?, ?> c) -> "0x45 (69)".equals(c.getText())).query();
        assertEquals("Offset", cell.getTableColumn().getText(), "the Container tab's offsets in the viewer's form");
    }

    // ---------------------------------------------------------------- 12

    /** Every row the tree shows (expanded items, depth first), as node paths. */
    private List<String> rowsShown(FxRobot robot) {
        return GuiHarness.fx(robot, () -> {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < window.tree.getExpandedItemCount(); i++) {
                out.add(window.tree.getTreeItem(i).getValue().path());
            }
            return out;
        });
    }

    private void filter(FxRobot robot, String text) {
        robot.interact(() -> window.filter().field.setText(text));
        GuiHarness.waitUntil(() -> !window.filter().isSearching());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void point12_theFilterKeepsMatchesAndTheirParentsByNameValueOrOffsetAndEscClearsIt(FxRobot robot) {
        window.loadSample(robot);
        key(robot, KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.F);
        assertTrue(window.filter().field.isFocused(), "Ctrl+Shift+F: the filter box");
        robot.write("SCI_EN");
        GuiHarness.waitUntil(() -> !window.filter().isSearching() && "1 match".equals(window.filter().count.getText()));
        assertEquals(List.of("piix4acpi", "piix4acpi › pm1_control"), rowsShown(robot));
        TreeTableRow<?> match = robot.from(window.tree).lookup(".tree-table-row-cell").match((TreeTableRow<?> r) ->
                r.getItem() instanceof StructureNode n && n.name().equals("pm1_control")).query();
        assertTrue(match.getStyleClass().contains("filter-match"));
        TreeTableRow<?> parent = robot.from(window.tree).lookup(".tree-table-row-cell").match((TreeTableRow<?> r) ->
                r.getItem() instanceof StructureNode n && n.name().equals("piix4acpi")).query();
        assertFalse(parent.getStyleClass().contains("filter-match"), "a parent is kept, not a match");

        filter(robot, "0x1C3E");
        assertEquals("1 match", window.filter().count.getText());
        assertEquals(List.of("piix4acpi", "piix4acpi › header", "piix4acpi › header › version_id"), rowsShown(robot));
        filter(robot, "gpe");
        assertEquals("10 matches", window.filter().count.getText());
        assertEquals(List.of("gpe"), rowsShown(robot), "a matching section is shown, not opened");
        filter(robot, "no such field");
        assertEquals("No match", window.filter().count.getText());
        assertEquals(List.of(), rowsShown(robot));
        assertEquals("No row matches the filter (Esc clears it).", ((Label) window.tree.getPlaceholder()).getText());

        robot.interact(() -> window.filter().field.requestFocus());
        key(robot, KeyCode.ESCAPE);
        assertEquals("", window.filter().field.getText());
        assertEquals("", window.filter().count.getText());
        assertEquals(27, GuiHarness.fx(robot, () -> window.tree.getRoot().getChildren().size()));
        assertEquals("piix4acpi › header › version_id", window.tree.selectedNode().path(), "the selection stays");
        key(robot, KeyCode.ESCAPE);
        assertTrue(window.tree.isFocused(), "Esc in an empty box goes back to the tree");
    }

    @Test
    void point12_bookmarksAreAddedWithANoteListedSavedBesideTheRecentFilesReloadedAndSteppedWithF4(FxRobot robot)
            throws Exception {
        Path file = write("bookmarked.qevm", Fixtures.sample());
        window.load(robot, file);
        // the tree focused on version_id (selected on open): Ctrl+B bookmarks the node, with a note
        robot.interact(() -> window.tree.requestFocus());
        robot.press(KeyCode.CONTROL).type(KeyCode.B).release(KeyCode.CONTROL);
        GuiHarness.waitUntil(() -> robot.lookup("#bookmarkNote").tryQuery().isPresent());
        robot.clickOn("#bookmarkNote").write("label says 2");
        key(robot, KeyCode.ENTER);
        assertEquals("Bookmarked label says 2 — F4 steps through the bookmarks", window.statusLine.message());
        // the hex pane focused on pci_devfn's first byte: its node's byte, no note
        robot.interact(() -> {
            window.goTo(0x1B92);
            window.hex.requestFocus();
        });
        robot.press(KeyCode.CONTROL).type(KeyCode.B).release(KeyCode.CONTROL);
        GuiHarness.waitUntil(() -> robot.lookup("#bookmarkNote").tryQuery().isPresent());
        key(robot, KeyCode.ENTER);
        assertEquals("Bookmarked pci_devfn › header › section_type — F4 steps through the bookmarks",
                window.statusLine.message());
        Bookmark devfn = new Bookmark(0x1B92, 1, "pci_devfn › header › section_type", "");
        Bookmark label = new Bookmark(7230, 4, "piix4acpi › header › version_id", "label says 2");
        assertEquals(List.of(devfn, label), window.session().bookmarks());
        assertTrue(window.highlights().layers(7230, 7234).stream().anyMatch(h -> h.kind() == HighlightKind.BOOKMARK
                && h.start() == 7230 && h.end() == 7234));
        robot.interact(() -> window.tabs().showBookmarks());
        assertEquals(List.of(devfn, label), window.bookmarksTable().table.getItems());

        // kept beside the recent files, by the file's path and size
        Path store = tmp.resolve("bookmarks");
        String key = BookmarkStore.key(file, Fixtures.sample().length);
        GuiHarness.waitUntil(() -> new BookmarkStore(store).load(key).size() == 2);
        assertEquals(2, Files.readAllLines(store, StandardCharsets.UTF_8).stream().filter(l -> l.startsWith(key)).count());

        // another window (the viewer started again) opens the file: its bookmarks are there, F4 steps through them
        GuiHarness[] second = new GuiHarness[1];
        robot.interact(() -> {
            second[0] = GuiHarness.show(new Stage(), tmp);
        });
        GuiHarness w = second[0];
        try {
            w.load(robot, file);
            GuiHarness.waitUntil(() -> w.session().bookmarks().size() == 2);
            assertEquals(List.of(devfn, label), w.session().bookmarks());
            robot.interact(() -> {
                w.goTo(0);
                w.hex.requestFocus();
            });
            key(robot, KeyCode.F4);
            assertEquals("Bookmark 1 of 2: pci_devfn › header › section_type", w.statusLine.message());
            assertEquals(0x1B92, w.hex.cursor());
            key(robot, KeyCode.F4);
            assertEquals("Bookmark 2 of 2: label says 2", w.statusLine.message());
            assertEquals(7230, w.hex.cursor());
            assertEquals(4, w.hex.selectionLengthProperty().get());
            key(robot, KeyCode.F4);
            assertEquals("Bookmark 1 of 2: pci_devfn › header › section_type — wrapped round", w.statusLine.message());
            key(robot, KeyCode.SHIFT, KeyCode.F4);
            assertEquals("Bookmark 2 of 2: label says 2 — wrapped round", w.statusLine.message());
            // removed from the Bookmarks tab: gone from the store too
            robot.interact(() -> w.tabs().showBookmarks());
            robot.interact(() -> w.bookmarksTable().table.getSelectionModel().select(0));
            robot.interact(() -> w.bookmarksTable().table.requestFocus());
            key(robot, KeyCode.DELETE);
            assertEquals(List.of(label), w.session().bookmarks());
            GuiHarness.waitUntil(() -> new BookmarkStore(store).load(key).equals(List.of(label)));
        } finally {
            robot.interact(() -> w.stage().close());
        }
    }

    /** The colour of the strip's pixel at {@code (x, y)} (strip coordinates). */
    private static Color pixel(WritableImage img, double x, double y) {
        PixelReader r = img.getPixelReader();
        return r.getColor((int) Math.floor(x), (int) Math.floor(y));
    }

    private static boolean near(Color a, Color b) {
        return Math.abs(a.getRed() - b.getRed()) < 0.02 && Math.abs(a.getGreen() - b.getGreen()) < 0.02
                && Math.abs(a.getBlue() - b.getBlue()) < 0.02;
    }

    @Test
    void point12_theOverviewStripShowsWhereTheStreamAndEachProblemSitInTheWholeImage(FxRobot robot) throws Exception {
        window.loadSample(robot);
        OverviewStrip strip = window.overview();
        assertFalse(strip.isVisible() || strip.isManaged(), "a bare stream has no overview");

        byte[] image = SaveImageWriter.image(SaveImageWriter.Kind.XL_V2, Fixtures.xenServer62().bytes(), 64);
        window.load(robot, write("guest.xl", image));
        assertTrue(strip.isVisible() && strip.isManaged());
        assertEquals(OverviewStrip.WIDTH, strip.getWidth(), 0.5);
        ImageOverview o = strip.overview();
        assertEquals(14, o.bands().size());
        assertEquals(263_205, o.stream().start());
        // theme-light.css: -overview-pages, -overview-stream, -sev-error
        Color pages = Color.web("#d5d9e0");
        Color stream = Color.web("#1f5fd6");
        Color error = Color.web("#d93025");
        WritableImage img = GuiHarness.fx(robot, () -> strip.snapshot(null, null));
        double[] pagesBox = strip.bandBox(o.bands().get(6));
        double[] streamBox = strip.bandBox(o.stream());
        assertTrue(pagesBox[1] > 100, "guest memory takes most of the strip: " + pagesBox[1]);
        assertTrue(streamBox[1] >= OverviewStrip.MIN_STREAM, "the stream is never thinner than a few pixels");
        assertTrue(near(pixel(img, 3, pagesBox[0] + pagesBox[1] / 2), pages), "pages: " + pixel(img, 3, pagesBox[0] + pagesBox[1] / 2));
        // the frame round the rows on screen is drawn over the stream's band (the hex pane shows its error): most
        // of the band has the stream's colour
        int blue = 0;
        for (int y = (int) Math.ceil(streamBox[0]); y < streamBox[0] + streamBox[1] - 0.5; y++) {
            blue += near(pixel(img, 3, y), stream) ? 1 : 0;
        }
        assertTrue(blue >= streamBox[1] / 2, "stream: " + blue + " of " + streamBox[1] + " px");
        // each problem: a tick at its place at the strip's right edge; where an error and a note meet, the error
        for (Diagnostic d : o.problems()) {
            double y = strip.y(o.fraction(d.offset()));
            assertTrue(y >= streamBox[0] - 2 && y <= streamBox[0] + streamBox[1] + 2, d.code() + " in the stream's band");
        }
        Diagnostic failed = o.problems().get(0);
        assertEquals(DiagnosticCode.LOADER_FAILED, failed.code());
        assertEquals(DiagnosticCode.XENSERVER_FINGERPRINT, o.problems().get(1).code());
        assertEquals(failed.offset(), o.problems().get(1).offset(), "a note at the error's offset");
        assertTrue(near(pixel(img, OverviewStrip.WIDTH - 3, Math.round(strip.y(o.fraction(failed.offset())) - 1.5) + 1), error),
                "the error's tick is drawn over the note's");

        // a click on the pages band goes to the record's first byte; on a tick, to the problem
        Point2D onPages = GuiHarness.fx(robot, () -> strip.localToScreen(3, pagesBox[0] + pagesBox[1] / 2));
        robot.clickOn(onPages);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(133, window.hex.cursor());
        Diagnostic mismatch = o.problems().get(3);
        assertEquals(DiagnosticCode.VERSION_LABEL_MISMATCH, mismatch.code());
        Point2D onTick = GuiHarness.fx(robot, () -> strip.localToScreen(OverviewStrip.WIDTH - 3, strip.y(o.fraction(mismatch.offset()))));
        robot.clickOn(onTick);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(mismatch, window.session().problem());
        assertEquals(mismatch.offset(), window.hex.cursor());
    }
}
