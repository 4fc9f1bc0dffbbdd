package org.savevminspector.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.diagnostics.DiagnosticCode;
import org.savevminspector.fixtures.Fixtures;
import org.savevminspector.fixtures.SaveImageWriter;
import org.savevminspector.io.ByteSource;
import org.savevminspector.model.Field;
import org.savevminspector.model.FieldType;
import org.savevminspector.model.Span;

/**
 * The xl save header (both byte orders, its flags, its optional data at every length), the device-model record
 * after a legacy libxc stream (its length at the end of the file and one past it, what is there instead of one),
 * and the fallback scan for an embedded QEVM stream (the version byte's range, the last position a header fits,
 * a header across the scan's 1 MiB blocks, the limit of candidates), each at its edge and one past it.
 */
class LegacyImageEdgesTest {
    private static final byte[] QEVM = Fixtures.defaultGuest().bytes();
    private static final String MAGIC = "Xen saved domain, xl format\n \0 \r";
    private final ContainerIndexer indexer = ContainerIndexer.standard();

    private static byte[] image(Consumer<SaveImageWriter> body) {
        SaveImageWriter.MemorySink sink = new SaveImageWriter.MemorySink();
        body.accept(new SaveImageWriter(sink));
        return sink.toByteArray();
    }

    /** An xl header with these words (in {@code big} byte order) and {@code optional} bytes of optional data. */
    private static SaveImageWriter xlHeader(SaveImageWriter w, boolean big, long order, long flags, long optLen,
                                            byte[] optional) {
        w.ascii(MAGIC);
        for (long v : new long[] {order, flags, 0x0A0B0C0DL, optLen}) {
            if (big) {
                w.be32(v);
            } else {
                w.le32(v);
            }
        }
        return w.bytes(optional);
    }

    private static byte[] config(boolean big, long cfgLen, int bytes) {
        byte[] b = new byte[4 + bytes];
        for (int i = 0; i < 4; i++) {
            b[big ? 3 - i : i] = (byte) (cfgLen >>> 8 * i);
        }
        Arrays.fill(b, 4, b.length, (byte) 'x');
        return b;
    }

    private static String at(Diagnostic d) {
        return d.code() + "@" + d.offset() + "+" + d.length();
    }

    private static List<String> problems(ContainerIndex idx) {
        return idx.diagnostics().stream().filter(d -> d.code() != DiagnosticCode.CONTAINER_INFO)
                .map(LegacyImageEdgesTest::at).toList();
    }

    private static ContainerRecord record(ContainerIndex idx, String type) {
        return idx.records().stream().filter(r -> r.type().equals(type)).findFirst().orElse(null);
    }

