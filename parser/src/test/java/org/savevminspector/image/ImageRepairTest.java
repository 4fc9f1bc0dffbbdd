package org.savevminspector.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.savevminspector.diagnostics.DiagnosticCode;
import org.savevminspector.diagnostics.Severity;
import org.savevminspector.fixtures.Fixtures;
import org.savevminspector.fixtures.SaveImageWriter;
import org.savevminspector.fixtures.SaveImageWriter.Kind;
import org.savevminspector.image.ImageInspection;
import org.savevminspector.image.ImageInspector;
import org.savevminspector.image.ImageRepairPlan;
import org.savevminspector.image.ImageRepairer;
import org.savevminspector.io.ByteSource;
import org.savevminspector.repair.RepairOptions;
import org.savevminspector.repair.RepairRefusedException;
import org.savevminspector.repair.RepairStrategy;

class ImageRepairTest {
    private static final byte[] BROKEN = Fixtures.xenServer62().bytes();

    @TempDir
    Path dir;

    private final ImageRepairer repairer = ImageRepairer.standard();
    private final ImageInspector images = ImageInspector.standard();

    @ParameterizedTest
    @EnumSource(Kind.class)
    void upgradeGrowsTheStreamAndEveryEnclosingLengthFollows(Kind kind) throws Exception {
        byte[] image = SaveImageWriter.image(kind, BROKEN, 3);
        Path in = dir.resolve("in.img");
        Files.write(in, image);
        ByteSource src = ByteSource.of(image);
        ImageInspection before = images.inspect(src);
        assertTrue(before.inspection().has(DiagnosticCode.VERSION_LABEL_MISMATCH));
        ImageRepairPlan plan = repairer.plan(src, before, new RepairOptions(RepairStrategy.UPGRADE, false));
        assertTrue(plan.acceptable(), () -> plan.refusal() + " / " + plan.stream().refusal());
        Path out = dir.resolve("out.img");
        repairer.write(src, plan, in, out, false);

        byte[] written = Files.readAllBytes(out);
        assertArrayEquals(image, Files.readAllBytes(in), "the input is never written");
        byte[] repaired = plan.stream().result();
        assertEquals(BROKEN.length + 4, repaired.length);
        // the expected image, built by the fixture writer around the repaired stream
        assertArrayEquals(SaveImageWriter.image(kind, repaired, 3), written);
        ImageInspection after = images.inspect(ByteSource.of(written));
        assertFalse(after.inspection().has(DiagnosticCode.VERSION_LABEL_MISMATCH));
        assertTrue(after.index().diagnostics().stream().noneMatch(d -> d.severity().atLeast(Severity.NOTE)));
    }

    @Test
    void v2PaddingIsRecomputedForTheNewLength() throws Exception {
        byte[] image = SaveImageWriter.image(Kind.XL_V2, BROKEN, 1);
        ByteSource src = ByteSource.of(image);
        ImageInspection before = images.inspect(src);
        ImageRepairPlan plan = repairer.plan(src, before, new RepairOptions(RepairStrategy.UPGRADE, false));
        long body = 8 + BROKEN.length + 4;
        assertEquals((8 - body % 8) % 8, plan.newPadding());
        ImageRepairPlan.LengthEdit e = plan.lengthEdits().get(0);
        assertEquals(before.index().qevm().offset() - 12, e.field().offset());
        assertEquals(body, ByteBuffer.wrap(e.after()).order(ByteOrder.LITTLE_ENDIAN).getInt());
        assertEquals(image.length + 4 + plan.newPadding() - before.index().padding().length(), plan.newSize());
    }

    @Test
    void relabelKeepsEveryLengthAndChangesOneByte() throws Exception {
        byte[] image = SaveImageWriter.image(Kind.XENSERVER_LEGACY, BROKEN, 2);
        Path in = dir.resolve("in.img");
        Files.write(in, image);
        ByteSource src = ByteSource.of(image);
        ImageRepairPlan plan = repairer.plan(src, images.inspect(src), RepairOptions.DEFAULT);
        Path out = dir.resolve("out.img");
        repairer.write(src, plan, in, out, false);
        byte[] written = Files.readAllBytes(out);
        assertEquals(image.length, written.length);
        int diffs = 0;
        for (int i = 0; i < image.length; i++) {
            diffs += image[i] != written[i] ? 1 : 0;
        }
        assertEquals(1, diffs);
    }

    @Test
    void refusesTheInputAsOutputAndAnImageWithContainerErrors() throws Exception {
        byte[] image = SaveImageWriter.image(Kind.XL_LEGACY, BROKEN, 2);
        Path in = dir.resolve("in.img");
        Files.write(in, image);
        ByteSource src = ByteSource.of(image);
        ImageRepairPlan plan = repairer.plan(src, images.inspect(src), RepairOptions.DEFAULT);
        assertThrows(RepairRefusedException.class, () -> repairer.write(src, plan, in, in, true));

        byte[] bad = Arrays.copyOf(image, image.length - 10);
        ByteSource badSrc = ByteSource.of(bad);
        ImageRepairPlan refused = repairer.plan(badSrc, images.inspect(badSrc), RepairOptions.DEFAULT);
        assertFalse(refused.acceptable());
        assertTrue(refused.refusal().contains("CONTAINER_TRUNCATED"), refused.refusal());
        assertFalse(Files.exists(dir.resolve("never.img")));
        assertThrows(RepairRefusedException.class, () -> repairer.write(badSrc, refused, in, dir.resolve("never.img"), false));
        assertFalse(Files.exists(dir.resolve("never.img")));
    }
}
