package org.savevminspector.container;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.diagnostics.DiagnosticCode;
import org.savevminspector.diagnostics.Severity;
import org.savevminspector.fixtures.Fixtures;
import org.savevminspector.fixtures.SaveImageWriter;
import org.savevminspector.fixtures.SaveImageWriter.Kind;
import org.savevminspector.image.ImageInspection;
import org.savevminspector.image.ImageInspector;
import org.savevminspector.io.ByteSource;

class ContainerIndexTest {
    private static final byte[] QEVM = Fixtures.defaultGuest().bytes();
    private final ContainerIndexer indexer = ContainerIndexer.standard();

    private static int indexOf(byte[] hay, byte[] needle, int from) {
        outer:
        for (int i = from; i <= hay.length - needle.length; i++) {
            for (int k = 0; k < needle.length; k++) {
                if (hay[i + k] != needle[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static String json(Kind k) {
        return k.name().toLowerCase().replace('_', '-').replace("xl-40", "xl-4.0");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void everyKindIsRecognisedAndItsQevmFoundWhereTheWriterPutIt(Kind kind) {
        byte[] image = SaveImageWriter.image(kind, QEVM, 5);
        ContainerIndex idx = indexer.index(ByteSource.of(image));
        assertEquals(json(kind), idx.kind().json());
        int at = indexOf(image, Arrays.copyOf(QEVM, 64), 0);
        assertEquals(at, idx.qevm().offset());
        assertEquals(QEVM.length, idx.qevm().length());
        assertTrue(idx.diagnostics().stream().noneMatch(d -> d.severity().atLeast(Severity.NOTE)), idx.diagnostics()::toString);
        assertTrue(idx.records().stream().anyMatch(r -> r.pages() != null && r.pages().pagesWithData() == 5));
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"XEND", "XL_40", "XL_LEGACY", "XENSERVER_LEGACY"})
    void everyLegacyChunkIdIsWalkedWithBothWordSizes(Kind kind) {
        for (int ws : new int[] {4, 8}) {
            if (kind == Kind.XENSERVER_LEGACY && ws == 8) {
                continue;
            }
            SaveImageWriter.MemorySink sink = new SaveImageWriter.MemorySink();
            SaveImageWriter.write(new SaveImageWriter(sink), kind, QEVM, 1500, ws, true);
            byte[] image = sink.toByteArray();
            ContainerIndex idx = indexer.index(ByteSource.of(image));
            assertEquals(json(kind), idx.kind().json(), "word size " + ws);
            assertEquals(image.length - QEVM.length, idx.qevm().offset(), "word size " + ws);
            assertTrue(idx.diagnostics().stream().noneMatch(d -> d.severity().atLeast(Severity.NOTE)),
                    idx.diagnostics()::toString);
            List<String> names = idx.records().stream().map(ContainerRecord::name).toList();
            for (String n : List.of("TMEM", "TMEM_EXTRA", "TSC_INFO", "ENABLE_VERIFY_MODE", "VCPU_INFO",
                    "HVM_GENERATION_ID_ADDR", "HVM_IDENT_PT", "HVM_PAGING_RING_PFN", "HVM_ACCESS_RING_PFN",
                    "HVM_SHARING_RING_PFN", "HVM_VM86_TSS", "HVM_CONSOLE_PFN", "HVM_ACPI_IOPORTS_LOCATION",
                    "HVM_VIRIDIAN", "HVM_IOREQ_SERVER_PFN", "HVM_NR_IOREQ_SERVER_PAGES", "COMPRESSED_DATA",
                    "ENABLE_COMPRESSION", "TOOLSTACK", "LAST_CHECKPOINT", "end of body", "HVM tail")) {
                assertTrue(names.contains(n), n + " missing from " + names);
            }
            // first round: 1500 pages + 1 XTAB entry in two batches; the verify round: 3 more pages
            PageRun first = idx.records().stream().filter(r -> r.pages() != null).findFirst().orElseThrow().pages();
            assertEquals(2, first.batches());
            assertEquals(1501, first.entries());
            assertEquals(1500, first.pagesWithData());
            assertEquals(0, first.minPfn());
            assertEquals(0x7FFFF, first.maxPfn());
            assertEquals(1500L * 4096, first.payloadBytes());
        }
    }

    @Test
    void embeddedStreamOfTheImageDecodesAtAbsoluteOffsets() {
        byte[] image = SaveImageWriter.image(Kind.XL_V2, QEVM, 3);
        ImageInspection ii = ImageInspector.standard().inspect(ByteSource.of(image));
        long q = ii.index().qevm().offset();
        assertEquals(q + 8, ii.inspection().sections().get(0).header().offset());
        assertEquals(q, ii.inspection().parse().header().span().offset());
        assertEquals(ii.stream().sections().size(), ii.inspection().sections().size());
        // the same diagnostics as the bare stream, moved
        List<Diagnostic> bare = ImageInspector.standard().inspector().inspect(ByteSource.of(QEVM)).diagnostics();
        assertEquals(bare.stream().map(d -> d.code() + "@" + (d.offset() + q)).toList(),
                ii.inspection().diagnostics().stream().filter(d -> !d.code().name().startsWith("CONTAINER"))
                        .map(d -> d.code() + "@" + d.offset()).toList());
    }

    @Test
    void deviceModelLengthPastTheEndIsReportedAtItsOffset() {
        byte[] image = SaveImageWriter.image(Kind.XL_LEGACY, QEVM, 2);
        int lenAt = indexOf(image, "DeviceModelRecord0002".getBytes(), 0) + 21;
        ByteBuffer.wrap(image).order(ByteOrder.LITTLE_ENDIAN).putInt(lenAt, QEVM.length + 100);
        ContainerIndex idx = indexer.index(ByteSource.of(image));
        Diagnostic d = only(idx, DiagnosticCode.CONTAINER_TRUNCATED);
        assertEquals(lenAt, d.offset());
        assertTrue(d.message().contains("runs past the end"), d.message());
        assertEquals(QEVM.length, idx.qevm().length(), "clipped to the file");
    }

    @Test
    void imageCutInsidePageDataSaysWhereAndHowMuch() {
        byte[] full = SaveImageWriter.image(Kind.XL_LEGACY, QEVM, 1500);
        int secondBatch = 48 + 17 + 8 + 24 + 4 + 1024 * 8 + 1024 * 4096;
        byte[] cut = Arrays.copyOf(full, secondBatch + 4 + 476 * 8 + 1000);
        ContainerIndex idx = indexer.index(ByteSource.of(cut));
        Diagnostic d = only(idx, DiagnosticCode.CONTAINER_TRUNCATED);
        assertEquals(secondBatch + 4 + 476 * 8, d.offset());
        assertTrue(d.message().contains("contents of 476 page(s)"), d.message());
        assertTrue(d.message().contains("file ends at " + cut.length), d.message());
        assertNull(idx.qevm());
        assertTrue(idx.records().stream().anyMatch(r -> r.type().equals("page-data")), "the batches seen so far are kept");
    }

    @Test
    void nonZeroV2PaddingIsAWarningAtThePaddingOffset() {
        byte[] image = SaveImageWriter.image(Kind.XL_V2, QEVM, 2);
        ContainerIndex clean = indexer.index(ByteSource.of(image));
        assertNotNull(clean.padding());
        assertTrue(clean.padding().length() > 0, "the default guest's QEVM length is not a multiple of 8");
        image[(int) clean.padding().offset()] = 0x55;
        ContainerIndex idx = indexer.index(ByteSource.of(image));
        Diagnostic d = only(idx, DiagnosticCode.CONTAINER_BAD_PADDING);
        assertEquals(clean.padding().offset(), d.offset());
        assertEquals(clean.qevm(), idx.qevm());
    }

    @Test
    void unknownChunkIdStopsTheWalkWithItsOffsetThenTheScanFindsTheStream() {
        byte[] image = SaveImageWriter.image(Kind.XL_LEGACY, QEVM, 2);
        int tsc = indexOf(image, new byte[] {(byte) 0xF9, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF}, 48);
        ByteBuffer.wrap(image).order(ByteOrder.LITTLE_ENDIAN).putInt(tsc, -99);
        ContainerIndex idx = indexer.index(ByteSource.of(image));
        Diagnostic d = only(idx, DiagnosticCode.CONTAINER_UNKNOWN_CHUNK);
        assertEquals(tsc, d.offset());
        assertTrue(d.message().contains("-99"), d.message());
        assertEquals(List.of((long) image.length - QEVM.length), idx.embedded());
        assertEquals(image.length - QEVM.length, only(idx, DiagnosticCode.EMBEDDED_STREAM).offset());
    }

    @Test
    void unrecognisedFileWithAQevmInsideOffersTheEmbeddedStream() {
        byte[] junk = new byte[777];
        Arrays.fill(junk, (byte) 0x42);
        byte[] file = Arrays.copyOf(junk, junk.length + QEVM.length);
        System.arraycopy(QEVM, 0, file, junk.length, QEVM.length);
        ImageInspector ins = ImageInspector.standard();
        ImageInspection ii = ins.inspect(ByteSource.of(file));
        assertNull(ii.index().kind());
        assertEquals(List.of(777L), ii.index().embedded());
        assertTrue(only(ii.index(), DiagnosticCode.EMBEDDED_STREAM).message().contains("at offset 777"));
        assertTrue(ii.inspection().has(DiagnosticCode.BAD_MAGIC));
        ImageInspection opened = ins.inspectEmbedded(ByteSource.of(file), ii.index(), 777);
        assertEquals(777 + 8, opened.inspection().sections().get(0).header().offset());
        assertFalse(opened.stream().has(DiagnosticCode.BAD_MAGIC));
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"XL_LEGACY", "XL_V2"})
    void pageBatchesOfARunAreListedOnDemand(Kind kind) {
        byte[] image = SaveImageWriter.image(kind, QEVM, 1500);
        ByteSource src = ByteSource.of(image);
        ContainerRecord run = indexer.index(src).records().stream().filter(r -> r.pages() != null).findFirst()
                .orElseThrow();
        List<PageBatches.Batch> batches = PageBatches.list(src, run, 100);
        assertEquals(2, batches.size());
        assertEquals(run.span().offset(), batches.get(0).span().offset());
        assertEquals(batches.get(0).span().end(), batches.get(1).span().offset());
        assertEquals(run.span().end(), batches.get(1).span().end());
        assertEquals(1024, batches.get(0).pages().pagesWithData());
        assertEquals(1024, batches.get(1).pages().minPfn());
        assertEquals(1499, batches.get(1).pages().maxPfn());
        assertEquals(1, PageBatches.list(src, run, 1).size());
    }

    @Test
    void headersOnlyCountsV2PagesFromTheRecordLengths() {
        byte[] image = SaveImageWriter.image(Kind.XL_V2, QEVM, 1500);
        PageRun read = indexer.index(ByteSource.of(image)).records().stream().filter(r -> r.pages() != null)
                .findFirst().orElseThrow().pages();
        PageRun counted = indexer.headersOnly().index(ByteSource.of(image)).records().stream()
                .filter(r -> r.pages() != null).findFirst().orElseThrow().pages();
        assertEquals(new PageRun(2, 1500, 1500, 0, 1499, 1500L * 4096, true, 8, true), read);
        assertEquals(new PageRun(2, 1500, 1500, -1, -1, 1500L * 4096, true, 8, false), counted);
    }

    @Test
    void aV2PageCountTheLengthCannotHoldIsFoundWithAndWithoutThePfnArrays() {
        byte[] image = SaveImageWriter.image(Kind.XL_V2, QEVM, 2);
        long record = indexer.index(ByteSource.of(image)).records().stream().filter(r -> r.pages() != null)
                .findFirst().orElseThrow().span().offset();
        image[(int) record + 8] = 3; // count 2 -> 3: body_length 8 + 16 + 8192 now leaves 8184 bytes of pages
        String at = "PAGE_DATA record at offset " + org.savevminspector.model.Hex.offset(record)
                + ": body_length 8216 ";
        Diagnostic counted = only(indexer.headersOnly().index(ByteSource.of(image)),
                DiagnosticCode.CONTAINER_INCONSISTENT);
        assertEquals(record + 4, counted.offset());
        assertEquals(at + "leaves 8184 bytes of pages after its 3 pfn entries, not a whole number of 4096-byte pages",
                counted.message());
        Diagnostic read = only(indexer.index(ByteSource.of(image)), DiagnosticCode.CONTAINER_INCONSISTENT);
        assertEquals(record + 4, read.offset());
        assertEquals(at + "leaves 8184 bytes of pages, but its pfn array announces 3 page(s) = 12288",
                read.message());
    }

    @Test
    void eachBrokenImageHasItsDiagnostic() {
        java.util.Map<String, DiagnosticCode> expected = java.util.Map.of(
                "cut-inside-the-qevm", DiagnosticCode.CONTAINER_TRUNCATED,
                "batch-of-1025-pages", DiagnosticCode.CONTAINER_INCONSISTENT,
                "unknown-chunk-id", DiagnosticCode.CONTAINER_UNKNOWN_CHUNK,
                "no-device-model-record", DiagnosticCode.CONTAINER_NO_QEVM,
                "dirty-v2-padding", DiagnosticCode.CONTAINER_BAD_PADDING,
                "bytes-after-the-image", DiagnosticCode.CONTAINER_TRAILING,
                "unknown-libxl-record", DiagnosticCode.CONTAINER_UNKNOWN_RECORD,
                "qevm-inside-unknown-data", DiagnosticCode.EMBEDDED_STREAM);
        java.util.Map<String, Long> offsets = java.util.Map.of("batch-of-1025-pages", 48L + 17 + 8,
                "unknown-chunk-id", 48L + 17 + 8, "qevm-inside-unknown-data", 4096L);
        org.savevminspector.fixtures.BrokenImages.all().forEach((name, bytes) -> {
            ContainerIndex idx = indexer.index(ByteSource.of(bytes));
            Diagnostic d = only(idx, expected.get(name));
            if (offsets.containsKey(name)) {
                assertEquals(offsets.get(name), d.offset(), name);
            }
            if (name.equals("bytes-after-the-image")) {
                assertEquals(bytes.length - 10, d.offset());
                assertEquals(10, d.length());
            }
        });
    }

    @Test
    void tmemPagesAreSizedFromThePoolFlags() {
        // xc_tmem.c:xc_tmem_restore: page = 1 << (((flags >> 4) & 0xF) + 12); flags 0x10 -> 8 KiB pages
        SaveImageWriter.MemorySink sink = new SaveImageWriter.MemorySink();
        SaveImageWriter w = new SaveImageWriter(sink).le64(16);
        w.le32(-5).le32(1).le32(1).le32(-1).le32(0).le32(0).le32(0).le32(-1);
        w.le32(0).le32(0x10).le32(1).bytes(new byte[16]).le64(1).le64(2).le64(3).le32(0).bytes(new byte[8192]);
        w.le32(-1);
        w.le32(-7).le32(0).le64(0).le32(0).le32(0).le32(0).hvmTail(8).qemuToEof(QEVM);
        byte[] image = sink.toByteArray();
        ContainerIndex idx = indexer.index(ByteSource.of(image));
        assertEquals(ContainerKind.XL_40, idx.kind());
        assertEquals(image.length - QEVM.length, idx.qevm().offset(), idx.diagnostics()::toString);
        assertEquals(4 + 28 + 4 + 24 + 24 + 4 + 8192 + 4, idx.records().get(1).span().length());
    }

    @Test
    void remusCheckpointsRepeatAndTheLastDeviceModelRecordCounts() {
        byte[] first = Arrays.copyOf(QEVM, QEVM.length);
        first[QEVM.length - 2] ^= 1; // a different earlier checkpoint
        SaveImageWriter.MemorySink sink = new SaveImageWriter.MemorySink();
        SaveImageWriter w = new SaveImageWriter(sink).xlHeader(0, "c");
        w.legacyLibxc(8, 3, false).ascii("RemusDeviceModelState").le32(first.length).bytes(first);
        w.le32(1).le64(2).bytes(new byte[4096]).le32(0).hvmTail(16);
        long second = sink.position();
        w.ascii("RemusDeviceModelState").le32(QEVM.length).bytes(QEVM);
        ContainerIndex idx = indexer.index(ByteSource.of(sink.toByteArray()));
        assertEquals(second + 25, idx.qevm().offset(), idx.diagnostics()::toString);
        assertEquals(1, idx.lengthFields().size());
        assertEquals(second + 21, idx.lengthFields().get(0).offset());
        assertEquals(2, idx.records().stream().filter(r -> r.type().equals("qemu-record")).count());
    }

    @Test
    void xenServerStructuredImageWithALegacyLibxcRecord() {
        SaveImageWriter.MemorySink sink = new SaveImageWriter.MemorySink();
        SaveImageWriter w = new SaveImageWriter(sink).ascii("XenSavedDomv2-\n");
        w.le64(0x0F).le64(4).ascii("(())");
        w.le64(0xF2).le64(0).legacyLibxc(4, 2, false).qemu0002(QEVM);
        w.le64(0xFFFF).le64(0);
        byte[] image = sink.toByteArray();
        ContainerIndex idx = indexer.index(ByteSource.of(image));
        assertEquals(ContainerKind.XENSERVER_V2, idx.kind());
        assertEquals(image.length - 16 - QEVM.length, idx.qevm().offset(), idx.diagnostics()::toString);
        assertTrue(idx.diagnostics().stream().noneMatch(d -> d.severity().atLeast(Severity.NOTE)));
    }

    @Test
    void xenServerUefiAndVtpmRecordsAreKnownAndSkippedByLength() {
        // a UEFI guest of a newer host: varstored's variables and swtpm's state follow the device model's record
        SaveImageWriter.MemorySink sink = new SaveImageWriter.MemorySink();
        SaveImageWriter w = new SaveImageWriter(sink).ascii("XenSavedDomv2-\n");
        w.le64(0x0F).le64(4).ascii("(())");
        w.le64(0xF2).le64(0).legacyLibxc(4, 2, false).qemu0002(QEVM);
        long varstored = sink.position();
        w.le64(0x0F11).le64(5).ascii("vars!");
        long swtpm0 = sink.position();
        w.le64(0x0F12).le64(3).bytes(new byte[] {1, 2, 3});
        long swtpm = sink.position();
        w.le64(0x0F13).le64(2).ascii("AA");
        w.le64(0xFFFF).le64(0);
        ContainerIndex idx = indexer.index(ByteSource.of(sink.toByteArray()));
        assertEquals(varstored - QEVM.length, idx.qevm().offset(), idx.diagnostics()::toString);
        assertTrue(idx.diagnostics().stream().noneMatch(d -> d.severity().atLeast(Severity.NOTE)),
                idx.diagnostics()::toString);
        List<ContainerRecord> named = idx.records().stream()
                .filter(r -> r.type().equals("xenserver-record") && r.span().offset() >= varstored).toList();
        assertEquals(List.of("Varstored", "Swtpm0", "Swtpm", "End_of_image"),
                named.stream().map(ContainerRecord::name).toList());
        assertEquals(List.of(varstored, swtpm0, swtpm), named.stream().limit(3).map(r -> r.span().offset()).toList());
        assertEquals(List.of(16L + 5, 16L + 3, 16L + 2), named.stream().limit(3).map(r -> r.span().length()).toList());
    }

    @Test
    void indexingReportsProgressAndCanBeCancelled() {
        byte[] image = SaveImageWriter.image(Kind.XL_LEGACY, QEVM, 6000);
        List<long[]> seen = new java.util.ArrayList<>();
        indexer.index(ByteSource.of(image), new org.savevminspector.io.ParseOptions(
                (done, total) -> seen.add(new long[] {done, total}), null));
        // every 16 MiB (the first record at once), then the end
        assertEquals(List.of(73L, 16810097L, 24631859L), seen.stream().map(s -> s[0]).toList());
        assertEquals(List.of(24631859L, 24631859L, 24631859L), seen.stream().map(s -> s[1]).toList());
        assertArrayEquals(new long[] {image.length, image.length}, seen.get(seen.size() - 1));
        int[] polls = {0};
        assertThrows(java.util.concurrent.CancellationException.class, () -> indexer.index(ByteSource.of(image),
                new org.savevminspector.io.ParseOptions(null, () -> ++polls[0] > 3)));
    }

    @Test
    void bareStreamIsRaw() {
        ContainerIndex idx = indexer.index(ByteSource.of(QEVM));
        assertEquals(ContainerKind.RAW, idx.kind());
        assertEquals(0, idx.qevm().offset());
        assertArrayEquals(new long[0], idx.embedded().stream().mapToLong(Long::longValue).toArray());
    }

    @Test
    void walkersAreFoundThroughTheServiceRegistry() {
        assertEquals(ContainerKind.values().length, indexer.walkers().size());
        assertEquals(ContainerKind.XL_40, indexer.walkers().get(indexer.walkers().size() - 1).kind(),
                "the signature-less kind is tried last");
    }

    private static Diagnostic only(ContainerIndex idx, DiagnosticCode code) {
        List<Diagnostic> found = idx.diagnostics().stream().filter(d -> d.code() == code).toList();
        assertEquals(1, found.size(), idx.diagnostics()::toString);
        return found.get(0);
    }
}
