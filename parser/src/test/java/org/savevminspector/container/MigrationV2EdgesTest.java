package org.savevminspector.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.diagnostics.DiagnosticCode;
import org.savevminspector.fixtures.Fixtures;
import org.savevminspector.fixtures.SaveImageWriter;
import org.savevminspector.io.ByteSource;
import org.savevminspector.model.Field;
import org.savevminspector.model.FieldType;
import org.savevminspector.model.Span;

/**
 * The migration-v2 walk (libxl stream, libxc image, the record shape they share) at every edge: each emulator a
 * libxl EMULATOR_CONTEXT can name, each length at its bound and one past it, both byte orders with words that fill
 * all their bytes, a pfn array longer than one read, and the runs of PAGE_DATA records. The images are written by
 * hand (a bare libxl stream as {@code xl migrate} sends it, offsets from 0), so that every offset here is
 * counted from FORMAT.md D.4, not taken from the walk.
 */
class MigrationV2EdgesTest {
    private static final byte[] QEVM = Fixtures.defaultGuest().bytes();
    /** Where the libxc image starts in {@link #libxc}: the libxl header (16) and the LIBXC_CONTEXT record (8). */
    private static final long LIBXC = 24;
    /** Where the first libxc record starts: after the image header (24) and the domain header (16). */
    private static final long FIRST = LIBXC + 40;
    private final ContainerIndexer indexer = ContainerIndexer.standard();

    private static byte[] image(Consumer<SaveImageWriter> body) {
        SaveImageWriter.MemorySink sink = new SaveImageWriter.MemorySink();
        body.accept(new SaveImageWriter(sink));
        return sink.toByteArray();
    }

    /** A big-endian v2 record, padded to a multiple of 8. */
    private static void beRecord(SaveImageWriter w, long type, byte[] body) {
        w.be32(type).be32(body.length).bytes(body).bytes(new byte[(8 - body.length % 8) % 8]);
    }

    private static void libxlHeader(SaveImageWriter w, long options) {
        w.ascii("LibxlFmt").be32(2).be32(options);
    }

    private static byte[] emulator(long id, byte[] qevm) {
        byte[] body = new byte[8 + qevm.length];
        body[0] = (byte) id;
        body[4] = 3; // index
        System.arraycopy(qevm, 0, body, 8, qevm.length);
        return body;
    }

    /** A bare libxl stream: header, LIBXC_CONTEXT, a libxc image with the given records, END of libxc and libxl. */
    private static byte[] libxc(boolean big, Consumer<SaveImageWriter> records) {
        return image(w -> {
            libxlHeader(w, 0);
            w.v2Record(1, new byte[0]);
            w.le64(-1).ascii("XENF").be32(3).be16(big ? 1 : 0).bytes(new byte[6]);
            if (big) {
                w.be32(2).be16(12).be16(0).be32(4).be32(17);
            } else {
                w.le32(2).le16(12).le16(0).le32(4).le32(17);
            }
            records.accept(w);
            if (big) {
                beRecord(w, 0, new byte[0]);
            } else {
                w.v2Record(0, new byte[0]);
            }
            w.v2Record(0, new byte[0]);
        });
    }

    /** A PAGE_DATA record of these pfn entries (type in bits 63–60) and {@code pages} pages of contents. */
    private static void pageData(SaveImageWriter w, boolean big, long[] entries, int pages) {
        long length = 8 + 8L * entries.length + 4096L * pages;
        if (big) {
            w.be32(1).be32(length).be32(entries.length).be32(0);
        } else {
            w.le32(1).le32(length).le32(entries.length).le32(0);
        }
        for (long e : entries) {
            if (big) {
                w.be64(e);
            } else {
                w.le64(e);
            }
        }
        w.bytes(new byte[4096 * pages]);
    }

    private static List<Diagnostic> of(ContainerIndex idx, DiagnosticCode code) {
        return idx.diagnostics().stream().filter(d -> d.code() == code).toList();
    }

    private static Diagnostic only(ContainerIndex idx, DiagnosticCode code) {
        List<Diagnostic> found = of(idx, code);
        assertEquals(1, found.size(), idx.diagnostics()::toString);
        return found.get(0);
    }

    private static String at(Diagnostic d) {
        return d.code() + "@" + d.offset() + "+" + d.length();
    }

    private static List<ContainerRecord> pageRuns(ContainerIndex idx) {
        return idx.records().stream().filter(r -> r.pages() != null).toList();
    }

