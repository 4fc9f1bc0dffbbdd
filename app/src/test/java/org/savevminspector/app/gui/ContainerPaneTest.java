package org.savevminspector.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.savevminspector.app.gui.model.ContainerOutline;
import org.savevminspector.app.gui.model.RecentFiles;
import org.savevminspector.diagnostics.DiagnosticCode;
import org.savevminspector.fixtures.Fixtures;
import org.savevminspector.fixtures.SaveImageWriter;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Save images in the real window (headless): the Container tab, absolute offsets, the embedded-stream offer. */
@ExtendWith(ApplicationExtension.class)
class ContainerPaneTest {
    static {
        GuiTestSupport.init();
    }

    private static final byte[] QEVM = Fixtures.defaultGuest().bytes();

    @TempDir
    static Path tmp;

    private MainWindow window;
    private final TestDialogs dialogs = new TestDialogs();

    @Start
    void start(Stage stage) {
        window = new MainWindow(stage, dialogs, new RecentFiles(tmp.resolve("recent-" + System.nanoTime())));
        stage.show();
    }

    @Test
    void anImageShowsItsRecordsAndItsStreamAtImageOffsets(FxRobot robot) throws Exception {
        byte[] image = SaveImageWriter.image(SaveImageWriter.Kind.XENSERVER_V2, QEVM, 3);
        Path f = Files.write(tmp.resolve("guest.xs"), image);
        robot.interact(() -> window.open(f));
        GuiTestSupport.waitLoaded(window);
        long q = window.document().container().qevm().offset();
        assertEquals(image.length, window.document().size(), "the hex pane holds the whole image");
        assertEquals(q + 8, window.document().tree().roots().get(1).offset(), "first section after the QEVM header");
        robot.interact(() -> { });
        assertTrue(window.containerPane.shownRoots().stream().anyMatch(n -> n.kind() == ContainerOutline.Kind.QEVM
                && n.span().offset() == q));
        assertTrue(window.containerPane.shownRoots().stream().anyMatch(n -> n.kind() == ContainerOutline.Kind.PAGE_RUN));
        assertTrue(window.containerPane.offerButton().isEmpty());
    }

    @Test
    void exportRepairedRewritesTheImageWithItsLengths(FxRobot robot) throws Exception {
        byte[] broken = Fixtures.xenServer62().bytes();
        byte[] image = SaveImageWriter.image(SaveImageWriter.Kind.XL_LEGACY, broken, 2);
        Path f = Files.write(tmp.resolve("broken.xl"), image);
        robot.interact(() -> window.open(f));
        GuiTestSupport.waitLoaded(window);
        Path out = tmp.resolve("fixed-" + System.nanoTime() + ".xl");
        dialogs.saveAnswer = out;
        robot.interact(window::exportRepaired);
        GuiTestSupport.waitUntil(() -> !robot.lookup("#repairSave").queryButton().isDisabled());
        robot.interact(() -> robot.lookup("#strategy-upgrade").queryAs(javafx.scene.control.RadioButton.class).fire());
        GuiTestSupport.waitUntil(() -> !robot.lookup("#repairSave").queryButton().isDisabled());
        robot.clickOn("#repairSave");
        GuiTestSupport.waitUntil(() -> robot.lookup("#repairOpen").queryButton().isVisible());
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
        GuiTestSupport.waitLoaded(window);
        assertTrue(window.document().inspection().has(DiagnosticCode.BAD_MAGIC));
        assertTrue(window.containerPane.offerButton().isPresent());
        robot.interact(() -> window.containerPane.offerButton().get().fire());
        GuiTestSupport.waitUntil(() -> !window.isLoading() && window.document() != null
                && window.document().displayName().endsWith("@100"));
        assertFalse(window.document().inspection().has(DiagnosticCode.BAD_MAGIC));
        assertEquals(108, window.document().tree().roots().get(1).offset());
    }
}
