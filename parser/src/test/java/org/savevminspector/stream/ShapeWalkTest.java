package org.savevminspector.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.diagnostics.DiagnosticCode;
import org.savevminspector.io.ByteSource;
import org.savevminspector.io.ParseOptions;
import org.savevminspector.model.Section;
import org.savevminspector.model.SectionType;
import org.savevminspector.model.StreamFormat;

/** The walk's mechanics on toy devices (see {@link TinyStream}). */
class ShapeWalkTest {
    private final SavevmParser parser = new SavevmParser(TinyStream.CATALOG);

    private ParseResult parse(byte[] b) {
        return parser.parse(ByteSource.of(b), ParseOptions.DEFAULT);
    }

    private static List<DiagnosticCode> codes(ParseResult r) {
        return r.diagnostics().stream().map(Diagnostic::code).toList();
    }

    @Test
    void cleanStreamHasExactSpansAndNoDiagnostics() {
        byte[] b = TinyStream.v3().full(0, "alpha", 0, 2, 0, 0, 0, 7, 0, 0, 0xCA, 0xFE)
                .full(1, "beta", 0, 1, 0x12, 0x34).eof().bytes();
        ParseResult r = parse(b);
        assertEquals(StreamFormat.QEVM_V3, r.format());
        assertEquals(List.of(), r.diagnostics());
        Section a = r.sections().get(0);
        assertEquals(SectionType.FULL, a.type());
        assertEquals(8, a.header().offset());
        assertEquals(19, a.header().length());
        assertEquals(27, a.body().offset());
        assertEquals(8, a.body().length());
        assertEquals(2, a.shapeVersion());
        assertEquals(0xCAFE, a.fields().get(1).value());
        assertEquals(31, a.fields().get(1).span().offset());
        Section beta = r.sections().get(1);
        assertEquals(35, beta.header().offset());
        assertEquals(0x1234, beta.fields().get(0).value());
        assertEquals(b.length - 1, r.eof().offset());
        assertNull(r.trailing());
    }

    @Test
    void labelWithTheOtherShapeIsAMismatchWhenTheShortShapeLandsOnTheEofMarker() {
        // labelled 2, written with the 4-byte v1 body: v2 would run past the end
        byte[] b = TinyStream.v3().full(0, "alpha", 0, 2, 0, 0, 0, 7).eof().bytes();
        ParseResult r = parse(b);
        Section a = r.sections().get(0);
        assertEquals(2, a.versionId());
        assertEquals(1, a.shapeVersion());
        assertTrue(a.labelMismatch());
        assertEquals(4, a.body().length());
        assertEquals(List.of(DiagnosticCode.VERSION_LABEL_MISMATCH), codes(r));
        Diagnostic d = r.diagnostics().get(0);
        assertEquals(a.header().end() - 4, d.offset(), "points at the version label");
        assertTrue(d.explanation().contains("3 of them past the end"), d.explanation());
    }

    @Test
    void trailingPaddingDoesNotHideTheMismatchBecauseTheLabelledShapeHoldsAnImpossibleValue() {
        byte[] b = TinyStream.v3().full(0, "alpha", 0, 2, 0, 0, 0, 7).eof().raw(0, 0, 0, 0, 0, 0, 0).bytes();
        ParseResult r = parse(b);
        assertEquals(1, r.sections().get(0).shapeVersion());
        assertEquals(List.of(DiagnosticCode.VERSION_LABEL_MISMATCH, DiagnosticCode.TRAILING_BYTES), codes(r));
        assertEquals(7, r.trailing().length());
    }

    @Test
    void genuineBodyWithTrailingZerosKeepsItsLabel() {
        byte[] b = TinyStream.v3().full(0, "alpha", 0, 2, 0, 0, 0, 7, 0, 0, 0xCA, 0xFE).eof().raw(0, 0, 0, 0).bytes();
        ParseResult r = parse(b);
        assertEquals(2, r.sections().get(0).shapeVersion());
        assertEquals(List.of(DiagnosticCode.TRAILING_BYTES), codes(r));
    }

    @Test
    void cutInsideTheBodyIsTruncationNotAMismatch() {
        byte[] whole = TinyStream.v3().full(0, "alpha", 0, 2, 0, 0, 0, 7, 0, 0, 0xCA, 0xFE).eof().bytes();
        byte[] cut = java.util.Arrays.copyOf(whole, 27 + 4);
        ParseResult r = parse(cut);
        assertEquals(List.of(DiagnosticCode.TRUNCATED), codes(r));
        assertEquals(2, r.sections().get(0).shapeVersion());
        assertEquals(4, r.sections().get(0).body().length());
        assertEquals(1, r.sections().get(0).fields().size(), "only the complete field is decoded");
    }

