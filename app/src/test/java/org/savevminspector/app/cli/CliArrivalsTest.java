package org.savevminspector.app.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.savevminspector.fixtures.Fixtures;
import org.savevminspector.fixtures.SaveImageWriter;
import org.savevminspector.fixtures.VhdWriter;
import org.savevminspector.io.ByteSource;
import org.savevminspector.io.Input;
import org.savevminspector.io.InputName;
import org.savevminspector.io.InputOpener;
import org.savevminspector.io.compress.Compression;
import org.savevminspector.report.Sha256;

/**
 * Save files as they arrive — compressed, inside a VHD — through every command: the reports say what the file
 * arrived in and whose offsets they give, a differencing disk without its parent is refused in one sentence, and
 * repair and extract write compressed output when the output's name asks for it, raw images out of a VHD by
 * default and a new VHD with {@code --keep-container}.
 */
class CliArrivalsTest {
    @TempDir
    Path dir;

    private static final byte[] SAMPLE = Fixtures.sample();
    private static final byte[] IMAGE = SaveImageWriter.image(SaveImageWriter.Kind.XL_V2, SAMPLE, 20);
    private static final int BLOCK = 64 << 10;
    private static final long DISK = 1 << 20;
    /** Where the relabel edit lands in the sample: the piix4acpi version's last byte (7230 + 3). */
    private static final int VERSION_BYTE = 7233;

