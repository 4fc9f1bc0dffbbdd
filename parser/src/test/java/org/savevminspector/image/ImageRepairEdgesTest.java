package org.savevminspector.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.savevminspector.diagnostics.DiagnosticCode;
import org.savevminspector.fixtures.BrokenImages;
import org.savevminspector.fixtures.Fixtures;
import org.savevminspector.fixtures.SaveImageWriter;
import org.savevminspector.fixtures.SaveImageWriter.Kind;
import org.savevminspector.io.ByteSource;
import org.savevminspector.repair.RepairOptions;
import org.savevminspector.repair.RepairStrategy;

/**
 * What an image repair accepts and what it writes at the edges: an image with only a warning (bytes after its end,
 * copied after the repaired image), one whose first error decides the refusal, one with no device-model record at all, and the
 * padding each new stream length needs.
 */
class ImageRepairEdgesTest {
    private static final byte[] BROKEN = Fixtures.xenServer62().bytes();
    private static final RepairOptions UPGRADE = new RepairOptions(RepairStrategy.UPGRADE, false);

    @TempDir
    Path dir;

    private final ImageRepairer repairer = ImageRepairer.standard();
    private final ImageInspector images = ImageInspector.standard();

    @Test
    void bytesAfterTheImageAreOnlyAWarningAndAreCopiedAfterTheRepairedImage() throws Exception {
        byte[] clean = SaveImageWriter.image(Kind.XL_V2, BROKEN, 1);
        byte[] tailed = java.util.Arrays.copyOf(clean, clean.length + 3);
        tailed[clean.length] = 0x55;
        ByteSource src = ByteSource.of(tailed);
        ImageInspection before = images.inspect(src);
        assertEquals(List.of("CONTAINER_TRAILING@" + clean.length), before.index().diagnostics().stream()
                .filter(d -> d.code() != DiagnosticCode.CONTAINER_INFO).map(d -> d.code() + "@" + d.offset()).toList());
        ImageRepairPlan plan = repairer.plan(src, before, UPGRADE);
        assertNull(plan.refusal());
        Path in = dir.resolve("in.img");
        Files.write(in, tailed);
        Path out = dir.resolve("out.img");
        repairer.write(src, plan, in, out, false);
        byte[] expected = SaveImageWriter.image(Kind.XL_V2, plan.stream().result(), 1);
        expected = java.util.Arrays.copyOf(expected, expected.length + 3);
        expected[expected.length - 3] = 0x55;
        assertArrayEquals(expected, Files.readAllBytes(out));
    }

    @Test
    void theRefusalNamesTheImagesFirstError() {
        byte[] image = SaveImageWriter.image(Kind.XL_LEGACY, BROKEN, 1);
        image[36] = 4; // mandatory flags xl does not know: an error at 36, before the record cut below
        byte[] cut = java.util.Arrays.copyOf(image, image.length - 10);
        ByteSource src = ByteSource.of(cut);
        ImageInspection before = images.inspect(src);
        assertEquals(List.of("CONTAINER_INCONSISTENT@36", "CONTAINER_TRUNCATED@" + (image.length - BROKEN.length - 4)),
                before.index().diagnostics().stream().filter(d -> d.code() != DiagnosticCode.CONTAINER_INFO)
                        .map(d -> d.code() + "@" + d.offset()).toList());
        ImageRepairPlan plan = repairer.plan(src, before, UPGRADE);
        assertEquals("the save image itself has errors (CONTAINER_INCONSISTENT at offset 36); repair only a cleanly "
                + "walked image", plan.refusal());
    }

    @Test
    void anImageWithoutADeviceModelRecordHasNothingToRepair() {
        ByteSource src = ByteSource.of(BrokenImages.noDeviceModelRecord());
        ImageInspection ii = images.inspect(src);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> repairer.plan(src, ii, UPGRADE));
        assertEquals("no device-model record to repair", e.getMessage());
    }

    @Test
    void theNewPaddingFollowsTheRepairedLengthAndLegacyImagesHaveNone() {
        byte[] v2 = SaveImageWriter.image(Kind.XL_V2, BROKEN, 1);
        ImageRepairPlan plan = repairer.plan(ByteSource.of(v2), images.inspect(ByteSource.of(v2)), UPGRADE);
        long body = 8 + BROKEN.length + 4;
        assertEquals((8 - body % 8) % 8, plan.newPadding());
        byte[] legacy = SaveImageWriter.image(Kind.XENSERVER_V2, BROKEN, 1);
        ImageRepairPlan none = repairer.plan(ByteSource.of(legacy), images.inspect(ByteSource.of(legacy)), UPGRADE);
        assertEquals(-1, none.newPadding());
        assertEquals(legacy.length + 4, none.newSize());
    }

    @Test
    void aRelabelChangesOnlyTheLengthFieldAndTheStreamAndAShrunkInputReadsShort() {
        byte[] image = SaveImageWriter.image(Kind.XL_V2, BROKEN, 1);
        ByteSource src = ByteSource.of(image);
        ImageInspection ii = images.inspect(src);
        assertEquals(0, ii.index().padding().length(), "the stream and its sub-header fill whole 8-byte words");
        ImageRepairPlan plan = repairer.plan(src, ii, RepairOptions.DEFAULT);
        RepairedImageSource repaired = new RepairedImageSource(src, plan);
        assertEquals(image.length, repaired.size());
        assertEquals(List.of(new org.savevminspector.model.Span(ii.index().lengthFields().get(0).offset(), 4),
                ii.index().qevm()), repaired.changed());
        // the input shrank after the plan was made: a read stops where the input's bytes stop
        RepairedImageSource over = new RepairedImageSource(ByteSource.of(java.util.Arrays.copyOf(image,
                image.length - 5)), plan);
        byte[] buf = new byte[8];
        assertEquals(3, over.read(image.length - 8, buf, 0, 8));
        assertArrayEquals(java.util.Arrays.copyOfRange(image, image.length - 8, image.length - 5),
                java.util.Arrays.copyOf(buf, 3));
        assertEquals(0, over.read(image.length - 3, buf, 0, 3));
    }
}