    @Test
    void unknownDeviceIsSkippedToTheNextPlausibleHeaderAndSaidSo() {
        byte[] b = TinyStream.v3().full(0, "mystery", 0, 1, 9, 9, 9, 4, 0, 0, 0, 1)
                .full(1, "beta", 0, 1, 0x12, 0x34).eof().bytes();
        ParseResult r = parse(b);
        assertEquals(2, r.sections().size());
        Section m = r.sections().get(0);
        assertFalse(m.decoded());
        assertEquals(8, m.body().length());
        assertEquals("beta", r.sections().get(1).idstr());
        assertEquals(List.of(DiagnosticCode.UNKNOWN_DEVICE, DiagnosticCode.RESYNCHRONISED), codes(r));
    }

    @Test
    void unknownVersionWhoseBytesHaveAKnownLengthIsShownDecodedWithThatShape() {
        byte[] b = TinyStream.v3().full(0, "alpha", 0, 9, 0, 0, 0, 5).full(1, "beta", 0, 1, 1, 2).eof().bytes();
        ParseResult r = parse(b);
        Section a = r.sections().get(0);
        assertTrue(a.decoded());
        assertEquals(1, a.shapeVersion());
        assertTrue(r.diagnostics().get(1).message().contains("exactly the length"), r.diagnostics().toString());
    }

    @Test
    void missingEofTrailingBytesUnknownTypeAndTruncatedHeader() {
        ParseResult noEof = parse(TinyStream.v3().full(0, "beta", 0, 1, 1, 2).bytes());
        assertEquals(List.of(DiagnosticCode.MISSING_EOF), codes(noEof));
        assertEquals(28, noEof.diagnostics().get(0).offset());

        ParseResult badType = parse(TinyStream.v3().full(0, "beta", 0, 1, 1, 2).raw(7, 1, 2).bytes());
        assertEquals(List.of(DiagnosticCode.UNKNOWN_SECTION_TYPE), codes(badType));
        assertEquals(28, badType.unparsed().offset());

        byte[] whole = TinyStream.v3().full(0, "beta", 0, 1, 1, 2).eof().bytes();
        ParseResult cutHeader = parse(java.util.Arrays.copyOf(whole, 12));
        assertEquals(List.of(DiagnosticCode.TRUNCATED), codes(cutHeader));
        assertEquals(8, cutHeader.unparsed().offset());
    }

    @Test
    void headerProblems() {
        assertEquals(List.of(DiagnosticCode.TRUNCATED), codes(parse(new byte[0])));
        assertEquals(List.of(DiagnosticCode.BAD_MAGIC), codes(parse("hello world".getBytes())));
        assertEquals(List.of(DiagnosticCode.TRUNCATED), codes(parse(new byte[] {'Q', 'E', 'V'})));
        ParseResult v4 = parse(new byte[] {'Q', 'E', 'V', 'M', 0, 0, 0, 4, 0});
        assertEquals(List.of(DiagnosticCode.UNSUPPORTED_FILE_VERSION), codes(v4));
        assertEquals(StreamFormat.UNKNOWN, v4.format());
        ParseResult xl = parse("Xen saved domain, xl format\n \0 \r....".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertTrue(xl.diagnostics().get(0).message().contains("xl save file"), xl.diagnostics().toString());
    }

    @Test
    void idsThatDoNotIncreaseAndDuplicatesAreWarned() {
        byte[] b = TinyStream.v3().full(5, "beta", 0, 1, 1, 2).full(5, "beta", 0, 1, 1, 2).eof().bytes();
        List<DiagnosticCode> c = codes(parse(b));
        assertTrue(c.contains(DiagnosticCode.SECTION_ID_ORDER), c.toString());
        assertTrue(c.contains(DiagnosticCode.DUPLICATE_SECTION), c.toString());
    }

    @Test
    void progressIsReportedAndCancellationStopsTheWalk() {
        byte[] b = TinyStream.v3().full(0, "beta", 0, 1, 1, 2).eof().bytes();
        AtomicLong last = new AtomicLong();
        parser.parse(ByteSource.of(b), new ParseOptions((done, total) -> last.set(done), null));
        assertEquals(b.length, last.get());
        assertThrows(CancellationException.class,
                () -> parser.parse(ByteSource.of(b), new ParseOptions(null, () -> true)));
    }

    @Test
    void v2CompatRecordsAreDelimitedByTheirLength() {
        TinyStream t = new TinyStream().raw('Q', 'E', 'V', 'M', 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 19 + 21);
        // record: L, idstr, instance, version, be32 len, body
        t.raw(4).raw('b', 'e', 't', 'a').be32(0).be32(1).be32(2).raw(0xAB, 0xCD);
        t.raw(5).raw('z', 'z', 'z', 'z', 'z').be32(0).be32(1).be32(3).raw(1, 2, 3);
        ParseResult r = parse(t.bytes());
        assertEquals(StreamFormat.QEVM_V2, r.format());
        assertEquals(2, r.sections().size());
        assertTrue(r.sections().get(0).decoded());
        assertEquals(0xABCD, r.sections().get(0).fields().get(0).value());
        assertFalse(r.sections().get(1).decoded());
        assertEquals(3, r.sections().get(1).body().length());
        assertTrue(codes(r).contains(DiagnosticCode.UNKNOWN_DEVICE));
    }
}
