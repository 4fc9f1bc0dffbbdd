package org.savevminspector.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.savevminspector.fixtures.FaultyStorage;
import org.savevminspector.fixtures.Fixtures;
import org.savevminspector.fixtures.SaveImageWriter;
import org.savevminspector.fixtures.SaveImageWriter.Kind;
import org.savevminspector.io.AtomicFileWriter;
import org.savevminspector.io.ByteSource;
import org.savevminspector.repair.RepairOptions;
import org.savevminspector.repair.RepairRefusedException;
import org.savevminspector.repair.RepairStrategy;
import org.savevminspector.repair.Repairer;

/**
 * The written image is walked again before it replaces anything: a copy whose bytes went wrong on the way to the
 * disk (one byte of the stream changed, one of the padding, the last byte lost) is refused and never appears. The
 * copy itself is checked on an image larger than one copy buffer, and on an input that shrank after the plan.
 */
class ImageRepairVerifyTest {
    private static final byte[] BROKEN = Fixtures.xenServer62().bytes();
    private static final RepairOptions UPGRADE = new RepairOptions(RepairStrategy.UPGRADE, false);

    @TempDir
    Path dir;

    private String refusal(byte[] image, long at, int flip, long limit) throws IOException {
        ImageInspector images = ImageInspector.standard();
        ImageRepairer repairer = new ImageRepairer(images, new Repairer(images.inspector()),
                new AtomicFileWriter(FaultyStorage.damaging(at, flip, limit)));
        ByteSource src = ByteSource.of(image);
        ImageRepairPlan plan = repairer.plan(src, images.inspect(src), UPGRADE);
        Path in = dir.resolve("in.img");
        Files.write(in, image);
        Path out = dir.resolve("out.img");
        RepairRefusedException e = assertThrows(RepairRefusedException.class,
                () -> repairer.write(src, plan, in, out, false));
        assertFalse(Files.exists(out));
        try (var left = Files.list(dir)) {
            assertEquals(1, left.count(), "only the input: the temporary copy is gone");
        }
        return e.getMessage();
    }

    @Test
    void aCopyWhoseStreamChangedOnTheWayIsRefused() throws IOException {
        byte[] image = SaveImageWriter.image(Kind.XL_V2, BROKEN, 1);
        long q = ImageInspector.standard().inspect(ByteSource.of(image)).index().qevm().offset();
        assertTrue(refusal(image, q + 100, 0x01, Long.MAX_VALUE)
                .startsWith("the written image does not walk back to the repaired stream"));
    }

    @Test
    void aCopyMissingItsLastByteIsRefused() throws IOException {
        byte[] image = SaveImageWriter.image(Kind.XL_LEGACY, BROKEN, 1);
        assertEquals("the written image has " + (image.length + 3) + " bytes, " + (image.length + 4) + " expected",
                refusal(image, -1, 0, image.length + 3));
    }

    @Test
    void aCopyWithANewContainerProblemIsRefused() throws IOException {
        byte[] image = SaveImageWriter.image(Kind.XL_V2, BROKEN, 1);
        var index = ImageInspector.standard().inspect(ByteSource.of(image)).index();
        long padding = index.qevm().end() + 4; // the stream grows by 4: its new padding is 4 bytes
        assertTrue(refusal(image, padding, 0x55, Long.MAX_VALUE).startsWith("the written image has a new problem: "));
    }

    @Test
    void anImageLargerThanOneCopyBufferIsCopiedWhole() throws Exception {
        byte[] image = SaveImageWriter.image(Kind.XL_LEGACY, BROKEN, 300);
        assertTrue(image.length > 1 << 20);
        ImageRepairer repairer = ImageRepairer.standard();
        ByteSource src = ByteSource.of(image);
        ImageRepairPlan plan = repairer.plan(src, ImageInspector.standard().inspect(src), UPGRADE);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageRepairer.writeImage(src, plan, out);
        assertArrayEquals(SaveImageWriter.image(Kind.XL_LEGACY, plan.stream().result(), 300), out.toByteArray());
        IOException e = assertThrows(IOException.class, () -> ImageRepairer.writeImage(
                ByteSource.of(Arrays.copyOf(image, 1000)), plan, new ByteArrayOutputStream()));
        assertEquals("the input ended at offset 1000 while copying", e.getMessage());
    }

    @Test
    void writingAPlanWithNothingToDoSaysSo() throws Exception {
        byte[] image = SaveImageWriter.image(Kind.XL_LEGACY, Fixtures.defaultGuest().bytes(), 1);
        ImageRepairer repairer = ImageRepairer.standard();
        ByteSource src = ByteSource.of(image);
        ImageRepairPlan plan = repairer.plan(src, ImageInspector.standard().inspect(src), UPGRADE);
        Path in = dir.resolve("in.img");
        Files.write(in, image);
        RepairRefusedException e = assertThrows(RepairRefusedException.class,
                () -> repairer.write(src, plan, in, dir.resolve("out.img"), false));
        assertEquals(plan.stream().refusal() != null ? plan.stream().refusal() : "nothing to repair", e.getMessage());
        assertFalse(Files.exists(dir.resolve("out.img")));
        byte[] unknownFlags = SaveImageWriter.image(Kind.XL_LEGACY, BROKEN, 1);
        unknownFlags[36] = 4;
        ByteSource cutSrc = ByteSource.of(unknownFlags);
        ImageRepairPlan refused = repairer.plan(cutSrc, ImageInspector.standard().inspect(cutSrc), UPGRADE);
        RepairRefusedException r = assertThrows(RepairRefusedException.class,
                () -> repairer.write(cutSrc, refused, in, dir.resolve("out.img"), false));
        assertEquals(refused.refusal(), r.getMessage());
    }
}