    private static Field field(ContainerRecord r, String name) {
        return r.fields().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow(
                () -> new AssertionError(name + " not in " + r.fields()));
    }

    // ---- libxl stream ----

    @Test
    void aBareLibxlStreamIsRecognisedAndWalkedFromOffsetZero() {
        byte[] bare = image(w -> w.libxlV2(2, QEVM));
        ContainerIndex idx = indexer.index(ByteSource.of(bare));
        assertEquals(ContainerKind.XL_V2, idx.kind());
        // header 16, LIBXC_CONTEXT 8, libxc headers 40, PAGE_DATA 8 + 8 + 16 + 8192, X86_TSC_INFO 32, HVM_PARAMS 32,
        // HVM_CONTEXT 8 + 300 + 4, libxc END 8, EMULATOR_XENSTORE_DATA 16: EMULATOR_CONTEXT at 8688, QEVM after its
        // 8-byte record header and 8-byte emulator sub-header
        assertEquals(new Span(0, 16), idx.records().get(0).span());
        assertEquals(new Span(8704, QEVM.length), idx.qevm());
        assertEquals(List.of(new LengthField(8692, 4, false, 8, "EMULATOR_CONTEXT body_length")), idx.lengthFields());
        assertEquals(new Span(8704 + QEVM.length, V2Records.padding(8 + QEVM.length)), idx.padding());
        assertFalse(idx.qevmToEof());
        assertEquals(List.of(), idx.diagnostics().stream().filter(d -> d.code() != DiagnosticCode.CONTAINER_INFO)
                .toList());
    }

    @Test
    void bytesAfterTheLibxlEndAreTrailingFromTheFirstOneOn() {
        byte[] bare = image(w -> w.libxlV2(1, QEVM));
        assertEquals(List.of(), of(indexer.index(ByteSource.of(bare)), DiagnosticCode.CONTAINER_TRAILING));
        byte[] longer = Arrays.copyOf(bare, bare.length + 1);
        assertEquals("CONTAINER_TRAILING@" + bare.length + "+1",
                at(only(indexer.index(ByteSource.of(longer)), DiagnosticCode.CONTAINER_TRAILING)));
    }

    @Test
    void theBareStreamNeedsAWholeLibxlHeaderAndTheXlHeaderItsStreamV2Flag() {
        XlV2Walker walker = new XlV2Walker();
        byte[] bare = image(w -> libxlHeader(w, 0));
        assertTrue(walker.recognises(ByteSource.of(bare)));
        assertFalse(walker.recognises(ByteSource.of(Arrays.copyOf(bare, 15))), "15 bytes: no whole header");
        byte[] other = bare.clone();
        other[7] = 'g';
        assertFalse(walker.recognises(ByteSource.of(other)));
        for (long flags = 0; flags < 4; flags++) {
            long f = flags;
            byte[] xl = image(w -> w.xlHeader(f, "c").bytes(new byte[16]));
            assertEquals((flags & 2) != 0, walker.recognises(ByteSource.of(xl)), "mandatory flags " + flags);
        }
    }

    @Test
    void aStreamThatIsNotLibxlAfterTheXlHeaderIsInconsistentAtItsFirstByte() {
        // xl header: 48 bytes, then optional data of 4 + 1: the stream starts at 53
        byte[] wrong = image(w -> w.xlHeader(2, "c").ascii("LibxlFmX").be32(2).be32(0));
        ContainerIndex idx = indexer.index(ByteSource.of(wrong));
        assertEquals(ContainerKind.XL_V2, idx.kind());
        assertEquals("CONTAINER_INCONSISTENT@53+8", at(only(idx, DiagnosticCode.CONTAINER_INCONSISTENT)));
        assertNull(idx.qevm());
        byte[] cut = image(w -> w.xlHeader(2, "c").ascii("LibxlFmt").be32(2).be16(0));
        ContainerIndex cutIdx = indexer.index(ByteSource.of(cut));
        assertEquals(List.of("CONTAINER_TRUNCATED@53+14"), cutIdx.diagnostics().stream()
                .filter(d -> d.code() != DiagnosticCode.CONTAINER_INFO).map(MigrationV2EdgesTest::at).toList());
        assertEquals(List.of("xl-header", "xl-config"), cutIdx.records().stream().map(ContainerRecord::type).toList());
    }

