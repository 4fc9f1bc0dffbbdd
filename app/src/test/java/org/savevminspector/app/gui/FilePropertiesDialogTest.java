package org.savevminspector.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.savevminspector.app.gui.FilePropertiesDialog.Fact;
import org.savevminspector.fixtures.Fixtures;
import org.savevminspector.fixtures.SaveImageWriter;
import org.savevminspector.fixtures.VhdWriter;
import org.savevminspector.io.compress.Compression;
import org.savevminspector.report.Sha256;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * File → Properties: the facts of the open file (and of what it was read out of), both hashes in the background,
 * Cancel and Compute, the menu item.
 */
@GuiTest
class FilePropertiesDialogTest {
    private static final byte[] QEVM = Fixtures.defaultGuest().bytes();

    @TempDir
    static Path tmp;

    private GuiHarness window;

    @Start
    void start(Stage stage) {
        window = GuiHarness.show(stage, tmp);
    }

    private static String modified(Path f) throws Exception {
        return Files.getLastModifiedTime(f).toInstant().truncatedTo(ChronoUnit.SECONDS).toString();
    }

    @Test
    void factsOfAnImageNameItsContainerAndStream(FxRobot robot) throws Exception {
        byte[] image = SaveImageWriter.image(SaveImageWriter.Kind.XL_V2, QEVM, 3);
        Path f = Files.write(tmp.resolve("guest.xl"), image);
        window.load(robot, f);
        long at = window.document().container().qevm().offset();
        assertEquals(List.of(
                new Fact("File", f.toAbsolutePath().toString()),
                new Fact("Size", String.format("%,d bytes (%s)", image.length, FilePropertiesDialog.human(image.length))),
                new Fact("Modified", modified(f)),
                new Fact("Container", "xl-v2 (libxl migration stream v2 (Xen ≥ 4.6))"),
                new Fact("QEVM stream", String.format("offset %,d, %,d bytes", at, QEVM.length))),
                FilePropertiesDialog.facts(window.document()));
        assertEquals("4.0 GiB", FilePropertiesDialog.human(4L << 30));
        assertEquals("7.3 KiB", FilePropertiesDialog.human(7520));
        assertEquals("512 B", FilePropertiesDialog.human(512));
    }

    @Test
    void aCompressedFileIsTheFileAsStoredAndItsLayer(FxRobot robot) throws Exception {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (OutputStream o = Compression.GZIP.encoder(gz)) {
            o.write(Fixtures.sample());
        }
        Path packed = Files.write(tmp.resolve("guest.qevm.gz"), gz.toByteArray());
        robot.interact(() -> window.open(packed));
        window.waitLoaded(); // the document's path is its decompressed copy
        assertEquals(List.of(
                new Fact("File", packed.toAbsolutePath().toString()),
                new Fact("Size", String.format("%,d bytes (%s)", gz.size(), FilePropertiesDialog.human(gz.size()))),
                new Fact("Modified", modified(packed)),
                new Fact("Read out of", String.format("gzip, %,d bytes decompressed to 7,520", gz.size())),
                new Fact("Container", "raw (bare QEVM stream)"),
                new Fact("QEVM stream", "offset 0, 7,520 bytes in the decompressed data")),
                FilePropertiesDialog.facts(window.document()));
        FilePropertiesDialog[] d = new FilePropertiesDialog[1];
        robot.interact(() -> d[0] = FilePropertiesDialog.show(window.stage(), window.document()));
        GuiHarness.waitUntil(() -> "done".equals(d[0].status.getText()) && !d[0].streamHash.getText().isEmpty());
        assertEquals(Sha256.of(gz.toByteArray()), d[0].fileHash.getText(), "the file as stored");
        assertEquals(Sha256.of(Fixtures.sample()), d[0].streamHash.getText(), "the stream as decompressed");
        robot.interact(d[0].dialog::close);
    }

