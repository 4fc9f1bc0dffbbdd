package org.savevminspector.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.savevminspector.app.gui.model.ContainerOutline;
import org.savevminspector.app.gui.model.NodeKind;
import org.savevminspector.app.gui.model.StructureNode;
import org.savevminspector.app.gui.model.StructureTree;
import javafx.scene.control.TreeItem;
import org.savevminspector.diagnostics.Severity;
import org.savevminspector.diagnostics.DiagnosticCode;
import org.savevminspector.fixtures.Fixtures;
import org.savevminspector.fixtures.SaveImageWriter;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** Save images in the real window (headless): the Container tab, absolute offsets, the embedded-stream offer. */
@GuiTest
class ContainerPaneTest {

    private static final byte[] QEVM = Fixtures.defaultGuest().bytes();

    @TempDir
    static Path tmp;

    private GuiHarness window;

    @Start
    void start(Stage stage) {
        window = GuiHarness.show(stage, tmp);
    }

    @Test
    void anImageShowsItsRecordsAndItsStreamAtImageOffsets(FxRobot robot) throws Exception {
        byte[] image = SaveImageWriter.image(SaveImageWriter.Kind.XENSERVER_V2, QEVM, 3);
        Path f = Files.write(tmp.resolve("guest.xs"), image);
        robot.interact(() -> window.open(f));
        window.waitLoaded();
        long q = window.document().container().qevm().offset();
        assertEquals(image.length, window.document().size(), "the hex pane holds the whole image");
        StructureTree t = window.document().tree();
        assertEquals(q + 8, t.children(t.path(q).get(0)).stream().filter(n -> n.kind() == NodeKind.SECTION)
                .findFirst().orElseThrow().offset(), "first section after the QEVM header");
        robot.interact(() -> { });
        assertTrue(window.containerPane().shownRoots().stream().anyMatch(n -> n.kind() == ContainerOutline.Kind.QEVM
                && n.span().offset() == q));
        assertTrue(window.containerPane().shownRoots().stream().anyMatch(n -> n.kind() == ContainerOutline.Kind.PAGE_RUN));
        assertTrue(window.containerPane().offerButton().isEmpty());
    }

    @Test
    void theTreeShowsTheRecordsOnTopAndSelectingOneSelectsItsBytes(FxRobot robot) throws Exception {
        byte[] image = SaveImageWriter.image(SaveImageWriter.Kind.XL_LEGACY, QEVM, 3);
        Path f = Files.write(tmp.resolve("guest-tree.xl"), image);
        robot.interact(() -> window.open(f));
        window.waitLoaded();
        StructureTree t = window.document().tree();
        var top = window.tree.getRoot().getChildren();
        assertEquals(t.roots().size(), top.size());
        assertTrue(top.stream().allMatch(i -> i.getValue().record() != null), "only container records on top");
        TreeItem<StructureNode> run = top.stream().filter(i -> i.getValue().kind() == NodeKind.PAGE_RUN)
                .findFirst().orElseThrow();
        robot.interact(() -> window.tree.getSelectionModel().select(run));
        assertEquals(run.getValue().offset(), window.hex.selectionStartProperty().get());
        assertEquals(run.getValue().span().length(), window.hex.selectionLengthProperty().get());

        long headerByte = window.document().container().records().stream()
                .filter(r -> r.type().equals("xl-header")).findFirst().orElseThrow().span().offset() + 2;
        robot.interact(() -> window.goTo(headerByte));
        TreeItem<StructureNode> sel = window.tree.getSelectionModel().getSelectedItem();
        while (sel.getParent() != window.tree.getRoot()) {
            sel = sel.getParent();
        }
        assertEquals("xl-header", sel.getValue().record().type(), "a byte of the xl header selects its record");

        // the stream's section nodes sit in the device-model record, at the offsets they had before the tree change
        long q = window.document().container().qevm().offset();
        StructureNode holder = t.path(q).get(0);
        List<StructureNode> sections = t.children(holder).stream().filter(n -> n.kind() == NodeKind.SECTION).toList();
        assertEquals(window.document().inspection().sections().size(), sections.size());
        for (int i = 0; i < sections.size(); i++) {
            assertEquals(window.document().inspection().sections().get(i).span().offset(), sections.get(i).offset());
        }
    }

