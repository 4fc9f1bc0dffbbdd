package org.savevminspector.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.fixtures.Fixtures;
import org.savevminspector.fixtures.SaveImageWriter;
import org.savevminspector.fixtures.SaveImageWriter.Kind;
import org.savevminspector.io.ByteSource;
import org.savevminspector.io.OutputTarget;
import org.savevminspector.repair.ByteEdit;
import org.savevminspector.repair.RepairOptions;
import org.savevminspector.repair.RepairPlan;
import org.savevminspector.repair.RepairStrategy;

/**
 * The sizes and hashes a repaired image reports, at the edges the padding of a v2 {@code EMULATOR_CONTEXT} has
 * (a stream that grows into a multiple of 8 loses its padding altogether), and a stream's plan as the image shows
 * it ({@link Relocation#plan}: every edit and diagnostic at image offsets).
 */
class ImageRepairSizesTest {
    private static final byte[] BROKEN = Fixtures.xenServer62().bytes();

    @TempDir
    Path dir;

    private final ImageRepairer repairer = ImageRepairer.standard();
    private final ImageInspector images = ImageInspector.standard();

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void everyPaddingOfTheGrownStreamIsWrittenAndCountedExactly() throws Exception {
        boolean[] newPadding = new boolean[8];
        for (int extra = 0; extra < 8; extra++) {
            // trailing bytes after the EOF marker set the stream's length modulo 8; the upgrade keeps them
            byte[] stream = Arrays.copyOf(BROKEN, BROKEN.length + extra);
            byte[] image = SaveImageWriter.image(Kind.XL_V2, stream, 1);
            Path in = Files.write(dir.resolve("in-" + extra + ".img"), image);
            ByteSource src = ByteSource.of(image);
            ImageRepairPlan plan = repairer.plan(src, images.inspect(src),
                    new RepairOptions(RepairStrategy.UPGRADE, false));
            assertTrue(plan.acceptable(), () -> plan.refusal() + " / " + plan.stream().refusal());
            byte[] expected = SaveImageWriter.image(Kind.XL_V2, plan.stream().result(), 1);

            Path out = dir.resolve("out-" + extra + ".img");
            String hash = repairer.write(src, plan, in, out, false);
            assertArrayEquals(expected, Files.readAllBytes(out), "padding " + plan.newPadding());
            assertEquals(expected.length, plan.newSize(), "padding " + plan.newPadding());
            assertEquals(sha256(expected), hash, "the hash names the image written");

            Path target = dir.resolve("target-" + extra + ".img");
            assertEquals(sha256(expected), repairer.write(src, plan, in, OutputTarget.of(target), false));
            assertArrayEquals(expected, Files.readAllBytes(target));
            newPadding[plan.newPadding()] = true;
        }
        assertEquals("[true, true, true, true, true, true, true, true]", Arrays.toString(newPadding),
                "every new padding, 0 (from 4) included");
    }

    @Test
    void aStreamsPlanIsShownAtImageOffsets() {
        byte[] image = SaveImageWriter.image(Kind.XL_V2, Fixtures.sample(), 2); // a relabel and a trim
        ByteSource src = ByteSource.of(image);
        ImageInspection ii = images.inspect(src);
        long q = ii.index().qevm().offset();
        RepairPlan stream = repairer.plan(src, ii, new RepairOptions(RepairStrategy.RELABEL, true)).stream();
        assertTrue(stream.edits().size() >= 2 && !stream.fixed().isEmpty() && !stream.remaining().isEmpty(),
                () -> "edits " + stream.edits() + ", fixed " + stream.fixed() + ", remaining " + stream.remaining());
        RepairPlan shown = new Relocation(q).plan(stream);
        assertEquals(stream.edits().size(), shown.edits().size());
        for (int i = 0; i < stream.edits().size(); i++) {
            ByteEdit a = stream.edits().get(i);
            ByteEdit b = shown.edits().get(i);
            assertEquals(a.offset() + q, b.offset());
            assertArrayEquals(a.before(), b.before());
            assertArrayEquals(a.after(), b.after());
            assertEquals(a.reason(), b.reason());
        }
        assertEquals(moved(stream.fixed(), q), at(shown.fixed()));
        assertEquals(moved(stream.remaining(), q), at(shown.remaining()));
        assertEquals(moved(stream.introduced(), q), at(shown.introduced()));
        assertArrayEquals(stream.result(), shown.result());
        assertEquals(stream.options(), shown.options());
        assertEquals(stream.refusal(), shown.refusal());
        assertEquals(stream.acceptedBy(), shown.acceptedBy());
    }

    private static List<String> moved(List<Diagnostic> list, long delta) {
        return list.stream().map(d -> d.code() + "@" + (d.offset() + delta) + "+" + d.length() + "#" + d.section())
                .toList();
    }

    private static List<String> at(List<Diagnostic> list) {
        return moved(list, 0);
    }
}
