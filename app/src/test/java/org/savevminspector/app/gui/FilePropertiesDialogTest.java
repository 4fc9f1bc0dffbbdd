package org.savevminspector.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.savevminspector.container.ContainerIndex;
import org.savevminspector.container.ContainerIndexer;
import org.savevminspector.fixtures.Fixtures;
import org.savevminspector.fixtures.SaveImageWriter;
import org.savevminspector.io.ByteSource;
import org.savevminspector.report.Sha256;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** File → Properties: the facts, both hashes in the background, and Cancel (headless). */
@ExtendWith(ApplicationExtension.class)
class FilePropertiesDialogTest {
    static {
        GuiTestSupport.init();
    }

    private static final byte[] QEVM = Fixtures.defaultGuest().bytes();

    @TempDir
    static Path tmp;

    private Stage stage;

    @Start
    void start(Stage s) {
        stage = s;
        s.setScene(new Scene(new StackPane(), 320, 200));
        s.show();
    }

    @Test
    void factsOfAnImageNameItsContainerAndStream() throws Exception {
        byte[] image = SaveImageWriter.image(SaveImageWriter.Kind.XL_V2, QEVM, 3);
        Path f = Files.write(tmp.resolve("guest.xl"), image);
        ContainerIndex idx = ContainerIndexer.standard().index(ByteSource.of(image));
        List<FilePropertiesDialog.Fact> facts = FilePropertiesDialog.facts(f, idx);
        assertEquals(List.of(
                new FilePropertiesDialog.Fact("File", f.toAbsolutePath().toString()),
                new FilePropertiesDialog.Fact("Size", String.format("%,d bytes (%s)", image.length,
                        FilePropertiesDialog.human(image.length))),
                new FilePropertiesDialog.Fact("Modified",
                        Files.getLastModifiedTime(f).toInstant().truncatedTo(ChronoUnit.SECONDS).toString()),
                new FilePropertiesDialog.Fact("Container", "xl-v2 (libxl migration stream v2 (Xen ≥ 4.6))"),
                new FilePropertiesDialog.Fact("QEVM stream", String.format("offset %,d, %,d bytes",
                        idx.qevm().offset(), QEVM.length))), facts);
        assertEquals("4.0 GiB", FilePropertiesDialog.human(4L << 30));
        assertEquals("7.3 KiB", FilePropertiesDialog.human(7520));
        assertEquals("512 B", FilePropertiesDialog.human(512));
    }

    @Test
    void bothHashesArriveInTheBackground(FxRobot robot) throws Exception {
        byte[] image = SaveImageWriter.image(SaveImageWriter.Kind.XENSERVER_V2, QEVM, 700); // about 2.8 MiB
        Path f = Files.write(tmp.resolve("guest.xs"), image);
        ContainerIndex idx = ContainerIndexer.standard().index(ByteSource.of(image));
        FilePropertiesDialog[] d = new FilePropertiesDialog[1];
        robot.interact(() -> d[0] = FilePropertiesDialog.show(stage, f, "guest.xs", idx));
        GuiTestSupport.waitUntil(() -> "done".equals(d[0].status.getText()));
        assertEquals(Sha256.of(image), d[0].fileHash.getText());
        assertEquals(Sha256.of(QEVM), d[0].streamHash.getText());
        assertEquals(1.0, d[0].progress.getProgress());
        assertTrue(d[0].cancel.isDisabled());
        robot.interact(d[0].dialog::close);
    }

    @Test
    void cancelStopsTheWholeFileHashAndComputeStartsItAgain(FxRobot robot) throws Exception {
        Path big = tmp.resolve("big.img");
        try (RandomAccessFile r = new RandomAccessFile(big.toFile(), "rw")) {
            r.setLength(8L << 30); // a hole: minutes to hash, nothing on disk
        }
        FilePropertiesDialog[] d = new FilePropertiesDialog[1];
        robot.interact(() -> d[0] = FilePropertiesDialog.show(stage, big, "big.img", null));
        GuiTestSupport.waitUntil(() -> "hashing…".equals(d[0].status.getText()));
        robot.clickOn("#hashCancel");
        GuiTestSupport.waitUntil(() -> "cancelled".equals(d[0].status.getText()));
        assertEquals("", d[0].fileHash.getText());
        assertFalse(d[0].compute.isDisabled());
        robot.clickOn("#hashCompute");
        GuiTestSupport.waitUntil(() -> "hashing…".equals(d[0].status.getText()));
        robot.interact(d[0].dialog::close); // closing cancels too
        GuiTestSupport.waitUntil(() -> "cancelled".equals(d[0].status.getText()));
    }
}