    private static byte[] compress(Compression c, byte[] b) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream o = c.encoder(out)) {
            o.write(b);
        }
        return out.toByteArray();
    }

    private static byte[] decompress(Compression c, Path p) throws IOException {
        try (InputStream in = c.decoder(Files.newInputStream(p))) {
            return in.readAllBytes();
        }
    }

    private Path file(String name, byte[] b) throws IOException {
        return Files.write(dir.resolve(name), b);
    }

    private static long indexOf(byte[] hay, byte[] needle) {
        for (int i = 0; i + needle.length <= hay.length; i++) {
            if (Arrays.equals(hay, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void aGzippedStreamIsReportedAtDecompressedOffsetsAndSaysSo() throws IOException {
        byte[] gz = compress(Compression.GZIP, SAMPLE);
        Path p = file("sample.bin", gz);
        CliRun text = CliRun.of("inspect", p.toString());
        assertEquals(0, text.exit(), text.toString());
        List<String> lines = text.out().lines().toList();
        assertEquals("Compression: gzip, " + gz.length + " bytes stored, 7520 bytes decompressed", lines.get(0));
        assertEquals("Offsets below are offsets in the decompressed data.", lines.get(1));
        assertTrue(text.out().contains("error VERSION_LABEL_MISMATCH at 7230 (0x1C3E) +4"), text.out());
        JsonNode j = CliRun.of("inspect", p.toString(), "--format", "json").json();
        assertEquals("gzip", j.get("compression").textValue());
        assertEquals(gz.length, j.at("/compressed/size").longValue());
        assertEquals(7520, j.at("/compressed/decompressedSize").longValue());
        // schema 2: the file as stored; the stream's place and hash in the decompressed data
        assertEquals(gz.length, j.at("/file/size").longValue());
        assertTrue(j.at("/file/sha256").isNull(), "the stored file is hashed only with --hash");
        assertEquals(0, j.at("/file/qevm/offset").longValue());
        assertEquals(7520, j.at("/file/qevm/length").longValue());
        assertEquals(Sha256.of(SAMPLE), j.at("/file/qevm/sha256").textValue());
        assertEquals(Sha256.of(gz), CliRun.of("inspect", p.toString(), "--format", "json", "--hash").json()
                .at("/file/sha256").textValue());
        assertTrue(j.get("disk").isNull());
        CliRun check = CliRun.of("check", p.toString());
        assertTrue(check.out().startsWith(p + ": FAIL (gzip, qevm-v3, 24 sections, 3 errors, 1 warning, 2 notes) "
                + "first: error VERSION_LABEL_MISMATCH at 7230 (0x1C3E) +4"), check.out());
    }

    @Test
    void aDynamicVhdShowsItsLayerAndTheStreamsFileOffsets() throws IOException {
        Path p = file("suspend.vhd", new VhdWriter(DISK).blockSize(BLOCK).put(0, IMAGE).dynamic());
        long q = indexOf(IMAGE, SAMPLE);
        CliRun text = CliRun.of("inspect", p.toString());
        assertEquals(0, text.exit(), text.toString());
        List<String> lines = text.out().lines().toList();
        assertEquals("Disk: VHD dynamic, virtual size 1048576 bytes, file " + Files.size(p) + " bytes, made by tap "
                + "1.3 (Lnux) at 2023-11-14T22:13:20Z, unique id 11112222-3333-4444-5555-666677778888", lines.get(0));
        assertEquals("  @0 (0x0)                512          footer copy      checksum ok", lines.get(1));
        assertEquals("  @512 (0x200)            1024         dynamic header   checksum ok; blocks of 65536 bytes, table at 1536 "
                + "with 16 entries", lines.get(2));
        long blocks = (IMAGE.length + BLOCK - 1) / BLOCK;
        assertEquals("  @1536 (0x600)           64           BAT              " + blocks + " of 16 blocks allocated (blocks 0.."
                + (blocks - 1) + ")", lines.get(3));
        long block = q / BLOCK;
        long fileAt = 2048 + block * (512 + BLOCK) + 512 + q % BLOCK;
        assertTrue(text.out().contains("  QEVM stream: virtual " + q + " +" + (Math.min(SAMPLE.length,
                (block + 1) * BLOCK - q)) + " at file offset " + fileAt + " (0x" + Long.toHexString(fileAt).toUpperCase() + ")\n"), text.out());
        assertTrue(text.out().contains("Offsets below are offsets in the virtual disk.\n"), text.out());
        JsonNode j = CliRun.of("inspect", p.toString(), "--format", "json").json();
        assertEquals("dynamic", j.at("/disk/type").textValue());
        assertEquals(1048576, j.at("/disk/virtualSize").longValue());
        assertEquals(blocks, j.at("/disk/bat/allocated").intValue());
        assertEquals(q, j.at("/disk/qevm/0/virtualOffset").longValue());
        assertEquals(fileAt, j.at("/disk/qevm/0/fileOffset").longValue());
        assertEquals("xl-v2", j.at("/container/kind").textValue());
        assertEquals(q, j.at("/container/qevm/offset").longValue());
    }

    @Test
    void aVhdsReportDescribesTheVhdFileAndTheStreamInItsVirtualDisk() throws Exception {
        byte[] vhd = new VhdWriter(DISK).blockSize(BLOCK).put(0, IMAGE).dynamic();
        Path p = file("suspend.vhd", vhd);
        long q = indexOf(IMAGE, SAMPLE);
        JsonNode f = CliRun.of("inspect", p.toString(), "--format", "json").json().get("file");
        assertEquals(vhd.length, f.get("size").longValue(), "the VHD file, not its virtual disk");
        assertEquals(Files.getLastModifiedTime(p).toInstant().toString(), f.get("modified").textValue());
        assertTrue(f.get("sha256").isNull(), f.toString());
        assertEquals(q, f.at("/qevm/offset").longValue(), "in the virtual disk");
        assertEquals(Sha256.of(SAMPLE), f.at("/qevm/sha256").textValue());
        assertEquals(Sha256.of(vhd), CliRun.of("inspect", p.toString(), "--format", "json", "--hash").json()
                .at("/file/sha256").textValue(), "--hash: the VHD file as stored");

        // SARIF: the file, its virtual disk nested in it (what the results' offsets address), the stream in that
        JsonNode run = CliRun.of("inspect", p.toString(), "--format", "sarif").json().at("/runs/0");
        JsonNode artifacts = run.get("artifacts");
        assertEquals(3, artifacts.size(), artifacts.toString());
        assertEquals(vhd.length, artifacts.at("/0/length").longValue());
        assertEquals("virtual disk of the dynamic VHD", artifacts.at("/1/description/text").textValue());
        assertEquals(0, artifacts.at("/1/parentIndex").intValue());
        assertEquals(DISK, artifacts.at("/1/length").longValue());
        assertEquals(1, artifacts.at("/2/parentIndex").intValue());
        assertEquals(q, artifacts.at("/2/offset").longValue());
        assertEquals(Sha256.of(SAMPLE), artifacts.at("/2/hashes/sha-256").textValue());
        JsonNode location = run.at("/results/0/locations/0/physicalLocation");
        assertEquals(1, location.at("/artifactLocation/index").intValue());
        assertTrue(location.at("/artifactLocation/uri").isMissingNode(), location.toString());
        assertEquals(q + 7230, run.get("results").findValues("byteOffset").stream().mapToLong(JsonNode::longValue)
                .filter(o -> o == q + 7230).findFirst().orElseThrow(), "VERSION_LABEL_MISMATCH at its disk offset");

        String text = CliRun.of("inspect", p.toString()).out();
        assertTrue(text.contains("\nFile: " + p + " (" + vhd.length + " bytes, modified "), text);
        assertTrue(text.contains(", QEVM stream sha256 " + Sha256.of(SAMPLE) + ")\n"), text);
    }

    @Test
    void aDifferencingVhdNeedsItsParent() throws IOException {
        VhdWriter parent = new VhdWriter(DISK).blockSize(BLOCK).put(0, IMAGE);
        Path parentFile = file("parent.vhd", parent.dynamic());
        Path child = file("child.vhd", new VhdWriter(DISK).blockSize(BLOCK)
                .uniqueId(new java.util.UUID(3, 3)).put(4096, new byte[] {9}).differencing(parent, "./parent.vhd"));
        CliRun refused = CliRun.of("check", child.toString());
        assertEquals(2, refused.exit());
        assertEquals("savevm-inspector: cannot read " + child + ": it is a differencing VHD whose parent "
                + "file://./parent.vhd was not given; give it with --parent FILE\n", refused.err());
        CliRun ok = CliRun.of("check", child.toString(), "--parent", parentFile.toString());
        assertTrue(ok.out().startsWith(child + ": FAIL (vhd differencing, qevm-v3, 24 sections"), ok.toString());
    }

    @Test
    void repairWritesCompressedOutputWhenItsNameAsksAndPlainOtherwise() throws IOException {
        Path gz = file("sample.qevm.gz", compress(Compression.GZIP, SAMPLE));
        byte[] fixed = SAMPLE.clone();
        fixed[VERSION_BYTE] = 1;
        CliRun r = CliRun.of("repair", gz.toString(), "-o", dir.resolve("fixed.qevm.xz").toString());
        assertEquals(0, r.exit(), r.toString());
        assertArrayEquals(fixed, decompress(Compression.XZ, dir.resolve("fixed.qevm.xz")));
        CliRun plain = CliRun.of("repair", gz.toString(), "-o", dir.resolve("fixed.qevm").toString());
        assertEquals(0, plain.exit(), plain.toString());
        assertArrayEquals(fixed, Files.readAllBytes(dir.resolve("fixed.qevm")));
    }

    @Test
    void extractOutOfAVhdIntoZstd() throws IOException {
        Path p = file("suspend.vhd", new VhdWriter(DISK).blockSize(BLOCK).put(0, IMAGE).dynamic());
        Path out = dir.resolve("qemu.bin.zst");
        CliRun r = CliRun.of("extract", p.toString(), "-o", out.toString());
        assertEquals(0, r.exit(), r.toString());
        assertArrayEquals(SAMPLE, decompress(Compression.ZSTD, out));
    }

    @Test
    void repairOutOfAVhdWritesTheImageRawOrANewVhdOfTheSameKind() throws IOException {
        for (String kind : List.of("fixed", "dynamic")) {
            VhdWriter w = new VhdWriter(DISK).blockSize(BLOCK).put(0, IMAGE);
            byte[] vhd = kind.equals("fixed") ? w.fixed() : w.dynamic();
            Path p = file(kind + ".vhd", vhd);
            byte[] repaired = IMAGE.clone();
            repaired[(int) (indexOf(IMAGE, SAMPLE) + VERSION_BYTE)] = 1;

            Path raw = dir.resolve(kind + "-fixed.img");
            CliRun r = CliRun.of("repair", p.toString(), "-o", raw.toString());
            assertEquals(0, r.exit(), r.toString());
            assertArrayEquals(repaired, Files.readAllBytes(raw), "the image, not the whole disk");

            Path again = dir.resolve(kind + "-fixed.vhd");
            CliRun k = CliRun.of("repair", p.toString(), "-o", again.toString(), "--keep-container");
            assertEquals(0, k.exit(), k.toString());
            assertTrue(k.err().contains(kind + " VHD written with 1 changed sector(s)"), k.toString());
            assertEquals(vhd.length, Files.size(again), "the changed sector is written where it was");
            try (Input in = new InputOpener(InputOpener.Options.defaults()).open(InputName.of(again));
                 ByteSource s = in.open()) {
                byte[] want = Arrays.copyOf(repaired, (int) DISK);
                assertArrayEquals(want, s.bytes(0, (int) DISK));
            }
            CliRun check = CliRun.of("check", again.toString());
            assertTrue(check.out().startsWith(again + ": ok (vhd " + kind + ", qevm-v3"), check.toString());
        }
    }

    @Test
    void keepContainerNeedsAVhd() throws IOException {
        Path p = file("sample.qevm", SAMPLE);
        CliRun r = CliRun.of("repair", p.toString(), "-o", dir.resolve("x").toString(), "--keep-container");
        assertEquals(2, r.exit());
        assertEquals("savevm-inspector: --keep-container applies to a save file read out of a VHD; " + p
                + " is not one\n", r.err());
    }
}
