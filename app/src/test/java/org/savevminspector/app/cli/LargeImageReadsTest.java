package org.savevminspector.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.savevminspector.fixtures.Fixtures;
import org.savevminspector.fixtures.SaveImageWriter;
import org.savevminspector.io.AtomicFileWriter;
import org.savevminspector.io.CountingByteSource;
import org.savevminspector.io.Input;
import org.savevminspector.io.InputOpener;
import org.savevminspector.io.MappedByteSource;
import org.savevminspector.report.Sha256;

/**
 * {@code check} and {@code inspect} on a 4 GiB xl migration-v2 image (a sparse file: its page contents are holes)
 * read record headers and the QEVM stream, not the image: less than 2 MiB, where the pfn arrays alone are 8 MiB and
 * the pages 4 GiB. Every source the input layer opens on the image (its compression and VHD sniffing, the
 * command's own) reads through a counting reader; the whole-file hash ({@code --hash}) is tested on small images
 * ({@code CliOnImagesTest}).
 */
class LargeImageReadsTest {
    private static final long PAGES = 1L << 20; // 4 GiB of guest memory
    private static final long LIMIT = 2L << 20;
    private static final byte[] QEVM = Fixtures.defaultGuest().bytes();

    @TempDir
    static Path dir;
    static Path image;
    static long size;

    @BeforeAll
    static void writeImage() throws Exception {
        image = dir.resolve("guest.xl");
        try (FileChannel ch = FileChannel.open(image, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            SaveImageWriter.FileSink sink = new SaveImageWriter.FileSink(ch, true);
            SaveImageWriter.write(new SaveImageWriter(sink), SaveImageWriter.Kind.XL_V2, QEVM, PAGES, 8, false);
            sink.finish();
            size = ch.size();
        }
    }

    /** One run with every input counted: exit code, output, bytes read. */
    private record Counted(int exit, String out, long bytesRead) {
        JsonNode json() throws Exception {
            return new ObjectMapper().readTree(out);
        }
    }

    private static Counted run(String... args) {
        List<Path> opened = new ArrayList<>();
        List<CountingByteSource> sources = new ArrayList<>();
        Input.InPlaceReader counting = p -> {
            CountingByteSource c = new CountingByteSource(MappedByteSource.open(p));
            opened.add(p);
            sources.add(c);
            return c;
        };
        StringWriter out = new StringWriter();
        int exit = Cli.run(args, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true),
                AtomicFileWriter.standard(), InputOpener.Options.defaults().withReader(counting));
        assertEquals(List.of(image), opened.stream().distinct().toList(), "only the image is read");
        JsonSchemas.check(args, out.toString());
        return new Counted(exit, out.toString(), sources.stream().mapToLong(CountingByteSource::bytesRead).sum());
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "json", "sarif"})
    void inspectReadsLessThanTwoMiB(String format) {
        Counted c = run("inspect", image.toString(), "--format", format);
        assertEquals(0, c.exit(), c.out());
        assertTrue(size > PAGES * 4096, "the image holds the pages: " + size);
        assertTrue(c.bytesRead() < LIMIT, "inspect --format " + format + " read " + c.bytesRead() + " bytes of "
                + size);
    }

    @Test
    void checkReadsLessThanTwoMiB() {
        Counted c = run("check", image.toString());
        assertEquals(0, c.exit(), c.out());
        assertEquals(image + ": ok (qevm-v3, 24 sections, clean)\n", c.out());
        assertTrue(c.bytesRead() < LIMIT, "check read " + c.bytesRead() + " bytes of " + size);
    }

    @Test
    void theReportCarriesTheStreamHashAndNoWholeFileHash() throws Exception {
        JsonNode file = run("inspect", image.toString(), "--format", "json").json().get("file");
        assertEquals(size, file.get("size").longValue());
        assertTrue(file.get("sha256").isNull(), file.toString());
        assertEquals(size - QEVM.length - 8 - 3, file.at("/qevm/offset").longValue(), "END record and padding after");
        assertEquals(QEVM.length, file.at("/qevm/length").longValue());
        assertEquals(Sha256.of(QEVM), file.at("/qevm/sha256").textValue());
        assertTrue(file.get("modified").textValue().endsWith("Z"), file.toString());
    }

    @Test
    void pfnArraysAreReadOnlyWhenAsked() throws Exception {
        Counted pfns = run("check", image.toString(), "--pfn-arrays");
        assertEquals(0, pfns.exit(), pfns.out());
        assertTrue(pfns.bytesRead() >= PAGES * 8 && pfns.bytesRead() < PAGES * 8 + LIMIT,
                "--pfn-arrays reads the 8-byte entries: " + pfns.bytesRead());
        JsonNode pages = run("inspect", image.toString(), "--format", "json", "--pfn-arrays").json()
                .at("/container/records/6/pages");
        assertEquals(0, pages.get("minPfn").longValue(), pages.toString());
        assertEquals(PAGES - 1, pages.get("maxPfn").longValue());
        JsonNode unread = run("inspect", image.toString(), "--format", "json").json().at("/container/records/6/pages");
        assertEquals(1024, unread.get("batches").longValue(), unread.toString());
        assertEquals(PAGES, unread.get("withData").longValue(), "counted from the record lengths");
        assertTrue(unread.get("minPfn").isNull(), unread.toString());
        assertTrue(unread.get("maxPfn").isNull(), unread.toString());
    }
}
