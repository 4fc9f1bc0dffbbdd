package org.savevminspector.io.compress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.savevminspector.container.ContainerKind;
import org.savevminspector.diagnostics.DiagnosticCode;
import org.savevminspector.fixtures.Fixtures;
import org.savevminspector.fixtures.SaveImageWriter;
import org.savevminspector.image.ImageInspection;
import org.savevminspector.image.ImageInspector;
import org.savevminspector.io.AtomicFileWriter;
import org.savevminspector.io.ByteSource;
import org.savevminspector.io.Input;
import org.savevminspector.io.InputName;
import org.savevminspector.io.InputOpener;
import org.savevminspector.io.InputTooLargeException;
import org.savevminspector.model.StreamFormat;

/**
 * Compressed inputs, recognised by magic and not by name, around the fixture writer's stream and images: each
 * compression decodes to exactly the bytes compressed, once, into a private copy under the input's cap, and the
 * rest of the tool reads them as it reads an uncompressed file; damaged data keeps what decodes before the damage;
 * an output named {@code .gz} is encoded and decoded again before it is renamed into place.
 */
public class CompressedInputTest {
    @TempDir
    Path dir;

    private static final byte[] STREAM = Fixtures.defaultGuest().bytes();
    private static final byte[] IMAGE = SaveImageWriter.image(SaveImageWriter.Kind.XL_V2, STREAM, 300);