    @Test
    void aVhdIsTheVhdFileWithTheStreamInItsVirtualDisk(FxRobot robot) throws Exception {
        byte[] image = SaveImageWriter.image(SaveImageWriter.Kind.XL_V2, QEVM, 20);
        byte[] disk = new VhdWriter(1 << 20).blockSize(64 << 10).put(0, image).dynamic();
        Path vhd = Files.write(tmp.resolve("suspend.vhd"), disk);
        window.load(robot, vhd);
        long at = window.document().container().qevm().offset();
        List<Fact> facts = FilePropertiesDialog.facts(window.document());
        assertEquals(new Fact("Size", String.format("%,d bytes (%s)", disk.length, FilePropertiesDialog.human(
                disk.length))), facts.get(1));
        assertEquals(new Fact("Read out of", "VHD dynamic, virtual disk of 1,048,576 bytes (1.0 MiB)"), facts.get(3));
        assertEquals(new Fact("QEVM stream", String.format("offset %,d, %,d bytes in the virtual disk", at,
                QEVM.length)), facts.get(5));
        FilePropertiesDialog[] d = new FilePropertiesDialog[1];
        robot.interact(() -> d[0] = FilePropertiesDialog.show(window.stage(), window.document()));
        GuiHarness.waitUntil(() -> "done".equals(d[0].status.getText()) && !d[0].streamHash.getText().isEmpty());
        assertEquals(Sha256.of(disk), d[0].fileHash.getText());
        assertEquals(Sha256.of(QEVM), d[0].streamHash.getText());
        assertEquals(1.0, d[0].progress.getProgress());
        assertTrue(d[0].cancel.isDisabled());
        robot.interact(d[0].dialog::close);
    }

    @Test
    void cancelStopsTheWholeFileHashAndComputeStartsItAgain(FxRobot robot) throws Exception {
        Path big = tmp.resolve("big.xl");
        try (FileChannel ch = FileChannel.open(big, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            // 8 GiB of guest pages as holes: minutes to hash, nothing on disk
            SaveImageWriter.FileSink sink = new SaveImageWriter.FileSink(ch, true);
            SaveImageWriter.write(new SaveImageWriter(sink), SaveImageWriter.Kind.XL_V2, QEVM, 1L << 21, 8, false);
            sink.finish();
        }
        window.load(robot, big);
        FilePropertiesDialog[] d = new FilePropertiesDialog[1];
        robot.interact(() -> d[0] = FilePropertiesDialog.show(window.stage(), window.document()));
        GuiHarness.waitUntil(() -> "hashing…".equals(d[0].status.getText()));
        robot.clickOn("#hashCancel");
        GuiHarness.waitUntil(() -> "cancelled".equals(d[0].status.getText()));
        assertEquals("", d[0].fileHash.getText());
        assertFalse(d[0].compute.isDisabled());
        GuiHarness.waitUntil(() -> Sha256.of(QEVM).equals(d[0].streamHash.getText()));
        robot.clickOn("#hashCompute");
        GuiHarness.waitUntil(() -> "hashing…".equals(d[0].status.getText()));
        robot.interact(d[0].dialog::close); // closing cancels too
        GuiHarness.waitUntil(() -> "cancelled".equals(d[0].status.getText()));
    }

    @Test
    void theFileMenuOpensItOnceAFileIsOpen(FxRobot robot) throws Exception {
        MenuItem properties = ((MenuBar) window.stage().getScene().lookup("#menuBar")).getMenus().get(0).getItems()
                .stream().filter(i -> "_Properties…".equals(i.getText())).findFirst().orElseThrow();
        assertTrue(properties.isDisable(), "no file open");
        window.loadSample(robot);
        assertFalse(properties.isDisable());
        robot.interact(properties::fire);
        GuiHarness.waitUntil(() -> Sha256.of(Fixtures.sample())
                .equals(robot.lookup("#fileHash").queryAs(TextField.class).getText()));
        TextField stream = robot.lookup("#streamHash").queryAs(TextField.class);
        assertEquals(Sha256.of(Fixtures.sample()), stream.getText(), "a bare stream: the stream is the file");
        robot.interact(() -> ((Stage) stream.getScene().getWindow()).close());
    }
}
