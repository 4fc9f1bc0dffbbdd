package org.savevminspector.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import javafx.scene.control.TreeItem;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.savevminspector.app.gui.compare.DiffRow;
import org.savevminspector.app.gui.model.Highlight;
import org.savevminspector.app.gui.model.HighlightKind;
import org.savevminspector.app.gui.model.StructureNode;
import org.savevminspector.app.gui.session.ViewSession;
import org.savevminspector.fixtures.Fixtures;
import org.savevminspector.fixtures.SaveImageWriter;
import org.savevminspector.fixtures.VhdWriter;
import org.savevminspector.io.compress.Compression;
import org.savevminspector.loader.LoaderProfiles;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The compare window, headless: opened from the viewer (File → Compare With…, a drop, Repair's "Compare with
 * original") and from the command line, stepping through the differences with F6 / Shift+F6, the same field
 * selected on both sides, the "differences only" switch and the ignore rules.
 */
@GuiTest
class CompareWindowTest {
    /** The sample relabelled as the repair dialog writes it (piix4acpi 2 → 1, the padding kept). */
    private static final byte[] RELABELLED = Arrays.copyOf(Fixtures.piix4acpiRelabelled(), Fixtures.sample().length);

    /** The top-level rows with "differences only" off: file header, the 24 sections, EOF marker, trailing bytes. */
    private static final List<String> EVERY_ROW = List.of("file header", "\"ram\" instance 0", "\"ram\" part",
            "\"ram\" end", "\"timer\" instance 0", "\"fw_cfg\" instance 0", "\"I440FX\" instance 0",
            "\"PIIX3\" instance 0", "\"cirrus_vga\" instance 0", "\"mc146818rtc\" instance 112", "\"platform\" instance 0",
            "\"platform_fixed_ioport\" instance 0", "\"serial\" instance 1016", "\"rtl8139\" instance 32",
            "\"ide\" instance 0", "\"pckbd\" instance 0", "\"ps2kbd\" instance 0", "\"ps2mouse\" instance 0",
            "\"dma\" instance 0", "\"dma\" instance 1", "\"fdc\" instance 1008", "\"uhci\" instance 0", "\"gpe\" instance 0",
            "\"pci_devfn\" instance 0", "\"piix4acpi\" instance 0", "EOF marker", "trailing bytes");

    @TempDir
    static Path tmp;

    private GuiHarness window;

    @Start
    void start(Stage stage) {
        window = GuiHarness.show(stage, tmp);
    }

    @AfterEach
    void closeCompareWindows(FxRobot robot) {
        robot.interact(() -> new ArrayList<>(Window.getWindows()).stream().filter(w -> CompareWindow.of(w) != null)
                .forEach(Window::hide));
    }

    private static Path write(String name, byte[] bytes) throws Exception {
        return Files.write(tmp.resolve(name), bytes);
    }

    /** The compare windows open now (FX thread). */
    private static List<CompareWindow> compareWindows() {
        return Window.getWindows().stream().map(CompareWindow::of).filter(w -> w != null).toList();
    }

    /** Waits until exactly one compare window is open and has compared its files; returns it. */
    private static CompareWindow compared() {
        CompareWindow[] out = new CompareWindow[1];
        GuiHarness.waitUntil(() -> {
            List<CompareWindow> ws = compareWindows();
            out[0] = ws.size() == 1 ? ws.get(0) : null;
            return out[0] != null && !out[0].isRunning() && out[0].session().outline() != null;
        });
        return out[0];
    }

    private static CompareWindow open(FxRobot robot, Path a, Path b) {
        robot.interact(() -> CompareWindow.open(new Stage(), CompareSide.of(a), CompareSide.of(b),
                new TestDialogs()));
        return compared();
    }

    private static <T> T fx(FxRobot robot, Supplier<T> get) {
        List<T> out = new ArrayList<>(1);
        robot.interact(() -> out.add(get.get()));
        return out.get(0);
    }

    /** The items of the list's rows: the top level, or under the row {@code parent}. */
    private static List<String> rows(FxRobot robot, CompareWindow w, String parent) {
        return fx(robot, () -> {
            List<TreeItem<DiffRow>> items = w.list.getRoot().getChildren();
            if (parent != null) {
                items = items.stream().filter(i -> i.getValue().item().equals(parent)).findFirst().orElseThrow()
                        .getChildren();
            }
            return items.stream().map(i -> i.getValue().item()).toList();
        });
    }

    /** What a side shows: the session's node path and bytes, the tree's selected row, the hex pane's range and layer. */
    private static String side(FxRobot robot, ViewSession s, SessionPane p) {
        return fx(robot, () -> {
            StructureNode tree = p.tree.selectedNode();
            Highlight h = p.hexPane.highlights().selected();
            return s.selection().node().path() + " @" + s.selection().start() + "+" + s.selection().length()
                    + " | tree " + (tree == null ? "-" : tree.path())
                    + " | hex " + p.hex().selectionStartProperty().get() + "+" + p.hex().selectionLengthProperty().get()
                    + " | strong " + (h == null ? "-" : h.start() + "-" + h.end());
        });
    }

    /** What the status bar said last (it fades after a few seconds, a slow test machine may read it later). */
    private static String said(FxRobot robot, CompareWindow w) {
        return fx(robot, w::said);
    }

    /** Keys go to the compare window: a click on its summary line (which does nothing else) gives it the focus. */
    private static void press(FxRobot robot, CompareWindow w, KeyCode... keys) {
        robot.clickOn(w.summary);
        robot.press(keys).release(keys);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theSampleAgainstItsRelabelShowsTheOneDifferenceOnBothSides(FxRobot robot) throws Exception {
        Path sample = write("sample.qevm", Fixtures.sample());
        Path relabel = write("sample-relabel.qevm", RELABELLED);
        CompareWindow w = open(robot, sample, relabel);
        assertEquals("Compare — sample.qevm ↔ sample-relabel.qevm", fx(robot, () -> w.stage().getTitle()));
        assertEquals("a: sample.qevm · 7,520 bytes · qevm-v3 · 24 sections", fx(robot, w.headerA::getText));
        assertEquals("b: sample-relabel.qevm · 7,520 bytes · qevm-v3 · 24 sections", fx(robot, w.headerB::getText));
        assertEquals("Sections: 23 same, 1 changed, 0 only in a, 0 only in b · loader (upstream): a aborted, b loaded "
                + "(result 0)", fx(robot, w.summary::getText));
        // differences only: the one changed section with its one field, the first difference shown on both sides
        assertEquals(List.of("\"piix4acpi\" instance 0"), rows(robot, w, null));
        assertEquals(List.of("header › version_id"), rows(robot, w, "\"piix4acpi\" instance 0"));
        assertEquals("Difference 1 of 1", said(robot, w));
        assertEquals("header › version_id", fx(robot, () -> w.list.selectedRow().item()));
        String versionLabel = "piix4acpi › header › version_id @7230+4 | tree piix4acpi › header › version_id | hex 7230+4"
                + " | strong 7230-7234";
        assertEquals(versionLabel, side(robot, w.session().a(), w.paneA));
        assertEquals(versionLabel, side(robot, w.session().b(), w.paneB));
        // both hex panes show the field's bytes and mark them as differing
        for (SessionPane p : List.of(w.paneA, w.paneB)) {
            assertTrue(inView(robot, p, 7230), "the version label is in view");
            assertEquals(List.of(HighlightKind.DIFFERS, HighlightKind.DIFFERS_EDGE), fx(robot, () ->
                    p.hexPane.highlights().layers(7230, 7234).stream().map(Highlight::kind)
                            .filter(k -> k.name().startsWith("DIFFERS")).toList()));
        }

        // the switch lists every pair, and back
        robot.clickOn("#differencesOnly");
        assertEquals(EVERY_ROW, rows(robot, w, null));
        assertEquals("header › version_id", fx(robot, () -> w.list.selectedRow().item()), "the current row stays");
        robot.clickOn("#differencesOnly");
        assertEquals(List.of("\"piix4acpi\" instance 0"), rows(robot, w, null));

        // one difference: F6 and Shift+F6 go round
        press(robot, w, KeyCode.F6);
        assertEquals("Difference 1 of 1 — wrapped round to the first difference", said(robot, w));
        press(robot, w, KeyCode.SHIFT, KeyCode.F6);
        assertEquals("Difference 1 of 1 — wrapped round to the last difference", said(robot, w));

        // the Loader menu simulates both files with another qemu-dm and compares them again
        robot.interact(() -> w.setLoader(LoaderProfiles.byName("xenserver-6.0-6.2")));
        GuiHarness.waitUntil(() -> !w.isRunning() && w.summary.getText().contains("xenserver"));
        assertEquals("Sections: 23 same, 1 changed, 0 only in a, 0 only in b · loader (xenserver-6.0-6.2): both aborted",
                fx(robot, w.summary::getText));
        assertEquals(List.of("\"piix4acpi\" instance 0"), rows(robot, w, null));
        assertEquals("xenserver-6.0-6.2", fx(robot, () -> w.session().b().document().inspection().loader().profile()));
    }

    /** Whether the byte at {@code offset} is on a row the hex pane shows. */
    private static boolean inView(FxRobot robot, SessionPane p, long offset) {
        return fx(robot, () -> {
            long row = offset / 16;
            return row >= p.hex().firstVisibleRow() && row < p.hex().firstVisibleRow() + p.hex().visibleRows();
        });
    }

    @Test
    void aClickOnOneSideSelectsTheSameFieldOnTheOther(FxRobot robot) throws Exception {
        Path sample = write("linked-a.qevm", Fixtures.sample());
        Path relabel = write("linked-b.qevm", RELABELLED);
        CompareWindow w = open(robot, sample, relabel);
        // a byte of serial's lsr in a's hex pane
        robot.clickOn(GuiHarness.hexPoint(robot, w.paneA, 3187));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("serial › lsr @3187+1 | tree serial › lsr | hex 3187+1 | strong 3187-3188",
                side(robot, w.session().a(), w.paneA));
        assertEquals("serial › lsr @3187+1 | tree serial › lsr | hex 3187+1 | strong 3187-3188",
                side(robot, w.session().b(), w.paneB));
        assertNull(fx(robot, w.list::selectedRow), "serial is the same in both files: no row of the list");
        // the gpe row of b's tree
        robot.clickOn(GuiHarness.treeRow(robot, w.paneB, "gpe"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("gpe @7032+26 | tree gpe | hex 7032+26 | strong -", side(robot, w.session().a(), w.paneA));
        // unlinked, the other side stays where it is
        robot.clickOn("#linkedSelection");
        robot.clickOn(GuiHarness.hexPoint(robot, w.paneA, 3187));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("gpe @7032+26 | tree gpe | hex 7032+26 | strong -", side(robot, w.session().b(), w.paneB));
    }

    @Test
    void f6StepsThroughTheDifferencesAndTheIgnoreRulesCompareAgain(FxRobot robot) throws Exception {
        // the upgrade adds pm1a_evt_blk_address (only in b) and drops the padding after the EOF marker (only in a)
        Path sample = write("step-a.qevm", Fixtures.sample());
        Path upgraded = write("step-b.qevm", Fixtures.piix4acpiUpgraded());
        CompareWindow w = open(robot, sample, upgraded);
        assertEquals(List.of("\"piix4acpi\" instance 0", "trailing bytes"), rows(robot, w, null));
        assertEquals("Difference 1 of 2", said(robot, w));
        assertEquals("piix4acpi @7211+301 | tree piix4acpi | hex 7211+301 | strong -", side(robot, w.session().a(), w.paneA));
        assertEquals("piix4acpi › pm1a_evt_blk_address @7512+4 | tree piix4acpi › pm1a_evt_blk_address | hex 7512+4 "
                + "| strong 7512-7516", side(robot, w.session().b(), w.paneB));
        press(robot, w, KeyCode.F6);
        assertEquals("Difference 2 of 2", said(robot, w));
        assertEquals("trailing bytes @7513+7 | tree trailing bytes | hex 7513+7 | strong 7513-7520",
                side(robot, w.session().a(), w.paneA));
        assertEquals("EOF marker @7516+1 | tree EOF marker | hex 7516+1 | strong 7516-7517",
                side(robot, w.session().b(), w.paneB));
        assertEquals("trailing bytes", fx(robot, () -> w.list.selectedRow().item()));
        press(robot, w, KeyCode.F6);
        assertEquals("Difference 1 of 2 — wrapped round to the first difference", said(robot, w));
        press(robot, w, KeyCode.SHIFT, KeyCode.F6);
        assertEquals("Difference 2 of 2 — wrapped round to the last difference", said(robot, w));
        press(robot, w, KeyCode.SHIFT, KeyCode.F6);
        assertEquals("Difference 1 of 2", said(robot, w));

        // leave the new field out: the files are compared again, the same files still open
        var docA = fx(robot, () -> w.session().a().document());
        robot.clickOn("#ignoreGlobs").write("piix4acpi.pm1a*").type(KeyCode.ENTER);
        GuiHarness.waitUntil(() -> !w.isRunning() && rows(w).equals(List.of("trailing bytes")));
        assertEquals(docA, fx(robot, () -> w.session().a().document()));
        assertEquals("Difference 1 of 1", said(robot, w));
        assertTrue(fx(robot, w.summary::getText).endsWith(" · ignoring piix4acpi.pm1a*"), fx(robot, w.summary::getText));
        robot.clickOn("#ignoreVolatile");
        GuiHarness.waitUntil(() -> !w.isRunning() && w.summary.getText().endsWith("ignoring piix4acpi.pm1a*, the volatile set"));
        assertEquals(List.of("trailing bytes"), rows(robot, w, null));
    }

    private static List<String> rows(CompareWindow w) {
        return w.list.getRoot().getChildren().stream().map(i -> i.getValue().item()).toList();
    }

    @Test
    void aCompressedFileAndAVhdAreComparedAtTheBytesTheyHold(FxRobot robot) throws Exception {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (OutputStream o = Compression.GZIP.encoder(gz)) {
            o.write(Fixtures.sample());
        }
        Path packed = write("guest.qevm.gz", gz.toByteArray());
        byte[] image = SaveImageWriter.image(SaveImageWriter.Kind.XL_V2, RELABELLED, 20);
        Path vhd = write("relabelled.vhd", new VhdWriter(1 << 20).blockSize(64 << 10).put(0, image).dynamic());
        CompareWindow w = open(robot, packed, vhd);
        assertEquals("a: guest.qevm.gz (gzip) · 7,520 bytes · qevm-v3 · 24 sections", fx(robot, w.headerA::getText));
        assertEquals("b: relabelled.vhd (vhd) · 1,048,576 bytes · xl-v2 image · 24 sections", fx(robot, w.headerB::getText));
        assertEquals(List.of("\"piix4acpi\" instance 0", "container"), rows(robot, w, null));
        assertEquals(List.of("kind", "records", "record types", "page batches", "pages", "pages with data", "pfn range",
                "page data bytes"), rows(robot, w, "container"));
        // the version label at its offset in the decompressed bytes and in the VHD's virtual disk
        assertEquals("Difference 1 of 9", said(robot, w));
        assertEquals("piix4acpi › header › version_id @7230+4 | tree piix4acpi › header › version_id | hex 7230+4 "
                + "| strong 7230-7234", side(robot, w.session().a(), w.paneA));
        assertEquals("piix4acpi › header › version_id @89875+4 | tree piix4acpi › header › version_id | hex 89875+4 "
                + "| strong 89875-89879", side(robot, w.session().b(), w.paneB));
        assertTrue(fx(robot, () -> w.paneB.hexPane.highlights().layers(89875, 89879).stream()
                .anyMatch(h -> h.kind() == HighlightKind.DIFFERS)));
        // a fact of the container summary is a difference of the list alone: the sides stay where they are
        press(robot, w, KeyCode.F6);
        assertEquals("Difference 2 of 9", said(robot, w));
        assertEquals("kind | raw | xl-v2", fx(robot, () -> w.list.selectedRow().item() + " | " + w.list.selectedRow().a()
                + " | " + w.list.selectedRow().b()));
        assertEquals("piix4acpi › header › version_id @89875+4 | tree piix4acpi › header › version_id | hex 89875+4 "
                + "| strong 89875-89879", side(robot, w.session().b(), w.paneB));
    }

    @Test
    void compareWithAndDropsOpenTheCompareWindowFromTheViewer(FxRobot robot) throws Exception {
        Path relabel = write("dropped-relabel.qevm", RELABELLED);
        Path other = write("dropped-default.qevm", Fixtures.defaultGuest().bytes());
        window.loadSample(robot);
        Path samplePath = window.document().path();
        window.dialogs.openAnswer = relabel;
        // the viewer's loader goes with it
        robot.interact(() -> window.session().useLoader(LoaderProfiles.byName("xenserver-6.5+")));
        robot.clickOn(window.hex);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.D).release(KeyCode.D, KeyCode.SHIFT, KeyCode.CONTROL);
        CompareWindow w = compared();
        assertEquals(List.of(samplePath, relabel), paths(robot, w));
        assertEquals("a: xenserver-6.2-piix4acpi-sample.qevm · 7,520 bytes · qevm-v3 · 24 sections",
                fx(robot, w.headerA::getText));
        assertEquals("Sections: 23 same, 1 changed, 0 only in a, 0 only in b · loader (xenserver-6.5+): both aborted",
                fx(robot, w.summary::getText));
        robot.interact(() -> w.stage().hide());
        robot.interact(() -> window.session().useLoader(LoaderProfiles.upstream()));

        // two files dropped together are compared
        robot.interact(() -> assertTrue(window.handleDrop(List.of(relabel.toFile(), other.toFile()))));
        assertEquals(List.of(relabel, other), paths(robot, compared()));
        robot.interact(() -> compared().stage().hide());
        // one file dropped with Ctrl+Shift held (a link drop) is compared with the open file
        robot.interact(() -> assertTrue(window.handleDrop(List.of(other.toFile()), true)));
        assertEquals(List.of(samplePath, other), paths(robot, compared()));
        assertEquals(samplePath, window.document().path(), "the viewer keeps its file");
        robot.interact(() -> compared().stage().hide());
        // more, or an unreadable one, are refused in one sentence
        robot.interact(() -> assertFalse(window.handleDrop(List.of(relabel.toFile(), other.toFile(), relabel.toFile()))));
        assertEquals("Drop one file to open it, or two to compare them (3 were dropped).", window.banner.text());
        File missing = tmp.resolve("missing.qevm").toFile();
        robot.interact(() -> assertFalse(window.handleDrop(List.of(relabel.toFile(), missing))));
        assertEquals("Cannot compare " + missing + ": no such file.", window.banner.text());
        assertEquals(List.of(), fx(robot, CompareWindowTest::compareWindows));
    }

    private static List<Path> paths(FxRobot robot, CompareWindow w) {
        return fx(robot, () -> List.of(w.session().a().document().path(), w.session().b().document().path()));
    }

    @Test
    void compareWithOriginalAfterARepairComparesTheOriginalWithTheWrittenFile(FxRobot robot) {
        window.loadSample(robot);
        Path original = window.document().path();
        Path out = tmp.resolve("repaired-" + System.nanoTime() + ".qevm");
        window.dialogs.saveAnswer = out;
        robot.interact(window::exportRepaired);
        GuiHarness.waitUntil(() -> !robot.lookup("#repairSave").queryButton().isDisabled());
        robot.clickOn("#repairSave");
        GuiHarness.waitUntil(() -> robot.lookup("#repairCompare").queryButton().isVisible());
        robot.clickOn("#repairCompare");
        CompareWindow w = compared();
        assertEquals(List.of(original, out), paths(robot, w));
        assertEquals(List.of("\"piix4acpi\" instance 0"), rows(robot, w, null));
        assertEquals(List.of("header › version_id"), rows(robot, w, "\"piix4acpi\" instance 0"));
        assertTrue(robot.lookup("#repairCompare").tryQuery().isEmpty(), "the repair dialog closed");
    }

    @Test
    void twoFilesOnTheCommandLineOpenTheCompareWindowAlone(FxRobot robot) throws Exception {
        Path a = write("cli-a.qevm", Fixtures.sample());
        Path b = write("cli-b.qevm", RELABELLED);
        int before = fx(robot, () -> Window.getWindows().size());
        robot.interact(() -> new InspectorApp().show(new Stage(), List.of(a.toString(), b.toString())));
        CompareWindow w = compared();
        assertEquals(List.of(a, b), paths(robot, w));
        assertEquals(before + 1, fx(robot, () -> Window.getWindows().size()), "the compare window and no viewer");
        robot.interact(() -> w.stage().hide());

        Path missing = tmp.resolve("cli-missing.qevm");
        robot.interact(() -> new InspectorApp().show(new Stage(), List.of(a.toString(), missing.toString())));
        CompareWindow[] shown = new CompareWindow[1];
        GuiHarness.waitUntil(() -> (shown[0] = compareWindows().isEmpty() ? null : compareWindows().get(0)) != null);
        assertEquals("Cannot compare " + missing + ": no such file.", fx(robot, () -> shown[0].banner().text()));
        assertNull(fx(robot, () -> shown[0].session().outline()));
    }
}