    public static byte[] compress(Compression c, byte[] plain) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream enc = c.encoder(out)) {
            enc.write(plain);
        }
        return out.toByteArray();
    }

    private InputOpener opener(int memoryLimit, long cap, List<Long> progress) throws IOException {
        Files.createDirectories(dir.resolve("tmp"));
        return new InputOpener(new InputOpener.Options(cap, memoryLimit, dir.resolve("tmp"),
                (name, n) -> progress.add(n), InputStream.nullInputStream()));
    }

    private static byte[] read(Input in) throws IOException {
        try (ByteSource s = in.open()) {
            return s.bytes(0, (int) s.size());
        }
    }

    static long indexOf(byte[] hay, byte[] needle) {
        for (int i = 0; i + needle.length <= hay.length; i++) {
            if (Arrays.equals(hay, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }

    /** A name that says nothing of the compression: recognised by its magic alone. */
    private Path file(String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    @ParameterizedTest
    @EnumSource(Compression.class)
    void aCompressedStreamDecodesToItsBytesAndSaysHowItArrived(Compression c) throws IOException {
        byte[] packed = compress(c, STREAM);
        assertEquals(c, Compression.sniff(packed, packed.length));
        try (Input in = opener(InputOpener.DEFAULT_MEMORY_LIMIT, InputOpener.DEFAULT_MAX_COPY, new ArrayList<>())
                .open(InputName.of(file("guest.bin", packed)))) {
            assertArrayEquals(STREAM, read(in));
            assertEquals(STREAM.length, in.size());
            assertEquals(dir.resolve("guest.bin"), in.original());
            assertEquals(dir.resolve("guest.bin").toString(), in.name().shown());
            CompressionLayer layer = in.layer(CompressionLayer.class);
            assertEquals(c, layer.compression());
            assertEquals(c.json(), layer.kind());
            assertEquals(packed.length, layer.storedSize());
            assertEquals(STREAM.length, layer.size());
            assertEquals(List.of(), layer.diagnostics());
            assertEquals(1, in.layers().size());
        }
    }

    @ParameterizedTest
    @EnumSource(Compression.class)
    void aCompressedImageIsDecompressedIntoAPrivateCopyAndIndexedAtDecompressedOffsets(Compression c)
            throws IOException {
        Path p = file("guest.img", compress(c, IMAGE));
        List<Long> progress = new ArrayList<>();
        Path copy;
        try (Input in = opener(0, InputOpener.DEFAULT_MAX_COPY, progress).open(InputName.of(p))) {
            copy = in.file();
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(copy)));
            assertEquals(dir.resolve("tmp"), copy.getParent());
            assertArrayEquals(IMAGE, Files.readAllBytes(copy));
            try (ByteSource s = in.open()) {
                ImageInspection image = ImageInspector.standard().inspect(s);
                assertEquals(ContainerKind.XL_V2, image.index().kind());
                assertEquals(indexOf(IMAGE, STREAM), image.index().qevm().offset());
                assertEquals(StreamFormat.QEVM_V3, image.stream().parse().format());
            }
        }
        assertTrue(Files.notExists(copy), "the private copy goes with the input");
    }

    @Test
    void anUncompressedInputPassesThroughUntouched() throws IOException {
        try (Input in = opener(InputOpener.DEFAULT_MEMORY_LIMIT, InputOpener.DEFAULT_MAX_COPY, new ArrayList<>())
                .open(InputName.of(file("guest.qevm", STREAM)))) {
            assertInstanceOf(Input.InPlace.class, in);
            assertEquals(List.of(), in.layers());
            assertNull(in.layer(CompressionLayer.class));
        }
    }

    @Test
    void theSizeCapAppliesToTheDecompressedBytes() throws IOException {
        byte[] zeros = new byte[4 << 20];
        Path p = file("bomb", compress(Compression.GZIP, zeros));
        assertTrue(Files.size(p) < 10_000);
        InputOpener o = opener(0, 1 << 20, new ArrayList<>());
        assertThrows(InputTooLargeException.class, () -> o.open(InputName.of(p)));
        try (var files = Files.list(dir.resolve("tmp"))) {
            assertEquals(0, files.count(), "the partial copy is removed");
        }
    }

    @ParameterizedTest
    @EnumSource(Compression.class)
    void cutShortDataKeepsWhatDecodesBeforeTheCut(Compression c) throws IOException {
        byte[] big = IMAGE;
        byte[] packed = compress(c, big);
        byte[] cut = Arrays.copyOf(packed, packed.length * 3 / 4);
        try (Input in = opener(InputOpener.DEFAULT_MEMORY_LIMIT, InputOpener.DEFAULT_MAX_COPY, new ArrayList<>())
                .open(InputName.of(file("cut", cut)))) {
            byte[] got = read(in);
            assertTrue(got.length < big.length, c + ": " + got.length);
            assertArrayEquals(Arrays.copyOf(big, got.length), got, "a prefix of the original");
            CompressionLayer layer = in.layer(CompressionLayer.class);
            assertEquals(DiagnosticCode.COMPRESSED_DATA_DAMAGED, layer.problem().code());
            assertEquals(got.length, layer.size());
            assertTrue(layer.problem().message().startsWith("the " + c.json() + " data stops decoding near "
                    + "compressed offset "), layer.problem().message());
            assertTrue(layer.problem().message().endsWith(": the " + got.length + " byte(s) decoded before it are "
                    + "shown; the rest of the file is lost to this reader"), layer.problem().message());
        }
    }

    @Test
    void aDamagedHeaderDecodesNothingAndSaysSo() throws IOException {
        byte[] bad = {0x1F, (byte) 0x8B, 0x08, (byte) 0xFF}; // flags with reserved bits set, then nothing
        try (Input in = opener(InputOpener.DEFAULT_MEMORY_LIMIT, InputOpener.DEFAULT_MAX_COPY, new ArrayList<>())
                .open(InputName.of(file("bad.gz", bad)))) {
            assertEquals(0, in.size());
            CompressionLayer layer = in.layer(CompressionLayer.class);
            assertEquals(Compression.GZIP, layer.compression());
            assertEquals(0, layer.problem().offset());
        }
    }

    @ParameterizedTest
    @CsvSource({
        "crash-damaged-zstd-frame-unchecked-exception, MalformedInputException: Input is corrupted: offset=879",
        "crash-damaged-zstd-frame-index-out-of-bounds, ArrayIndexOutOfBoundsException: Index 15 out of bounds for "
                + "length 13"})
    void whateverADecoderThrowsIsADiagnosticNotAnException(String input, String why) throws IOException {
        // found by the input layer's fuzz target: aircompressor throws unchecked exceptions on these frames
        byte[] bad;
        try (var res = getClass().getResourceAsStream("/org/savevminspector/fuzz/InputLayerFuzzTestInputs/open/"
                + input)) {
            bad = res.readAllBytes();
        }
        try (Input in = opener(InputOpener.DEFAULT_MEMORY_LIMIT, InputOpener.DEFAULT_MAX_COPY, new ArrayList<>())
                .open(InputName.of(file("bad.zst", bad)))) {
            CompressionLayer layer = in.layer(CompressionLayer.class);
            assertEquals(Compression.ZSTD, layer.compression());
            assertEquals(DiagnosticCode.COMPRESSED_DATA_DAMAGED, layer.problem().code());
            assertEquals(in.size(), layer.size());
            assertTrue(layer.problem().message().startsWith("the zstd data stops decoding near compressed offset "),
                    layer.problem().message());
            assertTrue(layer.problem().message().contains(" (the decoder failed, " + why + "): the " + in.size()
                    + " byte(s) decoded before it are shown"), layer.problem().message());
        }
    }

    @Test
    void concatenatedMembersDecodeAsOneStream() throws IOException {
        byte[] half = Arrays.copyOf(STREAM, 3000);
        byte[] rest = Arrays.copyOfRange(STREAM, 3000, STREAM.length);
        for (Compression c : Compression.values()) {
            ByteArrayOutputStream both = new ByteArrayOutputStream();
            both.write(compress(c, half));
            both.write(compress(c, rest));
            try (Input in = opener(InputOpener.DEFAULT_MEMORY_LIMIT, InputOpener.DEFAULT_MAX_COPY, new ArrayList<>())
                    .open(InputName.of(file("cat-" + c, both.toByteArray())))) {
                assertArrayEquals(STREAM, read(in), c.json());
                assertNull(in.layer(CompressionLayer.class).problem(), c.json());
            }
        }
    }

    @Test
    void outputNamesSayWhichCompressionToWrite() {
        assertEquals(Compression.GZIP, Compression.forOutputName("fixed.qevm.gz"));
        assertEquals(Compression.XZ, Compression.forOutputName("FIXED.XZ"));
        assertEquals(Compression.ZSTD, Compression.forOutputName("a.zst"));
        assertEquals(Compression.BZIP2, Compression.forOutputName("a.img.bz2"));
        assertNull(Compression.forOutputName("fixed.qevm"));
        assertNull(Compression.forOutputName(".gz"));
        assertNull(Compression.forOutputName("a.gzip"));
    }

    @ParameterizedTest
    @EnumSource(Compression.class)
    void anEncodedOutputIsDecodedAndCheckedBeforeItIsRenamed(Compression c) throws IOException {
        Path out = dir.resolve("fixed.qevm" + c.extension());
        List<byte[]> checked = new ArrayList<>();
        AtomicFileWriter.standard().encoded(c).write(out, o -> o.write(IMAGE), written -> {
            checked.add(Files.readAllBytes(written));
            assertTrue(Files.exists(written));
        });
        assertArrayEquals(IMAGE, checked.get(0), "the check sees the decoded bytes");
        try (InputStream in = c.decoder(Files.newInputStream(out))) {
            assertArrayEquals(IMAGE, in.readAllBytes());
        }
        assertEquals(c, Compression.sniff(Files.readAllBytes(out), 6));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(out), files.toList(), "no temporary file is left");
        }
    }

    @Test
    void aFailingCheckOfTheDecodedBytesLeavesNothing() throws IOException {
        Path out = dir.resolve("fixed.qevm.gz");
        IOException e = assertThrows(IOException.class, () -> AtomicFileWriter.standard().encoded(Compression.GZIP)
                .write(out, o -> o.write(STREAM), written -> {
                    throw new IOException("refused: " + Files.size(written));
                }));
        assertEquals("refused: " + STREAM.length, e.getMessage());
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
    }
}