    private static Field field(ContainerRecord r, String name) {
        return r.fields().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    // ---- xl header ----

    @Test
    void aBigEndianHeaderIsReadBigEndianAndItsStreamFollowsItsOptionalData() {
        for (boolean big : new boolean[] {false, true}) {
            byte[] bytes = image(w -> xlHeader(w, big, 0x01020304L, 1, 4 + 6, config(big, 6, 6))
                    .legacyLibxc(8, 1, false).qemu0002(QEVM));
            ContainerIndex idx = indexer.index(ByteSource.of(bytes));
            assertEquals(ContainerKind.XL_LEGACY, idx.kind(), "big " + big);
            assertEquals(List.of(), problems(idx), "big " + big);
            ContainerRecord header = idx.records().get(0);
            assertEquals(new Span(0, 48), header.span());
            assertEquals(big ? "big-endian" : "little-endian", field(header, "byteorder").meaningText());
            assertEquals(big ? FieldType.BE32 : FieldType.LE32, field(header, "optional_flags").type());
            assertEquals(0x0A0B0C0DL, field(header, "optional_flags").value());
            assertEquals(10, field(header, "optional_data_len").value());
            assertEquals("JSON config, legacy libxc stream", field(header, "mandatory_flags").meaningText());
            ContainerRecord config = idx.records().get(1);
            assertEquals("domain config (JSON)", config.name());
            assertEquals(new Span(48, 10), config.span());
            assertEquals(6, field(config, "config_len").value());
            assertEquals(new Span(52, 6), field(config, "config").span());
            assertEquals(58, idx.records().get(2).span().offset(), "the libxc stream after the optional data");
            assertEquals("CONTAINER_INFO@0+48", at(idx.diagnostics().get(0)));
        }
    }

    @Test
    void aByteOrderWordOfNeitherOrderStopsTheWalk() {
        byte[] bytes = image(w -> xlHeader(w, false, 0x01020305L, 0, 0, new byte[0]).legacyLibxc(8, 1, false)
                .qemu0002(QEVM));
        ContainerIndex idx = indexer.index(ByteSource.of(bytes));
        assertEquals(ContainerKind.XL_LEGACY, idx.kind());
        assertEquals("CONTAINER_INCONSISTENT@32+4", problems(idx).get(0));
        assertEquals(List.of(), idx.records());
    }

    @Test
    void flagsXlDoesNotKnowAreInconsistentAndTheStreamFlagChoosesTheWalker() {
        byte[] unknown = image(w -> xlHeader(w, false, 0x01020304L, 4 | 1, 0, new byte[0]).legacyLibxc(8, 1, false)
                .qemu0002(QEVM));
        ContainerIndex idx = indexer.index(ByteSource.of(unknown));
        assertEquals(ContainerKind.XL_LEGACY, idx.kind());
        assertEquals(List.of("CONTAINER_INFO@0+48", "CONTAINER_INCONSISTENT@36+4"), idx.diagnostics().stream()
                .limit(2).map(LegacyImageEdgesTest::at).toList(), "in offset order, though the walk said them the other way");
        assertEquals(List.of("CONTAINER_INCONSISTENT@36+4"), problems(idx));
        assertTrue(idx.qevm() != null, "the walk goes on");
        for (long flags : new long[] {0, 1, 2, 3}) {
            byte[] h = image(w -> xlHeader(w, false, 0x01020304L, flags, 0, new byte[0]));
            assertEquals((flags & 2) == 0, new XlLegacyWalker().recognises(ByteSource.of(h)), "flags " + flags);
            assertEquals((flags & 1) != 0 ? "JSON config" : "xl config text",
                    field(indexer.index(ByteSource.of(h)).records().get(0), "mandatory_flags").meaningText()
                            .split(",")[0]);
        }
        byte[] big = image(w -> xlHeader(w, true, 0x01020304L, 2, 0, new byte[0]));
        assertTrue(new XlV2Walker().recognises(ByteSource.of(big)), "flags read in the header's byte order");
    }

    @Test
    void optionalDataOfFewerThanFourBytesHoldsNoConfig() {
        for (int len = 0; len <= 4; len++) {
            int n = len;
            byte[] bytes = image(w -> xlHeader(w, false, 0x01020304L, 0, n, n == 4 ? config(false, 0, 0)
                    : new byte[n]).legacyLibxc(8, 1, false).qemu0002(QEVM));
            ContainerIndex idx = indexer.index(ByteSource.of(bytes));
            assertEquals(List.of(), problems(idx), "optional data of " + len);
            ContainerRecord config = record(idx, "xl-config");
            if (len < 4) {
                assertNull(config, "optional data of " + len);
            } else {
                assertEquals("domain config", config.name());
                assertEquals(new Span(52, 0), field(config, "config").span());
            }
            assertEquals(48 + len, idx.records().get(len < 4 ? 1 : 2).span().offset());
        }
    }

    @Test
    void aConfigLengthPastTheOptionalDataIsInconsistentAndClipped() {
        byte[] exact = image(w -> xlHeader(w, false, 0x01020304L, 0, 4 + 6, config(false, 6, 6))
                .legacyLibxc(8, 1, false).qemu0002(QEVM));
        assertEquals(List.of(), problems(indexer.index(ByteSource.of(exact))));
        byte[] over = image(w -> xlHeader(w, false, 0x01020304L, 0, 4 + 6, config(false, 7, 6))
                .legacyLibxc(8, 1, false).qemu0002(QEVM));
        ContainerIndex idx = indexer.index(ByteSource.of(over));
        assertEquals(List.of("CONTAINER_INCONSISTENT@48+4"), problems(idx));
        assertEquals(new Span(52, 6), field(record(idx, "xl-config"), "config").span());
    }

    @Test
    void optionalDataPastTheEndOfTheFileIsTruncated() {
        byte[] bytes = image(w -> xlHeader(w, false, 0x01020304L, 0, 11, config(false, 6, 6)));
        ContainerIndex idx = indexer.index(ByteSource.of(bytes));
        assertEquals(List.of("CONTAINER_TRUNCATED@48+10"), problems(idx));
        assertEquals(1, idx.records().size());
    }

    // ---- the device-model record ----

    private static byte[] afterLibxc(Consumer<SaveImageWriter> record) {
        return image(w -> {
            w.xlHeader(0, "c").legacyLibxc(8, 1, false);
            record.accept(w);
        });
    }

    private static long libxcEnd() {
        return afterLibxc(w -> { }).length;
    }

    @Test
    void aRecordLengthReachingExactlyTheEndOfTheFileIsWholeAndOneMoreIsCut() {
        long p = libxcEnd();
        byte[] whole = afterLibxc(w -> w.qemu0002(QEVM));
        ContainerIndex ok = indexer.index(ByteSource.of(whole));
        assertEquals(List.of(), problems(ok));
        assertEquals(new Span(p, 25 + QEVM.length), record(ok, "qemu-record").span());
        byte[] over = afterLibxc(w -> w.ascii("DeviceModelRecord0002").le32(QEVM.length + 1).bytes(QEVM));
        ContainerIndex cut = indexer.index(ByteSource.of(over));
        assertEquals(List.of("CONTAINER_TRUNCATED@" + (p + 21) + "+4"), problems(cut));
        assertEquals(new Span(p, 25 + QEVM.length), record(cut, "qemu-record").span());
        assertEquals(new Span(p + 25, QEVM.length), cut.qevm());
    }

    @Test
    void aXenServerRecordHasABigEndianLength() {
        long p = libxcEnd();
        byte[] bytes = image(w -> w.xlHeader(0, "c").legacyLibxc(8, 1, false).qemuXenServer(QEVM));
        ContainerIndex idx = indexer.index(ByteSource.of(bytes));
        assertEquals(new Span(p + 26, QEVM.length), idx.qevm());
        assertEquals(List.of(new LengthField(p + 22, 4, true, 0, "\"QemuDeviceModelRecord\" length (be32)")),
                idx.lengthFields());
        assertEquals(FieldType.BE32, field(record(idx, "qemu-record"), "length").type());
    }

    @Test
    void aSignatureWithoutRoomForItsLengthIsTruncated() {
        long p = libxcEnd();
        byte[] bytes = afterLibxc(w -> w.ascii("DeviceModelRecord0002").bytes(new byte[3]));
        assertEquals(List.of("CONTAINER_TRUNCATED@" + (p + 21) + "+3"), problems(indexer.index(ByteSource.of(bytes))));
    }

    @Test
    void whatIsThereInsteadOfARecordIsNamedOverAtMost21Bytes() {
        long p = libxcEnd();
        assertEquals(List.of("CONTAINER_NO_QEVM@" + p + "+0"),
                problems(indexer.index(ByteSource.of(afterLibxc(w -> { })))));
        assertEquals(List.of("CONTAINER_NO_QEVM@" + p + "+8"),
                problems(indexer.index(ByteSource.of(afterLibxc(w -> w.bytes(new byte[8]))))));
        assertEquals(List.of("CONTAINER_NO_QEVM@" + p + "+21"),
                problems(indexer.index(ByteSource.of(afterLibxc(w -> w.bytes(new byte[40]))))));
    }

    // ---- legacy libxc page batches and the HVM tail ----

    /** An xl header with 5 bytes of optional data (the stream starts at 53), p2m_size 16 in a word of {@code ws}. */
    private static SaveImageWriter legacyStart(SaveImageWriter w, int ws) {
        w.xlHeader(0, "c");
        return ws == 8 ? w.le64(16) : w.le32(16);
    }

    /** Entries whose upper halves (word size 8) hold other bits: a pfn is the low 28 bits, its type the next 4. */
    private static final long[] ENTRIES = {0xFFFFFFFF00000005L, 0x12345678F0000009L, 0xD0000001L, 0xE0000002L,
        0xABCD00001FFFFFFFL};

    private static SaveImageWriter batch(SaveImageWriter w, int ws, long[] entries, int pages) {
        w.le32(entries.length);
        for (long e : entries) {
            if (ws == 8) {
                w.le64(e);
            } else {
                w.le32(e);
            }
        }
        return w.bytes(new byte[4096 * pages]);
    }

    @Test
    void aBatchEntrysTypeAndPfnAreItsLow32BitsWithEitherWordSize() {
        for (int ws : new int[] {4, 8}) {
            byte[] bytes = image(w -> batch(legacyStart(w, ws), ws, ENTRIES, 2).le32(0).hvmTail(16).qemu0002(QEVM));
            ContainerIndex idx = indexer.index(ByteSource.of(bytes));
            assertEquals(List.of(), problems(idx), "word size " + ws);
            ContainerRecord run = record(idx, "page-data");
            assertEquals(new Span(53 + ws, 4 + 5L * ws + 8192), run.span(), "word size " + ws);
            assertEquals(new PageRun(1, 5, 2, 1, 0x0FFFFFFF, 8192, false, ws, true), run.pages(), "word size " + ws);
            assertEquals(List.of(new PageBatches.Batch(run.span(), run.pages())),
                    PageBatches.list(ByteSource.of(bytes), run, 10), "the batch listed on demand, word size " + ws);
            assertEquals(new Span(53 + ws + 4 + 5L * ws + 8192, 4), record(idx, "libxc-chunk").span());
        }
    }

    @Test
    void aBatchOf1024EntriesIsTheLargestTheRestorerTakes() {
        long[] xtab = new long[1024];
        Arrays.fill(xtab, 0xF0000000L);
        ContainerIndex ok = indexer.index(ByteSource.of(image(w -> batch(legacyStart(w, 4), 4, xtab, 0).le32(0)
                .hvmTail(16).qemu0002(QEVM))));
        assertEquals(List.of(), problems(ok));
        assertEquals(new PageRun(1, 1024, 0, 0, 0, 0, false, 4, true), record(ok, "page-data").pages());
        ContainerRecord okRun = record(ok, "page-data");
        byte[] okBytes = image(w -> batch(legacyStart(w, 4), 4, xtab, 0).le32(0).hvmTail(16).qemu0002(QEVM));
        assertEquals(List.of(new PageBatches.Batch(okRun.span(), okRun.pages())),
                PageBatches.list(ByteSource.of(okBytes), okRun, 10), "a batch of 1024 is listed");
        long[] more = Arrays.copyOf(xtab, 1025);
        more[1024] = 0xF0000000L;
        ContainerIndex over = indexer.index(ByteSource.of(image(w -> batch(legacyStart(w, 4), 4, more, 0).le32(0)
                .hvmTail(16).qemu0002(QEVM))));
        assertEquals(List.of("CONTAINER_INCONSISTENT@57+4", "EMBEDDED_STREAM@" + (57 + 4 + 1025 * 4 + 4 + 44 + 25) + "+8"),
                problems(over), "the walk stops at the batch; the scan finds the stream");
        ContainerIndex afterRun = indexer.index(ByteSource.of(image(w -> batch(batch(legacyStart(w, 4), 4,
                new long[] {3}, 1), 4, more, 0))));
        assertEquals(new Span(57, 4 + 4 + 4096), record(afterRun, "page-data").span(), "the run before it is kept");
    }

    @Test
    void aBatchCutInItsPfnArrayOrItsPagesIsTruncatedAndTheRunSoFarKept() {
        byte[] whole = image(w -> batch(batch(legacyStart(w, 8), 8, new long[] {1}, 1), 8, ENTRIES, 2).le32(0)
                .hvmTail(16).qemu0002(QEVM));
        long second = 61 + 4 + 8 + 4096;
        ContainerIndex inArray = indexer.index(ByteSource.of(Arrays.copyOf(whole, (int) second + 4 + 39)));
        assertEquals(List.of("CONTAINER_TRUNCATED@" + (second + 4) + "+39"), problems(inArray));
        assertEquals(new Span(61, second - 61), record(inArray, "page-data").span());
        ContainerIndex inPages = indexer.index(ByteSource.of(Arrays.copyOf(whole, (int) second + 4 + 40 + 8191)));
        assertEquals(List.of("CONTAINER_TRUNCATED@" + (second + 44) + "+8191"), problems(inPages));
        assertEquals(new Span(61, second - 61), record(inPages, "page-data").span());
        assertEquals(new PageRun(1, 1, 1, 1, 1, 4096, false, 8, true), record(inPages, "page-data").pages());
        ContainerIndex atId = indexer.index(ByteSource.of(Arrays.copyOf(whole, (int) second + 3)));
        assertEquals(List.of("CONTAINER_TRUNCATED@" + second + "+3"), problems(atId));
        assertEquals(new Span(61, second - 61), record(atId, "page-data").span());
    }

    @Test
    void theHvmTailNeedsItsTwentyEightBytesAndItsContext() {
        byte[] whole = image(w -> legacyStart(w, 8).le32(0).hvmTail(16).qemu0002(QEVM));
        long tail = 61 + 4;
        ContainerIndex ok = indexer.index(ByteSource.of(whole));
        assertEquals(new Span(tail, 28 + 16), record(ok, "hvm-tail").span());
        assertEquals(16, record(ok, "hvm-tail").fields().get(3).value());
        assertEquals(List.of("CONTAINER_TRUNCATED@" + tail + "+27"),
                problems(indexer.index(ByteSource.of(Arrays.copyOf(whole, (int) tail + 27)))));
        assertEquals(List.of("CONTAINER_TRUNCATED@" + (tail + 28) + "+15"),
                problems(indexer.index(ByteSource.of(Arrays.copyOf(whole, (int) tail + 28 + 15)))));
        ContainerIndex exact = indexer.index(ByteSource.of(Arrays.copyOf(whole, (int) tail + 28 + 16)));
        assertEquals(List.of("CONTAINER_NO_QEVM@" + (tail + 44) + "+0"), problems(exact));
    }

    /** A TMEM chunk: header, one pool of {@code pages} 4 KiB pages holding these object ids, end of pools. */
    private static SaveImageWriter tmem(SaveImageWriter w, int pages, long[][] objects, boolean terminator) {
        w.le32(-5).le32(1).le32(1).bytes(new byte[20]);
        w.le32(0).le32(0).le32(pages).bytes(new byte[16]);
        for (long[] oid : objects) {
            w.le64(oid[0]).le64(oid[1]).le64(oid[2]).le32(0).bytes(new byte[4096]);
        }
        if (terminator) {
            w.le64(-1).le64(-1).le64(-1);
        }
        return w.le32(-1);
    }

    @Test
    void aTmemObjectEndsThePoolOnlyWhenAllThreeIdWordsAreMinusOne() {
        long[][] almost = {{7, -1, -1}, {-1, 7, -1}, {-1, -1, 7}};
        byte[] three = image(w -> tmem(legacyStart(w, 8), 3, almost, false).le32(0).hvmTail(16).qemu0002(QEVM));
        ContainerIndex idx = indexer.index(ByteSource.of(three));
        assertEquals(List.of(), problems(idx));
        assertEquals(new Span(61, 4 + 28 + 4 + 24 + 3 * (24 + 4 + 4096) + 4), record(idx, "libxc-chunk").span());
        byte[] ended = image(w -> tmem(legacyStart(w, 8), 3, new long[][] {{7, 8, 9}}, true).le32(0).hvmTail(16)
                .qemu0002(QEVM));
        ContainerIndex early = indexer.index(ByteSource.of(ended));
        assertEquals(List.of(), problems(early));
        assertEquals(new Span(61, 4 + 28 + 4 + 24 + (24 + 4 + 4096) + 24 + 4), record(early, "libxc-chunk").span());
    }

    @Test
    void remusCheckpointsAreSaidEachAndTheLastRecordDecidesTheLengthFields() {
        long[] at = new long[3];
        byte[] bytes = image(w -> {
            w.xlHeader(0, "c").legacyLibxc(8, 1, false);
            at[0] = w.position();
            w.ascii("RemusDeviceModelState").le32(QEVM.length).bytes(QEVM);
            at[1] = w.position();
            w.le32(1).le64(2).bytes(new byte[4096]).le32(0).hvmTail(16);
            at[2] = w.position();
            w.qemuToEof(QEVM);
        });
        ContainerIndex idx = indexer.index(ByteSource.of(bytes));
        assertEquals(List.of(), problems(idx));
        assertEquals(List.of("CONTAINER_INFO@0+48", "CONTAINER_INFO@53+8", "CONTAINER_INFO@" + at[1] + "+0"),
                idx.diagnostics().stream().map(LegacyImageEdgesTest::at).toList());
        assertEquals(new Span(at[2] + 21, QEVM.length), idx.qevm());
        assertEquals(List.of(), idx.lengthFields(), "the stream runs to the end of the file: no length to update");
        assertTrue(idx.qevmToEof());
        // the last checkpoint ends the file: nothing more is looked for
        byte[] remusLast = Arrays.copyOf(bytes, (int) at[1]);
        ContainerIndex last = indexer.index(ByteSource.of(remusLast));
        assertEquals(List.of("CONTAINER_INFO@0+48", "CONTAINER_INFO@53+8"),
                last.diagnostics().stream().map(LegacyImageEdgesTest::at).toList());
        assertEquals(List.of(new LengthField(at[0] + 21, 4, false, 0, "\"RemusDeviceModelState\" length (le32)")),
                last.lengthFields());
    }

    @Test
    void cancellationIsAskedBeforeEveryChunkAndTheDeviceModelRecord() {
        byte[] bytes = image(w -> w.xlHeader(0, "c").legacyLibxc(8, 1, false).qemu0002(QEVM));
        int[] polls = {0};
        indexer.index(ByteSource.of(bytes), new org.savevminspector.io.ParseOptions(null, () -> {
            polls[0]++;
            return false;
        }));
        long record = bytes.length - QEVM.length - 25;
        int n = polls[0];
        int[] seen = {0};
        java.util.concurrent.CancellationException e = org.junit.jupiter.api.Assertions.assertThrows(
                java.util.concurrent.CancellationException.class, () -> indexer.index(ByteSource.of(bytes),
                        new org.savevminspector.io.ParseOptions(null, () -> ++seen[0] == n)));
        assertEquals("indexing cancelled at offset " + record, e.getMessage(), "the last poll is the record's");
    }

    @Test
    void bytesAfterALengthFramedRecordAreTrailingInXendAndXenServerImages() {
        byte[] xend = image(w -> w.xendHeader("(vm)").legacyLibxc(8, 1, false).qemu0002(QEVM).bytes(new byte[2]));
        byte[] xs = image(w -> w.ascii("XenSavedDomain\n").legacyLibxc(4, 1, false).qemuXenServer(QEVM)
                .bytes(new byte[2]));
        for (byte[] b : List.of(xend, xs)) {
            ContainerIndex idx = indexer.index(ByteSource.of(b));
            assertEquals(List.of("CONTAINER_TRAILING@" + (b.length - 2) + "+2"), problems(idx), idx.kind()::toString);
        }
    }

    // ---- the fallback scan ----

    private static byte[] junkWith(int size, long... magicsAt) {
        byte[] b = new byte[size];
        Arrays.fill(b, (byte) 0x42);
        for (long at : magicsAt) {
            System.arraycopy(new byte[] {'Q', 'E', 'V', 'M', 0, 0, 0, 3}, 0, b, (int) at, 8);
        }
        return b;
    }

    @Test
    void onlyFileVersionsOneToThreeAreStreams() {
        for (int version = 0; version <= 4; version++) {
            byte[] b = junkWith(64, 10);
            b[17] = (byte) version;
            assertEquals(version >= 1 && version <= 3 ? List.of(10L) : List.of(),
                    indexer.index(ByteSource.of(b)).embedded(), "version " + version);
        }
        byte[] notZero = junkWith(64, 10);
        notZero[14] = 1;
        assertEquals(List.of(), indexer.index(ByteSource.of(notZero)).embedded());
    }

    @Test
    void aHeaderEndingAtTheEndOfTheFileIsFoundAndOneCutIsNot() {
        assertEquals(List.of(56L), indexer.index(ByteSource.of(junkWith(64, 56))).embedded());
        assertEquals(List.of(), indexer.index(ByteSource.of(Arrays.copyOf(junkWith(64, 56), 63))).embedded());
    }

    @Test
    void headersAcrossAndAtTheScansBlockEdgesAreFoundOnce() {
        int block = 1 << 20;
        for (int at : new int[] {block - 9, block - 1, block}) {
            byte[] b = junkWith(block + 64, at, block + 40);
            ContainerIndex idx = indexer.index(ByteSource.of(b));
            assertEquals(List.of((long) at, block + 40L), idx.embedded(), "at " + at);
            Diagnostic d = idx.diagnostics().get(0);
            assertEquals("EMBEDDED_STREAM@" + at + "+8", at(d));
            assertTrue(d.message().endsWith("(2 candidates)"), d.message());
        }
    }

    @Test
    void aHeaderCutAtTheEndIsNotCompletedByWhatTheScanReadBefore() {
        int block = 1 << 20;
        byte[] b = junkWith(block + 64);
        System.arraycopy(new byte[] {'Q', 'E', 'V', 'M', 0, 0, 0}, 0, b, block + 57, 7);
        b[64] = 3; // read by the first block into the byte after where the second block's 64 bytes land
        assertEquals(List.of(), indexer.index(ByteSource.of(b)).embedded());
    }

    @Test
    void atMostSixteenCandidatesAreListed() {
        List<Long> at = new ArrayList<>();
        for (long i = 0; i < 17; i++) {
            at.add(8 + i * 16);
        }
        byte[] b = junkWith(8 + 17 * 16 + 8, at.stream().mapToLong(Long::longValue).toArray());
        assertEquals(at.subList(0, 16), indexer.index(ByteSource.of(b)).embedded());
        byte[] one = junkWith(64, 8);
        Diagnostic d = indexer.index(ByteSource.of(one)).diagnostics().get(0);
        assertTrue(!d.message().contains("candidates"), d.message());
    }
}
