package org.savevminspector.app.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.savevminspector.container.ContainerIndexer;
import org.savevminspector.fixtures.Fixtures;
import org.savevminspector.fixtures.SaveImageWriter;
import org.savevminspector.fixtures.SaveImageWriter.Kind;
import org.savevminspector.image.ImageInspector;
import org.savevminspector.io.ByteSource;
import org.savevminspector.repair.RepairOptions;
import org.savevminspector.repair.RepairStrategy;
import org.savevminspector.repair.Repairer;
import org.savevminspector.report.Sha256;

/** inspect / check / extract / repair on Xen save images (docs/FORMAT.md D). */
class CliOnImagesTest {
    private static final byte[] QEVM = Fixtures.defaultGuest().bytes();

    @TempDir
    Path dir;

    private static String json(Kind k) {
        return k.name().toLowerCase().replace('_', '-').replace("xl-40", "xl-4.0");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void inspectJsonGivesTheContainerAndAbsoluteSectionOffsets(Kind kind) throws Exception {
        byte[] image = SaveImageWriter.image(kind, QEVM, 4);
        Path f = Files.write(dir.resolve("guest.img"), image);
        CliRun r = CliRun.of("inspect", f.toString(), "--format", "json");
        assertEquals(0, r.exit(), r.toString());
        JsonNode root = r.json();
        assertEquals(json(kind), root.at("/container/kind").textValue());
        JsonNode qevm = root.at("/container/qevm");
        assertTrue(qevm.get("offset").isIntegralNumber());
        long at = qevm.get("offset").longValue();
        assertEquals(QEVM.length, qevm.get("length").longValue());
        assertArrayEquals(QEVM, Arrays.copyOfRange(image, (int) at, (int) at + QEVM.length));
        assertEquals(at + 8, root.at("/sections/0/offset").longValue());
        assertEquals(at, root.at("/header/offset").longValue());
        int records = switch (kind) {
            case XEND, XL_LEGACY, XENSERVER_V2 -> 12;
            case XL_40 -> 10;
            case XL_V2 -> 14;
            case XENSERVER_LEGACY -> 11;
        };
        assertEquals(records, root.at("/container/records").size());
        // the default guest inside a clean image has no error; XenServer's v2 image says nothing at all
        assertEquals(kind == Kind.XENSERVER_V2 ? "ok" : "info", root.at("/summary/highestSeverity").textValue());
    }

    @Test
    void bareStreamsAreRawAndTheirReportIsUnchanged() throws Exception {
        Path f = Files.write(dir.resolve("qemu.sav"), QEVM);
        JsonNode root = CliRun.of("inspect", f.toString(), "--format", "json").json();
        assertEquals("raw", root.at("/container/kind").textValue());
        assertEquals(0, root.at("/container/qevm/offset").longValue());
        assertEquals(8, root.at("/sections/0/offset").longValue());
    }

    @Test
    void anImageIsHashedWholeOnlyWithHash() throws Exception {
        byte[] image = SaveImageWriter.image(Kind.XL_V2, QEVM, 4);
        Path f = Files.write(dir.resolve("guest.img"), image);
        JsonNode plain = CliRun.of("inspect", f.toString(), "--format", "json").json().get("file");
        assertTrue(plain.get("sha256").isNull(), plain.toString());
        long at = plain.at("/qevm/offset").longValue();
        assertArrayEquals(QEVM, Arrays.copyOfRange(image, (int) at, (int) at + QEVM.length));
        assertEquals(Sha256.of(QEVM), plain.at("/qevm/sha256").textValue());
        JsonNode hashed = CliRun.of("inspect", f.toString(), "--format", "json", "--hash").json().get("file");
        assertEquals(Sha256.of(image), hashed.get("sha256").textValue());
        assertEquals(Sha256.of(QEVM), hashed.at("/qevm/sha256").textValue());

        String text = CliRun.of("inspect", f.toString()).out();
        String header = text.lines().filter(l -> l.startsWith("File: ")).findFirst().orElseThrow();
        assertEquals("File: " + f + " (" + image.length + " bytes, modified "
                + Files.getLastModifiedTime(f).toInstant().truncatedTo(ChronoUnit.SECONDS) + ", QEVM stream sha256 "
                + Sha256.of(QEVM) + ")", header);
        JsonNode sarif = CliRun.of("inspect", f.toString(), "--format", "sarif").json().at("/runs/0/artifacts");
        assertEquals(2, sarif.size(), sarif.toString());
        assertTrue(sarif.at("/0/hashes").isMissingNode(), "no whole-file hash without --hash");
        assertEquals(image.length, sarif.at("/0/length").longValue());
        assertEquals(0, sarif.at("/1/parentIndex").intValue());
        assertEquals(at, sarif.at("/1/offset").longValue());
        assertEquals(QEVM.length, sarif.at("/1/length").longValue());
        assertEquals(Sha256.of(QEVM), sarif.at("/1/hashes/sha-256").textValue());
    }

    @Test
    void aBareStreamsHashIsTheFilesAndItsStreams() throws Exception {
        Path f = Files.write(dir.resolve("qemu.sav"), QEVM);
        JsonNode file = CliRun.of("inspect", f.toString(), "--format", "json").json().get("file");
        assertEquals(Sha256.of(QEVM), file.get("sha256").textValue());
        assertEquals(0, file.at("/qevm/offset").longValue());
        assertEquals(QEVM.length, file.at("/qevm/length").longValue());
        assertEquals(Sha256.of(QEVM), file.at("/qevm/sha256").textValue());
        JsonNode sarif = CliRun.of("inspect", f.toString(), "--format", "sarif").json().at("/runs/0/artifacts");
        assertEquals(1, sarif.size(), "the stream is the file: " + sarif);
        assertEquals(Sha256.of(QEVM), sarif.at("/0/hashes/sha-256").textValue());
    }

    @Test
    void repairReportsHashTheirInputImageOnlyWithHash() throws Exception {
        byte[] xs = Fixtures.xenServer62().bytes();
        byte[] image = SaveImageWriter.image(Kind.XL_V2, xs, 4);
        Path f = Files.write(dir.resolve("xs.img"), image);
        CliRun plain = CliRun.of("repair", f.toString(), "-o", dir.resolve("a.img").toString(), "--format", "json");
        assertEquals(0, plain.exit(), plain.toString());
        assertTrue(plain.json().at("/input/sha256").isNull(), plain.out());
        assertEquals(Sha256.of(xs), plain.json().at("/input/qevm/sha256").textValue());
        CliRun hashed = CliRun.of("repair", f.toString(), "-o", dir.resolve("b.img").toString(), "--format", "json",
                "--hash");
        assertEquals(0, hashed.exit(), hashed.toString());
        assertEquals(Sha256.of(image), hashed.json().at("/input/sha256").textValue());
    }

    @Test
    void extractWritesTheStreamByteForByte() throws Exception {
        Path f = Files.write(dir.resolve("guest.img"), SaveImageWriter.image(Kind.XENSERVER_V2, QEVM, 4));
        Path out = dir.resolve("qemu.bin");
        CliRun r = CliRun.of("extract", f.toString(), "-o", out.toString());
        assertEquals(0, r.exit(), r.toString());
        assertArrayEquals(QEVM, Files.readAllBytes(out));
        CliRun again = CliRun.of("extract", f.toString(), "-o", out.toString());
        assertEquals(1, again.exit(), again.toString());
        assertTrue(again.err().contains("already exists"), again.err());
    }

    @Test
    void extractAtAnOffsetTheScanOffered() throws Exception {
        byte[] junk = new byte[300];
        byte[] file = Arrays.copyOf(junk, 300 + QEVM.length);
        System.arraycopy(QEVM, 0, file, 300, QEVM.length);
        Path f = Files.write(dir.resolve("blob.bin"), file);
        CliRun text = CliRun.of("inspect", f.toString());
        assertTrue(text.out().contains("--offset 300"), text.out());
        Path out = dir.resolve("qemu.bin");
        assertEquals(1, CliRun.of("extract", f.toString(), "-o", out.toString()).exit());
        assertFalse(Files.exists(out));
        assertEquals(0, CliRun.of("extract", f.toString(), "--offset", "300", "-o", out.toString()).exit());
        assertArrayEquals(QEVM, Files.readAllBytes(out));
        JsonNode at = CliRun.of("inspect", f.toString(), "--offset", "300", "--format", "json").json();
        assertEquals(308, at.at("/sections/0/offset").longValue());
        assertEquals(300, at.at("/container/qevm/offset").longValue());
        for (JsonNode d : at.get("diagnostics")) {
            assertFalse(d.get("code").textValue().equals("BAD_MAGIC"), d.toString());
        }
        assertEquals(2, CliRun.of("inspect", f.toString(), "--offset", "999999").exit());
    }

    @Test
    void repairInsideAnImageUpdatesTheEnclosingLengths() throws Exception {
        byte[] broken = Fixtures.xenServer62().bytes();
        byte[] image = SaveImageWriter.image(Kind.XL_V2, broken, 2);
        Path f = Files.write(dir.resolve("guest.img"), image);
        Path out = dir.resolve("fixed.img");
        CliRun r = CliRun.of("repair", f.toString(), "-o", out.toString(), "--strategy", "upgrade");
        assertEquals(0, r.exit(), r.toString());
        assertArrayEquals(image, Files.readAllBytes(f), "the input is never written");
        byte[] repaired = new Repairer(ImageInspector.standard().inspector()).plan(ByteSource.of(broken),
                ImageInspector.standard().inspector().inspect(ByteSource.of(broken)),
                new RepairOptions(RepairStrategy.UPGRADE, false)).result();
        assertArrayEquals(SaveImageWriter.image(Kind.XL_V2, repaired, 2), Files.readAllBytes(out));
        CliRun after = CliRun.of("inspect", out.toString(), "--format", "json");
        assertFalse(after.out().contains("VERSION_LABEL_MISMATCH"), after.out());
        for (JsonNode d : after.json().get("diagnostics")) {
            assertFalse(d.get("code").textValue().startsWith("CONTAINER_") && !d.get("severity").textValue().equals("info"),
                    d.toString());
        }
        assertTrue(CliRun.of("inspect", f.toString(), "--format", "json").out().contains("VERSION_LABEL_MISMATCH"));
    }

    @Test
    void truncatedImageIsAnErrorWithItsOffset() throws Exception {
        byte[] image = SaveImageWriter.image(Kind.XL_LEGACY, QEVM, 4);
        Path f = Files.write(dir.resolve("cut.img"), Arrays.copyOf(image, image.length - 100));
        CliRun r = CliRun.of("inspect", f.toString(), "--format", "json");
        JsonNode d = null;
        for (JsonNode x : r.json().get("diagnostics")) {
            if (x.get("code").textValue().equals("CONTAINER_TRUNCATED")) {
                d = x;
            }
        }
        assertTrue(d != null, r.out());
        assertTrue(d.get("message").textValue().contains("runs past the end"), d.toString());
        assertEquals(1, CliRun.of("check", f.toString()).exit());
        assertEquals(List.of("RawWalker", "XendWalker", "XlLegacyWalker", "XlV2Walker", "XenServerLegacyWalker",
                "XenServerV2Walker", "Xl40Walker"), ContainerIndexer.standard().walkers().stream()
                .map(w -> w.getClass().getSimpleName()).toList());
    }

    /** Issue 18, point 10: repair and extract on an image speak of the image, offsets in the hex-and-decimal form. */
    @Test
    void repairOfAnImageSaysTheSizeOfTheImageItWroteAndOffsetsReadAsTheToolWritesThem() throws Exception {
        byte[] image = SaveImageWriter.image(SaveImageWriter.Kind.XL_V2, Fixtures.sample(), 64);
        Path f = Files.write(dir.resolve("point10.xl"), image);
        Path out = dir.resolve("point10-fixed.xl");
        CliRun r = CliRun.of("repair", f.toString(), "-o", out.toString());
        assertEquals(0, r.exit(), r.toString());
        long written = Files.size(out);
        assertEquals(image.length, written, "a relabel changes no length");
        assertTrue(r.out().endsWith("Result: written to " + out + " (" + written + " bytes; the QEVM stream in it 7520 bytes)\n"),
                r.out());
        assertTrue(r.err().startsWith("savevm-inspector: xl-v2 image: QEVM stream at offset 263221 (0x40435) repaired"),
                r.err());
        assertTrue(r.err().contains("EMULATOR_CONTEXT body_length at offset 263209 (0x40429): "), r.err());
        CliRun i = CliRun.of("inspect", f.toString());
        assertTrue(i.out().contains("\nQEVM stream: offset 263221 (0x40435), 7520 bytes\n"), i.out());
        assertTrue(i.out().contains("Loader (upstream): aborted, stopped at 270737 (0x42191): "), i.out());
        CliRun x = CliRun.of("extract", f.toString(), "-o", dir.resolve("point10.qevm").toString());
        assertEquals("wrote 7520 bytes from offset 263221 (0x40435) of " + f + " to " + dir.resolve("point10.qevm") + "\n",
                x.out());
    }
}
