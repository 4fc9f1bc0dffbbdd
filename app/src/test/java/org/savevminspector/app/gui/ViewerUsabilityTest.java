package org.savevminspector.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableRow;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.savevminspector.app.gui.hex.HexView;
import org.savevminspector.app.gui.model.HighlightKind;
import org.savevminspector.app.gui.model.StructureNode;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.diagnostics.DiagnosticCode;
import org.savevminspector.diagnostics.Severity;
import org.savevminspector.fixtures.Fixtures;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Issue 7, point by point: what a new user meets on open, at the keyboard, and in each pane. Headless (Monocle). */
@GuiTest
class ViewerUsabilityTest {

    @TempDir
    static Path tmp;

    private GuiHarness window;
    private Stage stage;
    private final LayoutMemory.Store layout = LayoutMemory.memoryStore();

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = GuiHarness.show(stage, tmp, layout);
    }

    private void open(FxRobot robot, String name, byte[] bytes) throws Exception {
        window.load(robot, Files.write(tmp.resolve(name), bytes));
    }

    private <T> T fx(FxRobot robot, Supplier<T> s) {
        Object[] out = new Object[1];
        robot.interact(() -> out[0] = s.get());
        @SuppressWarnings("unchecked")
        T t = (T) out[0];
        return t;
    }

    private List<Diagnostic> diagnostics() {
        return window.document().inspection().diagnostics();
    }

    private TreeTableRow<?> treeRow(FxRobot robot, String name) {
        robot.interact(() -> {
            for (TreeItem<StructureNode> i : window.tree.getRoot().getChildren()) {
                if (i.getValue().name().equals(name)) {
                    int r = window.tree.getRow(i);
                    var flow = (javafx.scene.control.skin.VirtualFlow<?>) window.tree.lookup(".virtual-flow");
                    if (flow.getFirstVisibleCell() == null || r < flow.getFirstVisibleCell().getIndex()
                            || r > flow.getLastVisibleCell().getIndex() - 1) {
                        window.tree.scrollTo(Math.max(0, r - 2));
                    }
                }
            }
        });
        GuiHarness.waitUntil(() -> robot.from(window.tree).lookup(".tree-table-row-cell").match((TreeTableRow<?> r) ->
                r.getItem() instanceof StructureNode n && n.name().equals(name)).tryQuery().isPresent());
        return robot.from(window.tree).lookup(".tree-table-row-cell").match((TreeTableRow<?> r) ->
                r.getItem() instanceof StructureNode n && n.name().equals(name)).query();
    }

    /** The text a cell really shows (with the ellipsis when it is cut), not the text it was given. */
    private static String shown(Labeled l) {
        Text t = (Text) l.lookup(".text");
        return t == null ? "" : t.getText();
    }

    // ---------------------------------------------------------------- 1

    @Test
    void point1_openSelectsAndRevealsTheFirstErrorShowsTheMismatchAndMarksTheScrollBars(FxRobot robot) {
        window.loadSample(robot);
        StructureNode sel = window.tree.selectedNode();
        assertEquals("piix4acpi › header › version_id", sel.path());
        assertEquals(7230, window.hex.selectionStartProperty().get());
        assertEquals(4, window.hex.selectionLengthProperty().get());
        long row = 7230 / 16;
        assertTrue(window.hex.firstVisibleRow() <= row && row < window.hex.firstVisibleRow() + window.hex.visibleRows(),
                "the hex pane shows the error's bytes");
        assertTrue(window.detail.text().contains("VERSION_LABEL_MISMATCH"), window.detail.text());
        assertEquals(DiagnosticCode.VERSION_LABEL_MISMATCH, window.diagnostics().selectedDiagnostic().code());
        // the tree row of the error is on screen, and the section row says 2≠1 as the CLI does
        assertTrue(treeRow(robot, "version_id").isSelected());
        TreeTableRow<?> acpi = treeRow(robot, "piix4acpi");
        assertTrue(robot.from(acpi).lookup(".tree-table-cell").match((TreeTableCell<?, ?> c) -> "2≠1".equals(c.getText()))
                .tryQuery().isPresent(), "Ver column shows 2≠1");

        // a tick per problem on both scroll bars, errors among them
        long problems = diagnostics().stream().filter(d -> d.severity().atLeast(Severity.NOTE)).count();
        assertEquals(problems, window.hexMarkers.marks().size());
        assertEquals(problems, window.treeMarkers.marks().size());
        MarkerStrip.Mark mismatch = window.hexMarkers.marks().stream()
                .filter(m -> m.diagnostic().code() == DiagnosticCode.VERSION_LABEL_MISMATCH).findFirst().orElseThrow();
        assertEquals(7230.0 / 7520, mismatch.fraction(), 0.01);
        // clicking a tick goes to its problem
        Diagnostic gpe = diagnostics().get(0);
        MarkerStrip.Mark t = window.hexMarkers.marks().stream().filter(m -> m.diagnostic() == gpe).findFirst().orElseThrow();
        Point2D p = fx(robot, () -> window.hexMarkers.localToScreen(MarkerStrip.WIDTH / 2, window.hexMarkers.y(t)));
        robot.clickOn(p);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(gpe.offset(), window.hex.cursor());
        assertEquals(gpe, window.diagnostics().selectedDiagnostic());
    }

    // ---------------------------------------------------------------- 2

    /** Focuses one pane; each returns the node that should then have the focus. */
    private void focus(FxRobot robot, String pane) {
        robot.interact(() -> {
            TabPane tabs = (TabPane) window.stage().getScene().lookup("#bottomTabs");
            switch (pane) {
                case "tree" -> window.tree.requestFocus();
                case "hex" -> window.hex.requestFocus();
                case "diagnostics" -> {
                    tabs.getSelectionModel().select(1);
                    window.diagnostics().requestFocus();
                }
                case "data" -> {
                    tabs.getSelectionModel().select(2);
                    window.dataTable().requestFocus();
                }
                case "loader" -> {
                    tabs.getSelectionModel().select(3);
                    window.loaderPane().reads.requestFocus();
                }
                default -> throw new IllegalArgumentException(pane);
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void point2_everyDocumentedKeyWorksFromEveryPane(FxRobot robot) {
        window.loadSample(robot);
        List<Diagnostic> ds = diagnostics();
        for (String pane : List.of("tree", "hex", "diagnostics", "data", "loader")) {
            robot.interact(() -> window.goTo(0));
            focus(robot, pane);
            robot.type(KeyCode.F2);
            assertEquals(ds.get(0).offset(), window.hex.cursor(), "F2 from the " + pane);
            assertEquals(ds.get(0), window.diagnostics().selectedDiagnostic(), "F2 from the " + pane);
            focus(robot, pane);
            robot.press(KeyCode.SHIFT).type(KeyCode.F2).release(KeyCode.SHIFT);
            assertEquals(ds.get(ds.size() - 1), window.diagnostics().selectedDiagnostic(), "Shift+F2 from the " + pane);
            robot.interact(() -> window.goTo(0));
            focus(robot, pane);
            robot.type(KeyCode.F8);
            assertEquals("ram (start)", window.tree.selectedNode().name(), "F8 from the " + pane);
            focus(robot, pane);
            robot.press(KeyCode.ALT).type(KeyCode.DOWN).release(KeyCode.ALT);
            assertEquals("ram (part)", window.tree.selectedNode().name(), "Alt+Down from the " + pane);
            focus(robot, pane);
            robot.press(KeyCode.SHIFT).type(KeyCode.F8).release(KeyCode.SHIFT);
            assertEquals("ram (start)", window.tree.selectedNode().name(), "Shift+F8 from the " + pane);
            focus(robot, pane);
            robot.type(KeyCode.F7);
            assertEquals("section_type", window.tree.selectedNode().name(), "F7 from the " + pane + " enters the section");
            focus(robot, pane);
            robot.press(KeyCode.CONTROL).type(KeyCode.D).release(KeyCode.CONTROL);
            assertEquals("Diagnostics", selectedTab(), "Ctrl+D from the " + pane);
            focus(robot, pane);
            robot.press(KeyCode.CONTROL).type(KeyCode.L).release(KeyCode.CONTROL);
            assertEquals("Loader", selectedTab(), "Ctrl+L from the " + pane);
        }
    }

    private String selectedTab() {
        return ((TabPane) window.stage().getScene().lookup("#bottomTabs")).getSelectionModel().getSelectedItem().getText();
    }

    @Test
    void point2_problemSteppingContinuesFromTheCursorAndSaysWhenItWraps(FxRobot robot) {
        window.loadSample(robot);
        List<Diagnostic> ds = diagnostics();
        // on open the mismatch (problem 2) is current; after a click elsewhere, stepping starts from the click
        robot.interact(() -> window.goTo(0x40));
        robot.type(KeyCode.F2);
        assertEquals(ds.get(0), window.diagnostics().selectedDiagnostic());
        robot.interact(() -> window.goTo(7519));
        robot.type(KeyCode.F2);
        assertEquals(ds.get(0), window.diagnostics().selectedDiagnostic());
        assertTrue(window.statusLine.message().contains("wrapped round to the first problem"),
                window.statusLine.message());
        robot.press(KeyCode.SHIFT).type(KeyCode.F2).release(KeyCode.SHIFT);
        assertEquals(ds.get(ds.size() - 1), window.diagnostics().selectedDiagnostic());
        assertTrue(window.statusLine.message().contains("wrapped round to the last problem"));
        robot.press(KeyCode.SHIFT).type(KeyCode.F2).release(KeyCode.SHIFT);
        assertEquals(ds.get(ds.size() - 2), window.diagnostics().selectedDiagnostic());
        assertFalse(window.statusLine.message().contains("wrapped"));
    }

    // ---------------------------------------------------------------- 3

    private static Color rowFill(javafx.scene.layout.Region row) {
        List<BackgroundFill> fills = row.getBackground().getFills();
        return (Color) fills.get(fills.size() - 1).getFill();
    }

    private static Color textFill(Node row) {
        for (Node n : row.lookupAll(".text")) {
            if (n instanceof Text t && t.getText() != null && !t.getText().isBlank()) {
                return (Color) t.getFill();
            }
        }
        throw new AssertionError("no text in " + row);
    }

    /** The colour most pixels of {@code img} have: a pane's background under its text. */
    private static Color commonestColour(javafx.scene.image.Image img) {
        java.util.Map<Integer, Integer> counts = new java.util.HashMap<>();
        var r = img.getPixelReader();
        for (int y = 0; y < (int) img.getHeight(); y++) {
            for (int x = 0; x < (int) img.getWidth(); x++) {
                counts.merge(r.getArgb(x, y), 1, Integer::sum);
            }
        }
        int argb = counts.entrySet().stream().max(java.util.Map.Entry.comparingByValue()).orElseThrow().getKey();
        return Color.rgb((argb >> 16) & 0xFF, (argb >> 8) & 0xFF, argb & 0xFF);
    }

    /** WCAG contrast ratio. */
    private static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(Color c) {
        return 0.2126 * lin(c.getRed()) + 0.7152 * lin(c.getGreen()) + 0.0722 * lin(c.getBlue());
    }

    private static double lin(double v) {
        return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    @Test
    void point3_selectionAlwaysWinsOverErrorWarningAndTrailingStylesInBothThemes(FxRobot robot) {
        window.loadSample(robot);
        for (boolean dark : new boolean[] {false, true}) {
            if (dark) {
                robot.interact(window::toggleTheme);
                WaitForAsyncUtils.waitForFxEvents();
            }
            String theme = dark ? "dark" : "light";
            // tree: the piix4acpi error row and the trailing-bytes row, unselected then selected
            for (String name : List.of("piix4acpi", "trailing bytes")) {
                robot.interact(() -> window.tree.getSelectionModel().clearSelection());
                TreeTableRow<?> row = treeRow(robot, name);
                Color before = fx(robot, () -> rowFill(row));
                robot.interact(() -> window.tree.getSelectionModel().select(row.getIndex()));
                TreeTableRow<?> sel = treeRow(robot, name);
                assertTrue(sel.isSelected());
                Color after = fx(robot, () -> rowFill(sel));
                assertNotEquals(before, after, theme + ": selected '" + name + "' row looks like an unselected one");
                Color text = fx(robot, () -> textFill(sel));
                assertTrue(contrast(text, after) >= 4.5, theme + ": selected '" + name + "' text contrast " + contrast(text, after));
            }
            // the diagnostics table: an error row, selected, is readable and differs from the unselected style
            robot.interact(window::showDiagnostics);
            WaitForAsyncUtils.waitForFxEvents();
            TreeTableRow<?> err = robot.from(window.diagnostics()).lookup(".tree-table-row-cell").match((TreeTableRow<?> r) ->
                    r.getItem() instanceof DiagnosticsTable.Row d && d.diagnostic() != null && !r.isSelected()
                            && d.diagnostic().severity() == Severity.ERROR).query();
            Color before = fx(robot, () -> rowFill(err));
            Color beforeText = fx(robot, () -> textFill(err));
            assertTrue(contrast(beforeText, before) >= 4.5, theme + ": unselected error row text contrast " + contrast(beforeText, before));
            robot.interact(() -> window.diagnostics().getSelectionModel().select(err.getIndex()));
            WaitForAsyncUtils.waitForFxEvents();
            Color after = fx(robot, () -> rowFill(err));
            Color text = fx(robot, () -> textFill(err));
            assertNotEquals(before, after, theme + ": selected diagnostic row");
            assertTrue(contrast(text, after) >= 4.5, theme + ": selected diagnostic text contrast " + contrast(text, after));
            // the status bar's labels are readable on its background
            Color statusText = (Color) fx(robot, () -> window.statusLine.file.getTextFill());
            Color statusBg = fx(robot, () -> commonestColour(window.status.snapshot(null, null)));
            assertTrue(contrast(statusText, statusBg) >= 4.5, theme + ": status bar text contrast " + contrast(statusText, statusBg));
        }
        robot.interact(window::toggleTheme);
    }

    // ---------------------------------------------------------------- 4

    @Test
    void point4_clickingDiagnosticsKeepsTheTabTheyAreGroupedWithCountsIdstrAndFullMessage(FxRobot robot) {
        window.loadSample(robot);
        robot.clickOn("#severityButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Diagnostics", selectedTab());
        List<String> groups = fx(robot, () -> window.diagnostics().getRoot().getChildren().stream()
                .map(g -> g.getValue().severityText()).toList());
        assertEquals(List.of("error (3)", "warn (1)", "note (2)"), groups);
        for (Diagnostic d : List.of(diagnostics().get(3), diagnostics().get(5), diagnostics().get(0))) {
            robot.interact(() -> window.diagnostics().scrollTo(Math.max(0, window.diagnostics().rowOf(d) - 1)));
            WaitForAsyncUtils.waitForFxEvents();
            TreeTableRow<?> row = robot.from(window.diagnostics()).lookup(".tree-table-row-cell").match((TreeTableRow<?> r) ->
                    r.getItem() instanceof DiagnosticsTable.Row x && x.diagnostic() == d).query();
            robot.clickOn(row);
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals("Diagnostics", selectedTab(), "clicking a diagnostic keeps the Diagnostics tab");
            assertEquals(Math.min(d.offset(), 7519), window.hex.cursor());
            assertEquals(d, window.diagnostics().selectedDiagnostic());
            assertTrue(row.getTooltip().getText().contains(d.message()), "the full message on hover");
        }
        robot.interact(() -> window.diagnostics().scrollTo(0));
        WaitForAsyncUtils.waitForFxEvents();
        TreeTableRow<?> mismatch = robot.from(window.diagnostics()).lookup(".tree-table-row-cell").match((TreeTableRow<?> r) ->
                r.getItem() instanceof DiagnosticsTable.Row x && x.diagnostic() != null
                        && x.diagnostic().code() == DiagnosticCode.VERSION_LABEL_MISMATCH).query();
        assertTrue(robot.from(mismatch).lookup(".tree-table-cell").match((TreeTableCell<?, ?> c) -> "piix4acpi".equals(c.getText()))
                .tryQuery().isPresent(), "the idstr column");
    }

    // ---------------------------------------------------------------- 5

    @Test
    void point5_resizeKeepsTreeColumnsReadableGivesWidthToTheTreeAndTheLayoutIsRemembered(FxRobot robot) {
        assertTrue(stage.getScene().getWidth() <= 1366 && stage.getScene().getHeight() <= 768 - 40,
                "default size fits 1366x768: " + stage.getScene().getWidth() + "x" + stage.getScene().getHeight());
        window.loadSample(robot);
        double previousTree = 0;
        for (double w : new double[] {1024, 1280, 1366, 1520}) {
            window.resize(robot, w, 740);
            for (TreeTableColumn<StructureNode, ?> c : window.tree.getColumns()) {
                assertTrue(c.getWidth() >= c.getMinWidth() - 0.5, w + " px: column " + c.getText() + " " + c.getWidth());
            }
            for (Node n : robot.from(window.tree).lookup(".tree-table-cell").queryAll()) {
                TreeTableCell<?, ?> cell = (TreeTableCell<?, ?>) n;
                String title = cell.getTableColumn() == null ? "" : cell.getTableColumn().getText();
                if (cell.getText() != null && !cell.getText().isEmpty() && cell.isVisible()
                        && List.of("Type", "Inst", "Ver", "Offset", "Length").contains(title)) {
                    assertEquals(cell.getText(), fx(robot, () -> shown(cell)), w + " px: " + title + " cell cut");
                }
            }
            assertTrue(window.hex.getWidth() >= window.hex.contentWidth() - 1, w + " px: hex pane cut");
            double tree = window.tree.getWidth();
            assertTrue(tree >= previousTree, w + " px: the tree got narrower (" + tree + " < " + previousTree + ")");
            previousTree = tree;
        }
        // extra width goes to the tree, not to blank hex pane
        assertTrue(window.hex.getWidth() < window.hex.contentWidth() + 40, "hex pane " + window.hex.getWidth());

        // remembered: size and a dragged divider come back in a new window
        window.resize(robot, 1300, 700);
        robot.interact(() -> {
            window.top.setDividerPositions(0.4);
            window.main.setDividerPositions(0.55);
            window.saveLayout();
        });
        GuiHarness[] second = new GuiHarness[1];
        robot.interact(() -> {
            second[0] = GuiHarness.show(new Stage(), tmp, layout);
        });
        WaitForAsyncUtils.waitForFxEvents();
        try {
            assertEquals(1300, second[0].stage().getScene().getWidth(), 1);
            assertEquals(700, second[0].stage().getScene().getHeight(), 1);
            assertEquals(0.4, second[0].top.getDividerPositions()[0], 0.02);
            assertEquals(0.55, second[0].main.getDividerPositions()[0], 0.02);
            assertFalse(second[0].hexFitted());
        } finally {
            robot.interact(() -> second[0].stage().close());
        }
    }

    // ---------------------------------------------------------------- 6

    @Test
    void point6_statusBarBadgeIsWholeAndNothingStaleSurvivesAnotherFileOrClose(FxRobot robot) throws Exception {
        window.resize(robot, 1280, 720);
        window.loadSample(robot);
        Button badge = robot.lookup("#severityButton").queryButton();
        assertEquals("3 errors", badge.getText()); // issue 18: the count of the gravest severity, not of all six
        assertEquals(badge.getText(), fx(robot, () -> shown(badge)), "badge not ellipsised at 1280 px");
        assertTrue(window.status.lookupAll(".status-separator").size() >= 4);
        assertEquals("piix4acpi › header › version_id", window.statusLine.path.getText());
        robot.interact(() -> window.tree.scrollTo(window.tree.getExpandedItemCount() - 1));

        open(robot, "clean.qevm", Fixtures.defaultGuest().bytes());
        assertNotEquals("piix4acpi › header › version_id", window.statusLine.path.getText(), "stale node path");
        GuiHarness.waitUntil(() -> {
            var flow = (javafx.scene.control.skin.VirtualFlow<?>) window.tree.lookup(".virtual-flow");
            return flow.getFirstVisibleCell() != null && flow.getFirstVisibleCell().getIndex() == 0;
        });
        robot.press(KeyCode.CONTROL).type(KeyCode.W).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(window.document());
        assertEquals("", window.statusLine.path.getText());
        assertEquals("", window.statusLine.cursor.getText());
        assertEquals("No file", window.statusLine.file.getText());
    }

    // ---------------------------------------------------------------- 7

    @Test
    void point7_hexHeaderZoomLegendContextMenusAndTooltipsThatFollowTheScroll(FxRobot robot) {
        window.loadSample(robot);
        assertEquals(10, window.hex.hexLayout().hexCell(0), "hex columns two cells after the 8-digit offset");
        Bounds first = fx(robot, () -> {
            window.hex.scrollToRow(0);
            return window.hex.hexCellBounds(0);
        });
        assertTrue(first.getMinY() >= first.getHeight(), "a header row above the first byte row");
        // ten layers, and (issue 18) the bookmarks
        assertEquals(11, robot.lookup("#hexLegend").queryAs(javafx.scene.layout.Pane.class).getChildren().size());

        robot.clickOn(window.hex);
        double base = window.hex.fontSize();
        robot.press(KeyCode.CONTROL).type(KeyCode.EQUALS).release(KeyCode.CONTROL);
        assertEquals(base + 1, window.hex.fontSize());
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.EQUALS).release(KeyCode.SHIFT, KeyCode.CONTROL);
        assertEquals(base + 2, window.hex.fontSize(), "Ctrl+plus");
        robot.press(KeyCode.CONTROL).type(KeyCode.MINUS).release(KeyCode.CONTROL);
        assertEquals(base + 1, window.hex.fontSize());
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT0).release(KeyCode.CONTROL);
        assertEquals(HexView.DEFAULT_FONT_SIZE, window.hex.fontSize());
        GuiHarness.waitUntil(() -> window.hex.getWidth() >= window.hex.contentWidth() - 1);

        // right click on a byte of the gpe section, then Select Section
        robot.interact(() -> window.hex.reveal(7040));
        Point2D p = fx(robot, () -> {
            Bounds b = window.hex.hexCellBounds(7040);
            return window.hex.localToScreen(b.getCenterX(), b.getCenterY());
        });
        rightClick(robot, window.hex, p);
        assertEquals(7040, window.hex.cursor());
        robot.clickOn("Select Section");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("gpe", window.tree.selectedNode().name());
        assertEquals(7032, window.hex.selectionStartProperty().get());
        // the tree's menu: Copy Offset of the row clicked
        TreeTableRow<?> devfn = treeRow(robot, "pci_devfn");
        Point2D rp = fx(robot, () -> devfn.localToScreen(devfn.getWidth() / 3, devfn.getHeight() / 2));
        rightClick(robot, devfn, rp);
        assertEquals("pci_devfn", window.tree.selectedNode().name());
        robot.clickOn("Copy Offset");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("0x1B92", fx(robot, () -> Clipboard.getSystemClipboard().getString()));

        // a still mouse over the hex pane: scrolling changes the bytes under it, and the tooltip with them
        robot.interact(() -> window.hex.scrollToRow(0));
        Point2D over = fx(robot, () -> {
            Bounds b = window.hex.hexCellBounds(0x20);
            return window.hex.localToScreen(b.getCenterX(), b.getCenterY());
        });
        robot.moveTo(over);
        GuiHarness.waitUntil(() -> window.hex.tooltipShown() != null);
        String before = window.hex.tooltipShown();
        robot.interact(() -> window.hex.scrollToRow(7216 / 16 - 2)); // the mouse's row now shows offset 7216
        GuiHarness.waitUntil(() -> window.hex.tooltipShown() != null && !window.hex.tooltipShown().equals(before));
        assertTrue(window.hex.tooltipShown().startsWith("piix4acpi"), window.hex.tooltipShown());
    }

    /**
     * A right click: the robot's press and release (which select), then the context-menu request, fired by hand
     * because Monocle's headless platform does not turn a secondary click into one.
     */
    private void rightClick(FxRobot robot, Node target, Point2D screen) {
        robot.moveTo(screen);
        robot.press(javafx.scene.input.MouseButton.SECONDARY).release(javafx.scene.input.MouseButton.SECONDARY);
        robot.interact(() -> {
            Point2D local = target.screenToLocal(screen);
            javafx.event.Event.fireEvent(target, new javafx.scene.input.ContextMenuEvent(
                    javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED, local.getX(), local.getY(),
                    screen.getX(), screen.getY(), false, null));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    // ---------------------------------------------------------------- 8

    @Test
    void point8_findDetectsHexOrTextWrapsAndClearsItsHighlightAndGoToValidatesInline(FxRobot robot) {
        window.loadSample(robot);
        robot.press(KeyCode.CONTROL).type(KeyCode.F).release(KeyCode.CONTROL);
        robot.write("piix4acpi");
        assertEquals("as text", robot.lookup("#findDetected").queryLabeled().getText());
        robot.interact(() -> window.goTo(7300));
        robot.interact(window.findBar()::findNext);
        GuiHarness.waitUntil(() -> window.findBar().resultText().contains(" at 0x"));
        assertTrue(window.findBar().resultText().contains("wrapped round to the start"), window.findBar().resultText());
        assertEquals(7217, window.hex.cursor());
        assertTrue(window.highlights().layers(7217, 7226).stream().anyMatch(h -> h.kind() == HighlightKind.MATCH));
        robot.interact(() -> window.findBar().field.setText("1F 40"));
        assertEquals("as hex", robot.lookup("#findDetected").queryLabeled().getText());
        robot.clickOn("#findClose");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(window.findBar().isVisible());
        assertTrue(window.highlights().layers(0, 7520).stream().noneMatch(h -> h.kind() == HighlightKind.MATCH),
                "the match highlight goes with the bar");

        // Go to: Ctrl+G, a relative offset, checked as it is typed
        robot.interact(() -> {
            window.goTo(0x1C2B);
            window.hex.requestFocus();
        });
        robot.press(KeyCode.CONTROL).type(KeyCode.G).release(KeyCode.CONTROL);
        GuiHarness.waitUntil(() -> robot.lookup("#gotoField").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#gotoField").queryTextInputControl().setText("zz"));
        assertTrue(robot.lookup("#gotoOk").query().isDisabled());
        assertTrue(robot.lookup("#gotoFeedback").queryLabeled().getText().contains("not an offset"));
        robot.interact(() -> robot.lookup("#gotoField").queryTextInputControl().setText("+99999"));
        assertTrue(robot.lookup("#gotoOk").query().isDisabled());
        assertTrue(robot.lookup("#gotoFeedback").queryLabeled().getText().contains("outside the file"));
        robot.interact(() -> robot.lookup("#gotoField").queryTextInputControl().setText("+0x10"));
        assertFalse(robot.lookup("#gotoOk").query().isDisabled());
        assertEquals("Goes to 7227 (0x1C3B).", robot.lookup("#gotoFeedback").queryLabeled().getText());
        robot.clickOn("#gotoOk");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0x1C3B, window.hex.cursor());
    }

    // ---------------------------------------------------------------- 9

    @Test
    void point9_dataInspectorFloatsBitsCharTimeTreeTypeColumnSummariesAndCollisionRows(FxRobot robot) {
        window.loadSample(robot);
        robot.interact(() -> window.goTo(7217)); // 'p' of "piix4acpi"
        List<String> labels = window.dataTable().getItems().stream().map(v -> v.label()).toList();
        assertTrue(labels.containsAll(List.of("f32 LE", "f32 BE", "f64 LE", "f64 BE", "binary", "char", "time32 LE", "time32 BE")),
                labels.toString());
        assertEquals("'p'", window.dataTable().getItems().stream().filter(v -> v.label().equals("char")).findFirst()
                .orElseThrow().value());
        // the tree: a Type column, and no section without a value
        assertTrue(window.tree.getColumns().stream().anyMatch(c -> c.getText().equals("Type")));
        for (TreeItem<StructureNode> i : window.tree.getRoot().getChildren()) {
            assertFalse(org.savevminspector.app.gui.model.NodeColumns.value(window.document().tree(), i.getValue()).isEmpty(),
                    i.getValue().name());
        }
        // the loader's port collision row is coloured
        robot.press(KeyCode.CONTROL).type(KeyCode.L).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            window.main.setDividerPositions(0.25); // room for the loader pane's ports table under its reads
            var ports = window.loaderPane().ports.getItems();
            for (int i = 0; i < ports.size(); i++) {
                if ("collision".equals(ports.get(i).action())) {
                    window.loaderPane().ports.scrollTo(Math.max(0, i - 1));
                }
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        TableRow<?> collision = robot.from(window.loaderPane().ports).lookup(".table-row-cell").match((TableRow<?> r) ->
                r.getItem() instanceof org.savevminspector.loader.PortEvent e && "collision".equals(e.action())).query();
        assertTrue(collision.getStyleClass().contains("port-collision"));
        TableRow<?> other = robot.from(window.loaderPane().ports).lookup(".table-row-cell").match((TableRow<?> r) ->
                r.getItem() instanceof org.savevminspector.loader.PortEvent e && !"collision".equals(e.action())).query();
        assertNotEquals(fx(robot, () -> rowFill(collision)), fx(robot, () -> rowFill(other)));
    }

    // ---------------------------------------------------------------- 10

    @Test
    void point10_exportWithNothingToRepairOrOnAnUnreadableFileSaysSo(FxRobot robot) throws Exception {
        // an empty file and one that is not a savevm stream: one sentence, no dialog of strategies
        open(robot, "empty.bin", Fixtures.empty());
        robot.press(KeyCode.CONTROL).type(KeyCode.E).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.banner.text().contains("empty.bin is not a savevm stream"), window.banner.text());
        assertTrue(robot.lookup("#repairSave").tryQuery().isEmpty(), "no strategies dialog");

        open(robot, "not-a-savefile.bin", Fixtures.badMagic());
        robot.interact(window::exportRepaired);
        assertTrue(window.banner.text().contains("is not a savevm stream"), window.banner.text());
        assertTrue(robot.lookup("#repairSave").tryQuery().isEmpty(), "no strategies dialog");
    }
}
