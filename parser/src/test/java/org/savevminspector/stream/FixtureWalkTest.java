package org.savevminspector.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.diagnostics.DiagnosticCode;
import org.savevminspector.fixtures.Fixtures;
import org.savevminspector.fixtures.SectionRecord;
import org.savevminspector.io.ByteSource;
import org.savevminspector.model.Field;
import org.savevminspector.model.Section;
import org.savevminspector.model.SectionType;
import org.savevminspector.model.Span;

/**
 * The shape walk on the fixture writer's files: two independent readings of docs/FORMAT.md (fixture writer and
 * decoders) must agree on every section boundary.
 */
class FixtureWalkTest {
    private static final SavevmParser PARSER = SavevmParser.standard();

    private static ParseResult parse(byte[] b) {
        return PARSER.parse(ByteSource.of(b));
    }

    private static List<DiagnosticCode> codes(ParseResult r) {
        return r.diagnostics().stream().map(Diagnostic::code).toList();
    }

    static Stream<Arguments> wellFormed() {
        return Stream.of(
                Arguments.of("defaultGuest", Fixtures.defaultGuest()),
                Arguments.of("ideDrives(0)", Fixtures.ideDrives(0)),
                Arguments.of("ideDrives(1)", Fixtures.ideDrives(1)),
                Arguments.of("ideDrives(3)", Fixtures.ideDrives(3)),
                Arguments.of("ideDrives(4)", Fixtures.ideDrives(4)),
                Arguments.of("noUsb", Fixtures.noUsb()),
                Arguments.of("stdVga", Fixtures.stdVga()),
                Arguments.of("twoRtl8139", Fixtures.twoRtl8139()),
                Arguments.of("e1000", Fixtures.e1000()),
                Arguments.of("noPciDevfn", Fixtures.noPciDevfn()),
                Arguments.of("xen40", Fixtures.xen40()),
                Arguments.of("cirrusWithVram", Fixtures.cirrusWithVram()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wellFormed")
    void everySectionBoundaryAgreesWithTheFixtureWriter(String name, org.savevminspector.fixtures.Stream f) {
        ParseResult r = parse(f.bytes());
        assertEquals(List.of(), r.diagnostics(), name);
        List<SectionRecord> expected = f.sections().stream().filter(s -> s.kind() != SectionRecord.Kind.EOF).toList();
        assertEquals(expected.size(), r.sections().size(), name);
        for (int i = 0; i < expected.size(); i++) {
            SectionRecord e = expected.get(i);
            Section s = r.sections().get(i);
            assertEquals(e.kind().name(), s.type().name(), name + " #" + i);
            assertEquals(e.headerOffset(), s.header().offset(), name + " #" + i + " " + e.idstr());
            assertEquals(e.bodyOffset(), s.body().offset(), name + " #" + i + " " + e.idstr());
            assertEquals(e.bodyLength(), s.body().length(), name + " #" + i + " " + e.idstr());
            assertEquals(e.sectionId(), s.sectionId(), name + " #" + i);
            if (s.type() == SectionType.FULL) {
                assertEquals(e.idstr(), s.idstr());
                assertEquals(e.instance(), s.instanceId());
                assertEquals(e.version(), s.versionId());
                assertTrue(s.decoded(), name + " " + s.idstr());
                assertFalse(s.labelMismatch(), name + " " + s.idstr());
                assertFieldsTile(s.body(), s.fields(), name + " " + s.idstr());
            }
        }
        assertEquals(new Span(f.length() - 1, 1), r.eof());
    }

    @Test
    void defaultFileMatchesTheSpecTable() {
        ParseResult r = parse(Fixtures.defaultGuest().bytes());
        assertEquals(7525, r.size());
        long[] offsets = {8, 25, 30, 35, 62, 86, 382, 677, 2596, 2818, 3124, 3160, 3191, 3854, 5325, 5348, 5652, 5965,
            6057, 6149, 6711, 7032, 7066, 7219};
        assertEquals(offsets.length, r.sections().size());
        for (int i = 0; i < offsets.length; i++) {
            assertEquals(offsets[i], r.sections().get(i).header().offset(), "section " + i);
        }
        assertEquals(7524, r.eof().offset());
    }

    @Test
    void theXenServerPiix4acpiCaseIsNamedWithItsConsequences() {
        ParseResult r = parse(Fixtures.piix4acpiCase().bytes());
        assertEquals(7513, r.size());
        assertEquals(List.of(DiagnosticCode.VERSION_LABEL_MISMATCH), codes(r));
        Section acpi = r.sections().get(r.sections().size() - 1);
        assertEquals("piix4acpi", acpi.idstr());
        assertEquals(2, acpi.versionId());
        assertEquals(1, acpi.shapeVersion());
        assertEquals(278, acpi.body().length());
        assertEquals(7512, r.eof().offset());
        Diagnostic d = r.diagnostics().get(0);
        assertEquals(acpi.index(), d.section());
        assertEquals(7211 + 19, d.offset(), "the version label bytes (gpe v1 is 8 bytes shorter than v2)");
        assertTrue(d.message().contains("XenServer 6.0–6.2"), d.message());
        assertTrue(d.explanation().contains("corroborated by gpe v1"), d.explanation());
        assertTrue(d.explanation().contains("0x0004-0x0005"), d.explanation());
        assertTrue(d.explanation().contains("3 of them past the end"), d.explanation());
        Field pm1 = acpi.fields().get(acpi.fields().size() - 1);
        assertEquals("pm1_control", pm1.name());
    }

    @Test
    void theSampleShowsTheMismatchDespiteItsPadding() {
        ParseResult r = parse(Fixtures.sample());
        assertEquals(List.of(DiagnosticCode.VERSION_LABEL_MISMATCH, DiagnosticCode.TRAILING_BYTES), codes(r));
        assertEquals(new Span(7513, 7), r.trailing());
        assertEquals(1, r.sections().get(r.sections().size() - 1).shapeVersion());
    }

    @Test
    void xenServerFilesCarryTheirFingerprints() {
        ParseResult x62 = parse(Fixtures.xenServer62().bytes());
        assertEquals(7528, x62.size());
        List<DiagnosticCode> c62 = codes(x62);
        assertTrue(c62.contains(DiagnosticCode.VERSION_LABEL_MISMATCH), c62.toString());
        assertEquals(2, c62.stream().filter(c -> c == DiagnosticCode.XENSERVER_FINGERPRINT).count(), c62.toString());
        assertTrue(x62.sections().stream().anyMatch(s -> s.idstr().equals("UHCI usb controller") && s.decoded()));

        ParseResult x65 = parse(Fixtures.xenServer65().bytes());
        List<DiagnosticCode> c65 = codes(x65);
        assertFalse(c65.contains(DiagnosticCode.VERSION_LABEL_MISMATCH), c65.toString());
        Section acpi = x65.sections().get(x65.sections().size() - 1);
        assertEquals(3, acpi.versionId());
        assertEquals(3, acpi.shapeVersion());
        assertEquals(282, acpi.body().length());
        assertEquals(3, c65.stream().filter(c -> c == DiagnosticCode.XENSERVER_FINGERPRINT).count(), c65.toString());
    }

    @Test
    void selfDelimitingFormats() {
        ParseResult v2 = parse(Fixtures.v2Compat().bytes());
        assertEquals(org.savevminspector.model.StreamFormat.QEVM_V2, v2.format());
        assertEquals(21, v2.sections().size(), "one record per device of the default guest");
        assertEquals(Fixtures.v2Compat().sections().size(), v2.sections().size());
        assertTrue(v2.sections().stream().allMatch(s -> s.type() == SectionType.RECORD));
        assertFalse(codes(v2).contains(DiagnosticCode.TRUNCATED));
        ParseResult v1 = parse(Fixtures.v1File().bytes());
        assertEquals(org.savevminspector.model.StreamFormat.QEVM_V1, v1.format());
        assertEquals(20, v1.sections().size(), "the pre-4.1 guest has no pci_devfn");
        assertEquals(Fixtures.v1File().sections().size(), v1.sections().size());
    }

    @Test
    void cutAtEveryOffsetNeverThrowsAndSaysWhereTheDataEnds() {
        byte[] whole = Fixtures.defaultGuest().bytes();
        List<Long> boundaries = new ArrayList<>();
        for (SectionRecord s : Fixtures.defaultGuest().sections()) {
            boundaries.add((long) s.headerOffset());
        }
        int ambiguous = 0;
        for (int n = 0; n < whole.length; n++) {
            ParseResult r = parse(Fixtures.truncated(whole, n));
            List<DiagnosticCode> c = codes(r);
            String at = "cut at " + n + ": " + c;
            assertCoverage(r, at);
            if (c.contains(DiagnosticCode.VERSION_LABEL_MISMATCH)) {
                // A cut right after a shorter layout's end and a 00 byte is indistinguishable from a mismatch
                // followed by a few bytes; the diagnostic must then say that it may be a cut, and the bytes after
                // the EOF marker must fit inside the part by which the labelled layout is longer.
                ambiguous++;
                Diagnostic d = r.diagnostics().stream().filter(x -> x.code() == DiagnosticCode.VERSION_LABEL_MISMATCH)
                        .findFirst().orElseThrow();
                assertTrue(d.explanation().contains("cut short"), at + " " + d.explanation());
                Section s = r.sections().get(d.section());
                long labelled = org.savevminspector.devices.DeviceCatalog.standard().find(s.idstr(), s.versionId())
                        .orElseThrow().layout().measure(new org.savevminspector.io.ZeroExtendedSource(
                                ByteSource.of(Fixtures.truncated(whole, n))), s.body().offset(), Long.MAX_VALUE);
                assertNotNull(r.eof(), at);
                assertEquals(s.body().end(), r.eof().offset(), at);
                assertTrue(n - s.body().end() <= labelled - s.body().length(), at);
            } else if (n >= 8 && boundaries.contains((long) n)) {
                assertEquals(List.of(DiagnosticCode.MISSING_EOF), c, at);
            } else {
                assertTrue(c.contains(DiagnosticCode.TRUNCATED), at);
            }
        }
        assertEquals(12, ambiguous, "ambiguous cuts");
    }

    /**
     * Found by fuzzing: a PART section continuing a START whose layout has a fixed payload got that payload's
     * span even when the data ended first (a body lying outside the file).
     */
    @Test
    void livePayloadCutShortIsTruncatedAndStaysInsideTheFile() {
        byte[] timer = {0, 0, 0, 0, 0x12, 0x34, 0x56, 0x78};
        byte[] whole = org.savevminspector.fixtures.StreamBuilder.v3().start(0, "timer", 0, 2, timer).part(0, timer)
                .eof().build().bytes();
        int partHeader = 8 + 14 + 5 + 8;
        ParseResult r = parse(Fixtures.truncated(whole, partHeader + 5 + 2));
        assertEquals(List.of(DiagnosticCode.TRUNCATED), codes(r));
        Section part = r.sections().get(1);
        assertEquals(SectionType.PART, part.type());
        assertEquals(new Span(partHeader + 5, 2), part.body());
        assertEquals(partHeader + 5, r.diagnostics().get(0).offset());
    }

    @Test
    void malformedFilesGetTheirDiagnostic() {
        assertEquals(List.of(DiagnosticCode.BAD_MAGIC), codes(parse(Fixtures.badMagic())));
        assertEquals(List.of(DiagnosticCode.UNSUPPORTED_FILE_VERSION), codes(parse(Fixtures.wrongFileVersion())));
        assertEquals(List.of(DiagnosticCode.UNKNOWN_SECTION_TYPE), codes(parse(Fixtures.unknownSectionType())));
        assertEquals(List.of(DiagnosticCode.MISSING_EOF), codes(parse(Fixtures.missingEof())));
        assertEquals(List.of(DiagnosticCode.TRAILING_BYTES), codes(parse(Fixtures.trailingBytes())));
        assertEquals(List.of(DiagnosticCode.TRUNCATED), codes(parse(Fixtures.empty())));
        // xen-pvdevice is unknown to upstream's loader, but the parser decodes it (FORMAT.md X.7) and names its origin
        ParseResult unknown = parse(Fixtures.unknownDevice().bytes());
        assertEquals(List.of(DiagnosticCode.XENSERVER_FINGERPRINT), codes(unknown));
        Section pv = unknown.sections().stream().filter(s -> s.idstr().equals("xen-pvdevice")).findFirst().orElseThrow();
        assertEquals(276, pv.body().length());
        assertEquals("piix4acpi", unknown.sections().get(pv.index() + 1).idstr());
        // relabelled and upgraded copies of the XenServer case are clean streams
        assertEquals(List.of(), codes(parse(Fixtures.piix4acpiRelabelled())));
        assertEquals(List.of(), codes(parse(Fixtures.piix4acpiUpgraded())));
        // pckbd v2 has no known layout (upstream never wrote one): the walk resynchronises on the next header and
        // shows the skipped bytes with the v3 layout, whose length they have
        ParseResult pckbd = parse(Fixtures.pckbdLabelled2());
        assertEquals(List.of(DiagnosticCode.UNKNOWN_DEVICE, DiagnosticCode.RESYNCHRONISED), codes(pckbd));
        Section kbd = pckbd.sections().stream().filter(s -> s.idstr().equals("pckbd")).findFirst().orElseThrow();
        assertEquals(3, kbd.shapeVersion());
        assertEquals("ps2kbd", pckbd.sections().get(kbd.index() + 1).idstr());
    }

    @Test
    void everyByteOfEveryFixtureBelongsToExactlyOneNode() {
        for (Map.Entry<String, byte[]> e : Fixtures.all().entrySet()) {
            assertCoverage(parse(e.getValue()), e.getKey());
        }
    }

    /** Header, sections, EOF marker, trailing and unparsed bytes tile the file without gaps or overlaps. */
    private static void assertCoverage(ParseResult r, String what) {
        List<Span> spans = new ArrayList<>();
        spans.add(r.header().span());
        for (Section s : r.sections()) {
            spans.add(s.header());
            spans.add(s.body());
        }
        for (Span s : new Span[] {r.eof(), r.trailing(), r.unparsed()}) {
            if (s != null) {
                spans.add(s);
            }
        }
        spans.removeIf(Span::isEmpty);
        spans.sort(Comparator.comparingLong(Span::offset));
        long at = 0;
        for (Span s : spans) {
            assertEquals(at, s.offset(), what + ": gap or overlap at " + at + " in " + spans);
            at = s.end();
        }
        assertEquals(r.size(), at, what + ": bytes not covered at the end");
    }

    private static void assertFieldsTile(Span body, List<Field> fields, String what) {
        long at = body.offset();
        for (Field f : fields) {
            assertNotNull(f.span());
            assertEquals(at, f.span().offset(), what + " field " + f.name());
            at = f.span().end();
        }
        assertEquals(body.end(), at, what);
    }
}