    @Test
    void theFirstErrorOfAnImageIsSelectedInsideTheDeviceModelRecord(FxRobot robot) throws Exception {
        byte[] image = SaveImageWriter.image(SaveImageWriter.Kind.XL_LEGACY, Fixtures.xenServer62().bytes(), 2);
        Path f = Files.write(tmp.resolve("broken-tree.xl"), image);
        robot.interact(() -> window.open(f));
        window.waitLoaded();
        robot.interact(() -> { });
        TreeItem<StructureNode> sel = window.tree.getSelectionModel().getSelectedItem();
        assertTrue(sel != null && sel.getParent() != window.tree.getRoot(), "selected below the top level");
        assertEquals(Severity.ERROR, window.document().tree().status(sel.getValue()));
        while (sel.getParent() != window.tree.getRoot()) {
            sel = sel.getParent();
        }
        long q = window.document().container().qevm().offset();
        assertTrue(sel.getValue().offset() <= q && q < sel.getValue().end(), "inside the device-model record");
    }

    @Test
    void exportRepairedRewritesTheImageWithItsLengths(FxRobot robot) throws Exception {
        byte[] broken = Fixtures.xenServer62().bytes();
        byte[] image = SaveImageWriter.image(SaveImageWriter.Kind.XL_LEGACY, broken, 2);
        Path f = Files.write(tmp.resolve("broken.xl"), image);
        robot.interact(() -> window.open(f));
        window.waitLoaded();
        Path out = tmp.resolve("fixed-" + System.nanoTime() + ".xl");
        window.dialogs.saveAnswer = out;
        robot.interact(window::exportRepaired);
        GuiHarness.waitUntil(() -> !robot.lookup("#repairSave").queryButton().isDisabled());
        robot.interact(() -> robot.lookup("#strategy-upgrade").queryAs(javafx.scene.control.RadioButton.class).fire());
        GuiHarness.waitUntil(() -> !robot.lookup("#repairSave").queryButton().isDisabled());
        robot.clickOn("#repairSave");
        GuiHarness.waitUntil(() -> robot.lookup("#repairOpen").queryButton().isVisible());
        byte[] written = Files.readAllBytes(out);
        assertEquals(image.length + 4, written.length, "the upgrade inserts 4 bytes");
        org.savevminspector.container.ContainerIndex idx = org.savevminspector.container.ContainerIndexer.standard()
                .index(org.savevminspector.io.ByteSource.of(written));
        assertEquals(broken.length + 4, idx.qevm().length(), "DeviceModelRecord0002's length followed");
        assertTrue(idx.diagnostics().stream().noneMatch(d -> d.severity().atLeast(
                org.savevminspector.diagnostics.Severity.WARN)));
    }

    @Test
    void aFileOfNoKnownContainerOffersItsEmbeddedStream(FxRobot robot) throws Exception {
        byte[] file = Arrays.copyOf(new byte[100], 100 + QEVM.length);
        System.arraycopy(QEVM, 0, file, 100, QEVM.length);
        Path f = Files.write(tmp.resolve("blob.bin"), file);
        robot.interact(() -> window.open(f));
        window.waitLoaded();
        assertTrue(window.document().inspection().has(DiagnosticCode.BAD_MAGIC));
        assertTrue(window.containerPane().offerButton().isPresent());
        robot.interact(() -> window.containerPane().offerButton().get().fire());
        GuiHarness.waitUntil(() -> !window.isLoading() && window.document() != null
                && window.document().displayName().endsWith("@100"));
        assertFalse(window.document().inspection().has(DiagnosticCode.BAD_MAGIC));
        assertEquals(108, window.document().tree().roots().get(1).offset());
    }
}