    @Test
    void aLibxlVersionOtherThanTwoIsNamedAtItsOffsetAndTheWalkGoesOn() {
        byte[] v3 = image(w -> {
            w.ascii("LibxlFmt").be32(3).be32(0);
            w.v2Record(3, emulator(1, QEVM)).v2Record(0, new byte[0]);
        });
        ContainerIndex idx = indexer.index(ByteSource.of(v3));
        assertEquals("CONTAINER_INCONSISTENT@8+4", at(only(idx, DiagnosticCode.CONTAINER_INCONSISTENT)));
        assertEquals("unknown", field(idx.records().get(0), "version").meaningText());
        assertEquals(new Span(32, QEVM.length), idx.qevm());
        ContainerIndex v2 = indexer.index(ByteSource.of(image(w -> {
            libxlHeader(w, 0);
            w.v2Record(3, emulator(1, QEVM)).v2Record(0, new byte[0]);
        })));
        assertEquals(List.of(), of(v2, DiagnosticCode.CONTAINER_INCONSISTENT));
        assertEquals("libxl migration v2", field(v2.records().get(0), "version").meaningText());
        assertEquals("little-endian", field(v2.records().get(0), "options").meaningText());
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1})
    void emulatorZeroAndOneHoldTheQevmStream(long id) {
        byte[] bytes = image(w -> {
            libxlHeader(w, 0);
            w.v2Record(3, emulator(id, QEVM)).v2Record(0, new byte[0]);
        });
        ContainerIndex idx = indexer.index(ByteSource.of(bytes));
        assertEquals(new Span(32, QEVM.length), idx.qevm());
        assertEquals(List.of(new LengthField(20, 4, false, 8, "EMULATOR_CONTEXT body_length")), idx.lengthFields());
        ContainerRecord r = idx.records().get(1);
        assertEquals("EMULATOR_CONTEXT", r.name());
        assertEquals(new Span(16, 16 + QEVM.length + V2Records.padding(8 + QEVM.length)), r.span());
        assertEquals(List.of("type@16", "body_length@20", "emulator_id@24", "index@28"),
                r.fields().stream().map(f -> f.name() + "@" + f.span().offset()).toList());
        assertEquals(id, field(r, "emulator_id").value());
        assertEquals(id == 0 ? "unknown (convert-legacy-stream)" : "qemu-traditional",
                field(r, "emulator_id").meaningText());
        assertEquals(3, field(r, "index").value());
        assertEquals(List.of(), idx.diagnostics().stream().filter(d -> d.code() != DiagnosticCode.CONTAINER_INFO)
                .toList());
    }

    @Test
    void upstreamQemusStateIsSaidAndNotTakenForAQevmStream() {
        byte[] bytes = image(w -> {
            libxlHeader(w, 0);
            w.v2Record(3, emulator(2, QEVM)).v2Record(0, new byte[0]);
        });
        ContainerIndex idx = indexer.index(ByteSource.of(bytes));
        assertEquals(List.of("CONTAINER_INFO@16+8", "EMBEDDED_STREAM@32+8"),
                idx.diagnostics().stream().map(MigrationV2EdgesTest::at).toList());
        assertNull(idx.qevm());
        assertEquals(List.of(), idx.lengthFields());
        assertNull(idx.padding());
        assertEquals(List.of(32L), idx.embedded());
    }

    @Test
    void anEmulatorLibxlDoesNotDefineIsInconsistentAtItsId() {
        byte[] bytes = image(w -> {
            libxlHeader(w, 0);
            w.v2Record(3, emulator(3, QEVM)).v2Record(0, new byte[0]);
        });
        ContainerIndex idx = indexer.index(ByteSource.of(bytes));
        assertEquals("CONTAINER_INCONSISTENT@24+4", at(only(idx, DiagnosticCode.CONTAINER_INCONSISTENT)));
        assertEquals("unknown", field(idx.records().get(1), "emulator_id").meaningText());
        assertNull(idx.qevm());
    }

    @ParameterizedTest
    @ValueSource(longs = {2, 3})
    void anEmulatorRecordNeedsItsEightByteSubHeader(long type) {
        byte[] seven = image(w -> {
            libxlHeader(w, 0);
            w.v2Record(type, new byte[] {1, 0, 0, 0, 0, 0, 0}).v2Record(0, new byte[0]);
        });
        ContainerIndex idx = indexer.index(ByteSource.of(seven));
        assertEquals("CONTAINER_INCONSISTENT@20+4", at(only(idx, DiagnosticCode.CONTAINER_INCONSISTENT)));
        assertEquals(List.of("type", "body_length"), idx.records().get(1).fields().stream().map(Field::name).toList());
        assertNull(idx.qevm());
        byte[] eight = image(w -> {
            libxlHeader(w, 0);
            w.v2Record(type, new byte[] {1, 0, 0, 0, 0, 0, 0, 0}).v2Record(0, new byte[0]);
        });
        ContainerIndex ok = indexer.index(ByteSource.of(eight));
        assertEquals(List.of(), of(ok, DiagnosticCode.CONTAINER_INCONSISTENT));
        assertEquals(List.of("type", "body_length", "emulator_id", "index"),
                ok.records().get(1).fields().stream().map(Field::name).toList());
        assertEquals(type == 3 ? new Span(32, 0) : null, ok.qevm());
    }

    @Test
    void aLibxcContextWithABodyIsInconsistentAndTheImageIsReadAfterIt() {
        byte[] bytes = image(w -> {
            libxlHeader(w, 0);
            w.v2Record(1, new byte[8]).libxcV2(1);
            w.v2Record(3, emulator(1, QEVM)).v2Record(0, new byte[0]);
        });
        ContainerIndex idx = indexer.index(ByteSource.of(bytes));
        assertEquals("CONTAINER_INCONSISTENT@20+4", at(only(idx, DiagnosticCode.CONTAINER_INCONSISTENT)));
        assertEquals(new Span(32, 24), idx.records().get(2).span(), "the libxc image header after the 8 bytes");
        assertTrue(idx.qevm() != null && idx.qevm().length() == QEVM.length);
    }

    @Test
    void aLibxcImageCutShortStopsTheLibxlWalk() {
        byte[] whole = image(w -> {
            libxlHeader(w, 0);
            w.v2Record(1, new byte[0]).libxcV2(1);
            w.v2Record(3, emulator(1, QEVM)).v2Record(0, new byte[0]);
        });
        ContainerIndex idx = indexer.index(ByteSource.of(Arrays.copyOf(whole, (int) FIRST + 4)));
        assertEquals("CONTAINER_TRUNCATED@64+4", at(only(idx, DiagnosticCode.CONTAINER_TRUNCATED)));
        assertNull(idx.qevm());
        assertEquals(List.of(), of(idx, DiagnosticCode.CONTAINER_TRAILING));
    }

    @Test
    void theOptionalBitOfARecordTypeKeepsItsNameAndAnUndefinedTypeIsSkippedByLength() {
        byte[] bytes = image(w -> {
            libxlHeader(w, 0);
            w.v2Record(0x80000004L, new byte[0]).v2Record(6, new byte[3]);
            w.v2Record(3, emulator(1, QEVM)).v2Record(0, new byte[0]);
        });
        ContainerIndex idx = indexer.index(ByteSource.of(bytes));
        assertEquals("CONTAINER_UNKNOWN_RECORD@24+4", at(only(idx, DiagnosticCode.CONTAINER_UNKNOWN_RECORD)));
        assertEquals(List.of("CHECKPOINT_END", "unknown"), idx.records().subList(1, 3).stream()
                .map(ContainerRecord::name).toList());
        assertEquals("CHECKPOINT_END (optional)", field(idx.records().get(1), "type").meaningText());
        assertEquals(new Span(24, 16), idx.records().get(2).span());
        assertEquals(new Span(56, QEVM.length), idx.qevm());
    }

    @Test
    void aBigEndianLibxlStreamReadsItsRecordsBigEndian() {
        byte[] bytes = image(w -> {
            libxlHeader(w, 3);
            // the emulator sub-header big-endian: id 1, index 0x01020304
            w.be32(3).be32(8 + QEVM.length).be32(1).be32(0x01020304L).bytes(QEVM)
                    .bytes(new byte[V2Records.padding(8 + QEVM.length)]);
            beRecord(w, 0, new byte[0]);
        });
        ContainerIndex idx = indexer.index(ByteSource.of(bytes));
        assertEquals("big-endian, legacy (converted)", field(idx.records().get(0), "options").meaningText());
        assertEquals(new Span(32, QEVM.length), idx.qevm());
        assertEquals(List.of(new LengthField(20, 4, true, 8, "EMULATOR_CONTEXT body_length")), idx.lengthFields());
        ContainerRecord r = idx.records().get(1);
        assertEquals(FieldType.BE32, field(r, "body_length").type());
        assertEquals(8 + QEVM.length, field(r, "body_length").value());
        assertEquals(0x01020304L, field(r, "index").value());
        assertEquals(List.of(), idx.diagnostics().stream().filter(d -> d.code() != DiagnosticCode.CONTAINER_INFO)
                .toList());
    }

    // ---- the record shape ----

    @Test
    void aRecordBodyMayEndExactlyAtTheEndOfTheFileButNotOnePast() {
        // END with a 5-byte body: header at 16, body 24..29, padding 29..32
        byte[] full = image(w -> {
            libxlHeader(w, 0);
            w.le32(0).le32(5).bytes(new byte[5]).bytes(new byte[3]);
        });
        assertEquals(List.of(), indexer.index(ByteSource.of(full)).diagnostics().stream()
                .filter(d -> d.code() != DiagnosticCode.CONTAINER_INFO && d.code() != DiagnosticCode.EMBEDDED_STREAM)
                .toList());
        ContainerIndex inPadding = indexer.index(ByteSource.of(Arrays.copyOf(full, 31)));
        assertEquals("CONTAINER_TRUNCATED@29+2", at(only(inPadding, DiagnosticCode.CONTAINER_TRUNCATED)));
        ContainerIndex bodyEnd = indexer.index(ByteSource.of(Arrays.copyOf(full, 29)));
        assertEquals("CONTAINER_TRUNCATED@29+0", at(only(bodyEnd, DiagnosticCode.CONTAINER_TRUNCATED)));
        ContainerIndex inBody = indexer.index(ByteSource.of(Arrays.copyOf(full, 28)));
        assertEquals("CONTAINER_TRUNCATED@20+4", at(only(inBody, DiagnosticCode.CONTAINER_TRUNCATED)));
        ContainerIndex inHeader = indexer.index(ByteSource.of(Arrays.copyOf(full, 23)));
        assertEquals("CONTAINER_TRUNCATED@16+7", at(only(inHeader, DiagnosticCode.CONTAINER_TRUNCATED)));
    }

    @Test
    void everyNonZeroPaddingByteIsBadPaddingOverTheWholePadding() {
        for (int i = 0; i < 3; i++) {
            byte[] full = image(w -> {
                libxlHeader(w, 0);
                w.le32(0).le32(5).bytes(new byte[5]).bytes(new byte[3]);
            });
            full[29 + i] = (byte) 0x80;
            ContainerIndex idx = indexer.index(ByteSource.of(full));
            assertEquals("CONTAINER_BAD_PADDING@29+3", at(only(idx, DiagnosticCode.CONTAINER_BAD_PADDING)), "byte " + i);
        }
    }

    // ---- libxc image ----

    @Test
    void theLibxcHeadersAreFieldsAtTheirOffsets() {
        for (boolean big : new boolean[] {false, true}) {
            ContainerIndex idx = indexer.index(ByteSource.of(libxc(big, w -> { })));
            ContainerRecord image = idx.records().get(2);
            assertEquals(new Span(LIBXC, 24), image.span());
            assertEquals("Xen ≥ 4.14", field(image, "version").meaningText());
            assertEquals(big ? "big-endian" : "little-endian", field(image, "options").meaningText());
            assertEquals(new Span(LIBXC + 16, 2), field(image, "options").span());
            assertEquals(new Span(LIBXC + 18, 6), field(image, "reserved").span());
            ContainerRecord domain = idx.records().get(3);
            assertEquals(new Span(LIBXC + 24, 16), domain.span());
            assertEquals("x86 HVM", field(domain, "type").meaningText());
            Field shift = field(domain, "page_shift");
            assertEquals(12, shift.value());
            assertEquals(big ? FieldType.BE16 : FieldType.LE16, shift.type());
            assertEquals(LIBXC + 28, shift.span().offset());
            assertEquals(4, field(domain, "xen_major").value());
            assertEquals(17, field(domain, "xen_minor").value());
            assertEquals(LIBXC + 36, field(domain, "xen_minor").span().offset());
            assertEquals(new Span(FIRST, 8), idx.records().get(4).span(), "libxc END");
        }
    }

    @Test
    void theLibxcVersionsAreNamed() {
        for (int version = 1; version <= 4; version++) {
            int v = version;
            byte[] bytes = libxc(false, w -> { });
            bytes[(int) LIBXC + 15] = (byte) v;
            assertEquals(v == 2 ? "Xen 4.6–4.13" : v == 3 ? "Xen ≥ 4.14" : "unknown",
                    field(indexer.index(ByteSource.of(bytes)).records().get(2), "version").meaningText());
        }
    }

    @Test
    void aLibxcImageWithoutItsMarkerOrIdentIsInconsistentOverTheTwelveBytes() {
        for (int at : new int[] {0, 7, 8, 11}) {
            byte[] bytes = libxc(false, w -> { });
            bytes[(int) LIBXC + at] ^= 0x01;
            ContainerIndex idx = indexer.index(ByteSource.of(bytes));
            assertEquals(List.of("CONTAINER_INCONSISTENT@24+12"), idx.diagnostics().stream()
                    .filter(d -> d.code() != DiagnosticCode.CONTAINER_INFO).map(MigrationV2EdgesTest::at).toList(),
                    "byte " + at + ": the libxl walk stops with the libxc one");
            assertEquals(List.of("libxl header", "LIBXC_CONTEXT"), idx.records().stream().map(ContainerRecord::name)
                    .toList());
        }
        byte[] cut = Arrays.copyOf(libxc(false, w -> { }), (int) FIRST - 1);
        assertEquals("CONTAINER_TRUNCATED@24+39",
                at(only(indexer.index(ByteSource.of(cut)), DiagnosticCode.CONTAINER_TRUNCATED)));
    }

    /** Pfns that fill all 52 bits, types that carry data (0, 1, 9, 0xC) and those that do not (0xD, 0xE, 0xF). */
    private static final long[] ENTRIES = {
        0x0ABCDEF012345L, 0xDL << 60 | 0x1L, 0xEL << 60 | 0x2L, 0xFL << 60 | 0xF123456789ABCL,
        0x1L << 60 | 0x0102030405060L, 0x9L << 60 | 0x3L, 0xCL << 60 | 0x0FEDCBA987654L};

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void thePfnArrayIsReadInTheImagesByteOrderAndOnlyPagesWithContentsCount(boolean big) {
        ContainerIndex idx = indexer.index(ByteSource.of(libxc(big, w -> pageData(w, big, ENTRIES, 4))));
        assertEquals(List.of(), idx.diagnostics().stream().filter(d -> d.code() == DiagnosticCode.CONTAINER_INCONSISTENT
                || d.code() == DiagnosticCode.CONTAINER_TRUNCATED).toList());
        ContainerRecord run = pageRuns(idx).get(0);
        assertEquals(new Span(FIRST, 8 + 8 + 7 * 8 + 4 * 4096), run.span());
        assertEquals(new PageRun(1, 7, 4, 0x1L, 0xF123456789ABCL, 4 * 4096, true, 8, true), run.pages());
    }

    @Test
    void thePfnArrayIsReadInBlocksOf1024Entries() {
        long[] entries = new long[1025];
        for (int i = 0; i < 1024; i++) {
            entries[i] = 0xFL << 60 | (1000 + i);
        }
        entries[1024] = 5; // the only page with contents, in the second block
        ContainerIndex idx = indexer.index(ByteSource.of(libxc(false, w -> pageData(w, false, entries, 1))));
        assertEquals(new PageRun(1, 1025, 1, 5, 2023, 4096, true, 8, true), pageRuns(idx).get(0).pages());
    }

    @Test
    void consecutivePageDataRecordsAreOneRunAndAnyOtherRecordEndsIt() {
        byte[] bytes = libxc(false, w -> {
            pageData(w, false, new long[] {7}, 1);
            pageData(w, false, new long[] {3, 9}, 2);
            w.v2Record(8, new byte[24]);
            pageData(w, false, new long[] {0xFL << 60 | 11}, 0);
        });
        ContainerIndex idx = indexer.index(ByteSource.of(bytes));
        List<ContainerRecord> runs = pageRuns(idx);
        long second = FIRST + 8 + 8 + 8 + 4096;
        long tsc = second + 8 + 8 + 16 + 8192;
        assertEquals(List.of(new Span(FIRST, tsc - FIRST), new Span(tsc + 32, 8 + 8 + 8)),
                runs.stream().map(ContainerRecord::span).toList());
        assertEquals(new PageRun(2, 3, 3, 3, 9, 3 * 4096, true, 8, true), runs.get(0).pages());
        assertEquals(new PageRun(1, 1, 0, 11, 11, 0, true, 8, true), runs.get(1).pages());
        assertEquals(List.of(new PageBatches.Batch(new Span(FIRST, second - FIRST), new PageRun(1, 1, 1, 7, 7, 4096,
                true, 8, true)), new PageBatches.Batch(new Span(second, tsc - second), new PageRun(1, 2, 2, 3, 9, 8192,
                true, 8, true))), PageBatches.list(ByteSource.of(bytes), runs.get(0), 10));
        assertEquals("X86_TSC_INFO", idx.records().stream().filter(r -> r.span().offset() == tsc).findFirst()
                .orElseThrow().name());
    }

    @Test
    void aRunIsKeptWhenTheFileEndsOrTheNextRecordIsBroken() {
        byte[] whole = libxc(false, w -> {
            pageData(w, false, new long[] {7}, 1);
            w.le32(1).le32(7).bytes(new byte[8]);
        });
        long second = FIRST + 8 + 8 + 8 + 4096;
        ContainerIndex broken = indexer.index(ByteSource.of(whole));
        assertEquals(List.of("CONTAINER_INCONSISTENT@" + (second + 4) + "+4"), broken.diagnostics().stream()
                .filter(d -> d.code() != DiagnosticCode.CONTAINER_INFO).map(MigrationV2EdgesTest::at).toList(),
                "the libxl walk stops with the libxc one");
        assertEquals(List.of(new Span(FIRST, second - FIRST)), pageRuns(broken).stream().map(ContainerRecord::span)
                .toList());
        ContainerIndex cut = indexer.index(ByteSource.of(Arrays.copyOf(whole, (int) second + 3)));
        assertEquals("CONTAINER_TRUNCATED@" + second + "+3", at(only(cut, DiagnosticCode.CONTAINER_TRUNCATED)));
        assertEquals(List.of(new Span(FIRST, second - FIRST)), pageRuns(cut).stream().map(ContainerRecord::span)
                .toList());
    }

    @Test
    void aPageDataRecordNeedsItsEightByteHeaderAndRoomForItsPfns() {
        ContainerIndex empty = indexer.index(ByteSource.of(libxc(false, w -> pageData(w, false, new long[0], 0))));
        assertEquals(new PageRun(1, 0, 0, -1, -1, 0, true, 8, true), pageRuns(empty).get(0).pages());
        assertEquals(List.of(), of(empty, DiagnosticCode.CONTAINER_INCONSISTENT));

        ContainerIndex seven = indexer.index(ByteSource.of(libxc(false, w -> w.le32(1).le32(7).bytes(new byte[8]))));
        assertEquals("CONTAINER_INCONSISTENT@" + (FIRST + 4) + "+4",
                at(only(seven, DiagnosticCode.CONTAINER_INCONSISTENT)));
        assertEquals(List.of(), pageRuns(seven));

        // two entries of pages without contents: 8 + 16 bytes hold them exactly, 8 + 15 do not
        byte[] exact = libxc(false, w -> w.le32(1).le32(24).le32(2).le32(0).le64(0xFL << 60).le64(0xFL << 60 | 1));
        ContainerIndex fits = indexer.index(ByteSource.of(exact));
        assertEquals(List.of(), of(fits, DiagnosticCode.CONTAINER_INCONSISTENT));
        assertEquals(new PageRun(1, 2, 0, 0, 1, 0, true, 8, true), pageRuns(fits).get(0).pages());
        byte[] short1 = libxc(false, w -> w.le32(1).le32(23).le32(2).le32(0).le64(0xFL << 60).bytes(new byte[8]));
        for (ContainerIndexer x : List.of(indexer, indexer.headersOnly())) {
            ContainerIndex over = x.index(ByteSource.of(short1));
            assertEquals("CONTAINER_INCONSISTENT@" + (FIRST + 8) + "+4",
                    at(only(over, DiagnosticCode.CONTAINER_INCONSISTENT)));
            assertEquals(List.of(), pageRuns(over));
        }
    }

    @Test
    void countedFromItsLengthARecordMayHoldOnePagePerEntryButNotMore() {
        ContainerIndexer counted = indexer.headersOnly();
        ContainerIndex one = counted.index(ByteSource.of(libxc(false, w -> pageData(w, false, new long[] {4, 5}, 2))));
        assertEquals(List.of(), of(one, DiagnosticCode.CONTAINER_INCONSISTENT));
        assertEquals(new PageRun(1, 2, 2, -1, -1, 8192, true, 8, false), pageRuns(one).get(0).pages());

        ContainerIndex more = counted.index(ByteSource.of(libxc(false, w -> pageData(w, false, new long[] {4}, 2))));
        Diagnostic d = only(more, DiagnosticCode.CONTAINER_INCONSISTENT);
        assertEquals("CONTAINER_INCONSISTENT@" + (FIRST + 4) + "+4", at(d));
        assertTrue(d.message().endsWith("more than one page per entry"), d.message());
        assertEquals(new PageRun(1, 1, 1, -1, -1, 8192, true, 8, false), pageRuns(more).get(0).pages());

        ContainerIndex fewer = counted.index(ByteSource.of(libxc(false, w -> pageData(w, false, new long[] {4, 5}, 1))));
        assertEquals(List.of(), of(fewer, DiagnosticCode.CONTAINER_INCONSISTENT));
        assertEquals(new PageRun(1, 2, 1, -1, -1, 4096, true, 8, false), pageRuns(fewer).get(0).pages());
    }

    @Test
    void anUndefinedLibxcRecordIsSkippedByLengthAndAnOptionalOneKeepsItsName() {
        byte[] bytes = libxc(false, w -> w.v2Record(0x20, new byte[4]).v2Record(0x8000000EL, new byte[0]));
        ContainerIndex idx = indexer.index(ByteSource.of(bytes));
        assertEquals("CONTAINER_UNKNOWN_RECORD@" + FIRST + "+4", at(only(idx, DiagnosticCode.CONTAINER_UNKNOWN_RECORD)));
        assertEquals(List.of("unknown", "CHECKPOINT", "END"), idx.records().subList(4, 7).stream()
                .map(ContainerRecord::name).toList());
        assertEquals(new Span(FIRST + 16, 8), idx.records().get(5).span());
    }

    // ---- the index's own answers ----

    @Test
    void thePaddingARepairWritesFollowsTheQevmLength() {
        ContainerIndex v2 = indexer.index(ByteSource.of(image(w -> w.libxlV2(1, QEVM))));
        // the body is the 8-byte sub-header and the stream; it ends on a multiple of 8
        assertEquals(List.of(0, 7, 1, 0, 7), List.of(v2.paddingFor(0), v2.paddingFor(1), v2.paddingFor(7),
                v2.paddingFor(8), v2.paddingFor(9)));
        ContainerIndex legacy = indexer.index(ByteSource.of(SaveImageWriter.image(SaveImageWriter.Kind.XL_LEGACY,
                QEVM, 1)));
        assertEquals(-1, legacy.paddingFor(1));
    }

    @Test
    void onlyAKnownContainerIsAContainer() {
        assertTrue(indexer.index(ByteSource.of(image(w -> w.libxlV2(1, QEVM)))).isContainer());
        assertFalse(indexer.index(ByteSource.of(QEVM)).isContainer(), "a bare stream");
        assertFalse(indexer.index(ByteSource.of(new byte[64])).isContainer(), "nothing known");
    }

    @Test
    void cancellationIsAskedBeforeEveryRecord() {
        byte[] bare = image(w -> w.libxlV2(1, QEVM));
        int[] polls = {0};
        indexer.index(ByteSource.of(bare), new org.savevminspector.io.ParseOptions(null, () -> {
            polls[0]++;
            return false;
        }));
        int n = polls[0];
        int[] seen = {0};
        java.util.concurrent.CancellationException e = org.junit.jupiter.api.Assertions.assertThrows(
                java.util.concurrent.CancellationException.class, () -> indexer.index(ByteSource.of(bare),
                        new org.savevminspector.io.ParseOptions(null, () -> ++seen[0] == n)));
        assertEquals("indexing cancelled at offset " + (bare.length - 8), e.getMessage(), "the last poll: libxl END");
    }

    @Test
    void aPageDataRecordOfAnOddLengthIsListedWithItsPadding() {
        // one entry and 4 bytes where a page belongs: inconsistent, padded to 8, and still part of the run
        byte[] bytes = libxc(false, w -> {
            w.le32(1).le32(8 + 8 + 4).le32(1).le32(0).le64(6).bytes(new byte[4]).bytes(new byte[4]);
            pageData(w, false, new long[] {7}, 1);
        });
        ContainerIndex idx = indexer.index(ByteSource.of(bytes));
        ContainerRecord run = pageRuns(idx).get(0);
        List<PageBatches.Batch> batches = PageBatches.list(ByteSource.of(bytes), run, 10);
        assertEquals(List.of(new Span(FIRST, 32), new Span(FIRST + 32, 8 + 8 + 8 + 4096)),
                batches.stream().map(PageBatches.Batch::span).toList());
    }
}
