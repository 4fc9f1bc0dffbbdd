package org.savevminspector.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.savevminspector.diagnostics.DiagnosticCode;
import org.savevminspector.fixtures.Fixtures;
import org.savevminspector.fixtures.SaveImageWriter;
import org.savevminspector.io.ByteSource;
import org.savevminspector.model.Span;

/**
 * XenServer's structured suspend image (FORMAT.md D.5) at its edges: a record length that reaches exactly the end of
 * the file and one past it (and one so large it is negative as a signed word), the Qemu_trad record cut short, a
 * record type xenopsd does not define, and what follows End_of_image. Offsets are counted from the 15-byte
 * signature and the 16-byte record headers.
 */
class XenServerImageEdgesTest {
    private static final byte[] QEVM = Fixtures.defaultGuest().bytes();
    private final ContainerIndexer indexer = ContainerIndexer.standard();

    /** Signature, a Xenops record of 4 bytes (15..35), then {@code rest}. */
    private static byte[] image(Consumer<SaveImageWriter> rest) {
        SaveImageWriter.MemorySink sink = new SaveImageWriter.MemorySink();
        SaveImageWriter w = new SaveImageWriter(sink).ascii("XenSavedDomv2-\n").le64(0x0F).le64(4).ascii("(())");
        rest.accept(w);
        return sink.toByteArray();
    }

    private static List<String> problems(ContainerIndex idx) {
        return idx.diagnostics().stream().filter(d -> d.code() != DiagnosticCode.CONTAINER_INFO)
                .map(d -> d.code() + "@" + d.offset() + "+" + d.length()).toList();
    }

    @Test
    void theQemuTradRecordHoldsTheStreamAndItsLengthIsTheLengthField() {
        ContainerIndex idx = indexer.index(ByteSource.of(image(w -> w.le64(0x0F00).le64(QEVM.length).bytes(QEVM)
                .le64(0xFFFF).le64(0))));
        assertEquals(List.of(), problems(idx));
        assertEquals(new Span(35 + 16, QEVM.length), idx.qevm());
        assertEquals(List.of(new LengthField(35 + 8, 8, false, 0, "Qemu_trad record length (le64)")),
                idx.lengthFields());
        assertEquals(List.of("XenSavedDomv2-@0+15", "Xenops@15+20", "Qemu_trad@35+" + (16 + QEVM.length),
                "End_of_image@" + (51 + QEVM.length) + "+16"), idx.records().stream()
                .map(r -> r.name() + "@" + r.span().offset() + "+" + r.span().length()).toList());
        assertEquals("Qemu_trad", idx.records().get(2).fields().get(0).meaningText());
    }

    @Test
    void aQemuTradLengthOnePastTheEndIsCutAndTheStreamClipped() {
        byte[] exact = image(w -> w.le64(0x0F00).le64(QEVM.length).bytes(QEVM));
        ContainerIndex toEnd = indexer.index(ByteSource.of(exact));
        assertEquals(List.of("CONTAINER_TRUNCATED@" + exact.length + "+0"), problems(toEnd), "no End_of_image");
        assertEquals(new Span(51, QEVM.length), toEnd.qevm());
        byte[] over = image(w -> w.le64(0x0F00).le64(QEVM.length + 1).bytes(QEVM));
        ContainerIndex cut = indexer.index(ByteSource.of(over));
        assertEquals(List.of("CONTAINER_TRUNCATED@43+8"), problems(cut));
        assertEquals(new Span(51, QEVM.length), cut.qevm());
        assertEquals(List.of(new LengthField(43, 8, false, 0, "Qemu_trad record length (le64)")), cut.lengthFields());
    }

    @Test
    void aLengthNegativeAsASignedWordIsCut() {
        ContainerIndex idx = indexer.index(ByteSource.of(image(w -> w.le64(0x0F11).le64(-1).bytes(new byte[8]))));
        assertEquals(List.of("CONTAINER_TRUNCATED@43+8"), problems(idx));
        assertNull(idx.qevm());
        assertEquals(2, idx.records().size());
    }

    @Test
    void anUndefinedTypeIsSkippedByItsLength() {
        ContainerIndex idx = indexer.index(ByteSource.of(image(w -> w.le64(0x0F14).le64(3).bytes(new byte[3])
                .le64(0x0F00).le64(QEVM.length).bytes(QEVM).le64(0xFFFF).le64(0))));
        assertEquals(List.of("CONTAINER_UNKNOWN_RECORD@35+8"), problems(idx));
        assertEquals("unknown", idx.records().get(2).name());
        assertEquals("unknown", idx.records().get(2).fields().get(0).meaningText());
        assertEquals(new Span(35, 19), idx.records().get(2).span());
        assertEquals(new Span(54 + 16, QEVM.length), idx.qevm());
    }

    @Test
    void bytesAfterEndOfImageAreTrailing() {
        byte[] bytes = image(w -> w.le64(0x0F00).le64(QEVM.length).bytes(QEVM).le64(0xFFFF).le64(0).bytes(new byte[2]));
        assertEquals(List.of("CONTAINER_TRAILING@" + (bytes.length - 2) + "+2"),
                problems(indexer.index(ByteSource.of(bytes))));
    }

    @Test
    void aRecordHeaderCutShortIsTruncatedWhereItStarts() {
        byte[] bytes = image(w -> w.le64(0x0F00).le32(5));
        assertEquals(List.of("CONTAINER_TRUNCATED@35+12"), problems(indexer.index(ByteSource.of(bytes))));
    }

    @Test
    void theQemuTradRecordReplacesALegacyRecordsLengthField() {
        ContainerIndex idx = indexer.index(ByteSource.of(image(w -> {
            w.le64(0xF2).le64(0).legacyLibxc(4, 1, false).qemu0002(QEVM);
            w.le64(0x0F00).le64(QEVM.length).bytes(QEVM).le64(0xFFFF).le64(0);
        })));
        long trad = idx.records().stream().filter(r -> r.name().equals("Qemu_trad")).findFirst().orElseThrow().span()
                .offset();
        assertEquals(List.of(new LengthField(trad + 8, 8, false, 0, "Qemu_trad record length (le64)")),
                idx.lengthFields());
        assertEquals(new Span(trad + 16, QEVM.length), idx.qevm());
    }

    @Test
    void progressStartsAtOffsetZeroWhenNothingIsRecognised() {
        byte[] junk = new byte[100];
        java.util.Arrays.fill(junk, (byte) 0x42);
        List<String> seen = new java.util.ArrayList<>();
        indexer.index(ByteSource.of(junk), new org.savevminspector.io.ParseOptions((done, total) -> seen.add(done
                + "/" + total), null));
        assertEquals(List.of("0/100", "100/100"), seen);
    }
}
