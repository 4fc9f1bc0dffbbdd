package org.savevminspector.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.savevminspector.container.ContainerKind;
import org.savevminspector.diagnostics.Coordinates;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.diagnostics.DiagnosticCode;
import org.savevminspector.fixtures.BrokenImages;
import org.savevminspector.fixtures.Fixtures;
import org.savevminspector.fixtures.SaveImageWriter;
import org.savevminspector.fixtures.SaveImageWriter.Kind;
import org.savevminspector.inspect.Inspection;
import org.savevminspector.io.ByteSource;
import org.savevminspector.io.ParseOptions;
import org.savevminspector.loader.LoaderProfile;
import org.savevminspector.loader.LoaderProfiles;
import org.savevminspector.loader.LoaderReport;
import org.savevminspector.model.Field;
import org.savevminspector.model.Span;
import org.savevminspector.stream.ParseResult;

/**
 * A file seen as a save image: which inspection each kind of file gets (a bare stream as itself, an image without
 * a device-model record as a whole, an image's stream moved to image offsets, a stream the fallback scan found),
 * and the move itself: every span of the stream's inspection (header and its fields, each section's header, body
 * and fields, the EOF marker, trailing and unparsed bytes, every diagnostic, where the loader stopped) exactly
 * the QEVM offset further on. Diagnostics are compared by code, offset, length and section, not by their words.
 */
class ImageInspectorTest {
    private static final ImageInspector INSPECTOR = ImageInspector.standard();

    private static String at(Diagnostic d, long delta) {
        return d.code() + "@" + (d.offset() + delta) + "+" + d.length() + "#" + d.section();
    }

    private static Span moved(Span s, long delta) {
        return s == null ? null : new Span(s.offset() + delta, s.length());
    }

    private static void assertFieldsMoved(List<Field> stream, List<Field> image, long delta, String where) {
        assertEquals(stream.size(), image.size(), where);
        for (int i = 0; i < stream.size(); i++) {
            Field s = stream.get(i);
            Field m = image.get(i);
            assertEquals(s.name(), m.name(), where);
            assertEquals(moved(s.span(), delta), m.span(), where + " " + s.name());
            assertEquals(s.value(), m.value(), where + " " + s.name());
            assertEquals(s.text(), m.text(), where + " " + s.name());
            assertEquals(s.meaningText(), m.meaningText(), where + " " + s.name());
            assertFieldsMoved(s.children(), m.children(), delta, where + " " + s.name());
        }
    }

    /** {@code image} is {@code stream} {@code delta} bytes further on, in a file of {@code size} bytes. */
    private static void assertMoved(Inspection stream, Inspection image, long delta, long size) {
        ParseResult s = stream.parse();
        ParseResult m = image.parse();
        assertEquals(size, m.size());
        assertEquals(moved(s.header().span(), delta), m.header().span());
        assertEquals(s.header().fileVersion(), m.header().fileVersion());
        assertEquals(s.header().format(), m.header().format());
        assertEquals(s.header().totalLength(), m.header().totalLength());
        assertFieldsMoved(s.header().fields(), m.header().fields(), delta, "file header");
        assertEquals(s.sections().size(), m.sections().size());
        for (int i = 0; i < s.sections().size(); i++) {
            var a = s.sections().get(i);
            var b = m.sections().get(i);
            assertEquals(a.idstr(), b.idstr());
            assertEquals(moved(a.header(), delta), b.header(), "section " + i);
            assertEquals(moved(a.body(), delta), b.body(), "section " + i);
            assertFieldsMoved(a.headerFields(), b.headerFields(), delta, "section " + i + " header");
            assertFieldsMoved(a.fields(), b.fields(), delta, "section " + i);
        }
        assertEquals(moved(s.eof(), delta), m.eof());
        assertEquals(moved(s.trailing(), delta), m.trailing());
        assertEquals(moved(s.unparsed(), delta), m.unparsed());
        assertEquals(s.diagnostics().stream().map(d -> at(d, delta)).toList(),
                m.diagnostics().stream().map(d -> at(d, 0)).toList());
        assertEquals(stream.loader().stoppedAt() + delta, image.loader().stoppedAt());
        assertEquals(stream.loader().outcome(), image.loader().outcome());
    }

    @Test
    void aBareStreamIsItsOwnInspection() {
        byte[] bare = Fixtures.piix4acpiCase().bytes();
        ImageInspection ii = INSPECTOR.inspect(ByteSource.of(bare));
        assertEquals(ContainerKind.RAW, ii.index().kind());
        assertSame(ii.inspection(), ii.stream());
        assertEquals(INSPECTOR.inspector().inspect(ByteSource.of(bare)).diagnostics().stream().map(d -> at(d, 0))
                .toList(), ii.inspection().diagnostics().stream().map(d -> at(d, 0)).toList());
    }

    @Test
    void everyKindOfImageHasItsStreamMovedToTheQevmOffset() {
        // the sample: a stream with its EOF marker and 7 trailing bytes; a v2-compat stream (total length in its
        // header); a stream cut inside a section; one whose EOF marker is a byte no section type has (what follows
        // is unparsed)
        byte[] piix = Fixtures.piix4acpiCase().bytes();
        byte[] guest = Fixtures.defaultGuest().bytes();
        byte[] badType = Arrays.copyOf(guest, guest.length + 5);
        badType[guest.length - 1] = 9;
        Map<String, byte[]> streams = Map.of("sample", Fixtures.sample(), "v2-compat", Fixtures.v2Compat().bytes(),
                "cut", Arrays.copyOf(piix, piix.length / 2), "bad-type", badType);
        boolean[] seen = new boolean[3];
        for (Kind kind : Kind.values()) {
            for (var e : streams.entrySet()) {
                byte[] image = SaveImageWriter.image(kind, e.getValue(), 2);
                ImageInspection ii = INSPECTOR.inspect(ByteSource.of(image));
                long q = ii.index().qevm().offset();
                assertEquals(e.getValue().length, ii.index().qevm().length(), kind + " " + e.getKey());
                Inspection bare = INSPECTOR.inspector().inspect(ByteSource.of(e.getValue()));
                assertMoved(bare, ii.inspection(), q, image.length);
                assertEquals(bare.diagnostics().stream().map(d -> at(d, q)).toList(), ii.inspection().diagnostics()
                        .stream().filter(d -> !ii.index().diagnostics().contains(d)).map(d -> at(d, 0)).toList(),
                        "the stream's diagnostics and the loader's, moved");
                assertEquals(bare.parse().sections().size(), ii.stream().sections().size());
                assertEquals(bare.parse().header().span(), ii.stream().parse().header().span(), "stream offsets");
                seen[0] |= bare.parse().eof() != null;
                seen[1] |= bare.parse().trailing() != null;
                seen[2] |= bare.parse().unparsed() != null;
            }
        }
        assertEquals("[true, true, true]", Arrays.toString(seen), "eof, trailing, unparsed each moved once");
    }

    @Test
    void theContainersDiagnosticsJoinTheStreamsByOffsetGravestFirst() {
        byte[] image = BrokenImages.cutInsideTheQevm();
        ImageInspection ii = INSPECTOR.inspect(ByteSource.of(image));
        List<Diagnostic> container = ii.index().diagnostics();
        assertEquals(1, container.stream().filter(d -> d.code() == DiagnosticCode.CONTAINER_TRUNCATED).count());
        List<Diagnostic> all = ii.inspection().diagnostics();
        assertEquals(ii.stream().diagnostics().size() + container.size(), all.size());
        for (Diagnostic d : container) {
            assertTrue(all.contains(d), d::toString);
        }
        for (int i = 1; i < all.size(); i++) {
            Diagnostic a = all.get(i - 1);
            Diagnostic b = all.get(i);
            assertTrue(a.offset() < b.offset() || a.offset() == b.offset() && a.severity().atLeast(b.severity()),
                    "by offset, gravest first: " + all);
        }
    }

    @Test
    void anImageWithoutADeviceModelRecordIsInspectedWholeWithTheContainersFindings() {
        byte[] image = BrokenImages.noDeviceModelRecord();
        ImageInspection ii = INSPECTOR.inspect(ByteSource.of(image));
        assertEquals(ContainerKind.XL_LEGACY, ii.index().kind());
        assertNull(ii.index().qevm());
        assertNull(ii.stream());
        assertEquals(image.length, ii.inspection().parse().size());
        assertEquals(0, ii.inspection().parse().header().span().offset());
        Diagnostic noQevm = ii.inspection().diagnostics().stream()
                .filter(d -> d.code() == DiagnosticCode.CONTAINER_NO_QEVM).findFirst().orElseThrow();
        assertEquals(image.length + "+0", noQevm.offset() + "+" + noQevm.length());
        assertTrue(ii.inspection().has(DiagnosticCode.BAD_MAGIC), "the whole file read as a bare stream");
    }

    @Test
    void aFileOfNoKnownContainerAndNoStreamIsInspectedAsItIs() {
        byte[] junk = new byte[100];
        Arrays.fill(junk, (byte) 0x42);
        ImageInspection ii = INSPECTOR.inspect(ByteSource.of(junk));
        assertNull(ii.index().kind());
        assertEquals(List.of(), ii.index().diagnostics());
        assertNull(ii.stream());
        assertEquals(INSPECTOR.inspector().inspect(ByteSource.of(junk)).diagnostics(), ii.inspection().diagnostics());
    }

    @Test
    void aStreamTheScanFoundIsOpenedToTheEndOfTheFile() {
        byte[] file = BrokenImages.qevmInsideUnknownData();
        ImageInspection found = INSPECTOR.inspect(ByteSource.of(file));
        assertEquals(List.of(4096L), found.index().embedded());
        ImageInspection ii = INSPECTOR.inspectEmbedded(ByteSource.of(file), found.index(), 4096);
        assertEquals(new Span(4096, file.length - 4096), ii.index().qevm());
        assertTrue(ii.index().qevmToEof());
        assertEquals(List.of(), ii.index().lengthFields());
        assertNull(ii.index().padding());
        assertNull(ii.index().kind());
        assertEquals(file.length, ii.index().size());
        assertEquals(found.index().embedded(), ii.index().embedded());
        assertEquals(found.index().records(), ii.index().records());
        assertEquals(found.index().diagnostics(), ii.index().diagnostics());
        Inspection bare = INSPECTOR.inspector().inspect(ByteSource.of(Arrays.copyOfRange(file, 4096, file.length)));
        assertMoved(bare, ii.inspection(), 4096, file.length);
        assertNotNull(ii.stream());
        assertEquals(0, ii.stream().parse().header().span().offset());
        for (Diagnostic d : found.index().diagnostics()) {
            assertTrue(ii.inspection().diagnostics().contains(d), d::toString);
        }
    }

    private static final Pattern STREAM_OFFSET = Pattern.compile("(\\d+) \\(0x[0-9A-F]+\\)");

    /** {@code text} of the bare stream as it reads inside an image whose stream starts at {@code q}. */
    private static String inImage(String text, long q) {
        Matcher m = STREAM_OFFSET.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(Coordinates.streamAt(q).offset(Long.parseLong(m.group(1)))));
        }
        return m.appendTail(out).toString();
    }

    @Test
    void theLoadersFindingsAndConsequencesMoveWithTheStream() {
        // the headline case (mis-read, aborts upstream, silently skipped by XenServer 6.0–6.2), its piix4acpi
        // section written twice (overwritten), a clean guest, and a stream cut in its middle
        byte[] xs = Fixtures.xenServer62().bytes();
        byte[] twice = new byte[xs.length + 301];
        System.arraycopy(xs, 0, twice, 0, 7527);
        System.arraycopy(xs, 7226, twice, 7527, 301);
        System.arraycopy(xs, 7527, twice, 7828, xs.length - 7527);
        Map<String, byte[]> streams = Map.of("sample", Fixtures.sample(), "twice", twice,
                "guest", Fixtures.defaultGuest().bytes(), "cut", Arrays.copyOf(xs, 5000));
        int[] seen = new int[3];
        for (LoaderProfile profile : LoaderProfiles.all()) {
            for (var e : streams.entrySet()) {
                String where = profile.name() + " " + e.getKey();
                byte[] image = SaveImageWriter.image(Kind.XL_V2, e.getValue(), 2);
                ImageInspection ii = INSPECTOR.inspect(ByteSource.of(image), ParseOptions.DEFAULT, profile);
                long q = ii.index().qevm().offset();
                LoaderReport bare = INSPECTOR.inspector().inspect(ByteSource.of(e.getValue()), ParseOptions.DEFAULT,
                        profile).loader();
                LoaderReport moved = ii.inspection().loader();
                assertEquals(bare.notRestored().size(), moved.notRestored().size(), where);
                for (int i = 0; i < bare.notRestored().size(); i++) {
                    LoaderReport.NotRestored a = bare.notRestored().get(i);
                    assertEquals(new LoaderReport.NotRestored(a.section(), a.idstr(), a.instance(),
                            inImage(a.reason(), q)), moved.notRestored().get(i), where);
                }
                assertEquals(bare.misreads().stream().map(m -> new LoaderReport.Misread(m.section(), m.idstr(),
                        m.offset() + q, m.bodyLength(), m.bytesRead(), inImage(m.message(), q))).toList(),
                        moved.misreads(), where);
                assertEquals(bare.consequences().stream().map(c -> inImage(c, q)).toList(), moved.consequences(),
                        where);
                assertEquals(inImage(bare.message(), q), moved.message(), where);
                seen[0] += bare.notRestored().size();
                seen[1] += bare.misreads().size();
                seen[2] += bare.consequences().size();
            }
        }
        assertTrue(seen[0] > 0 && seen[1] > 0 && seen[2] > 0, () -> "every kind of finding moved: "
                + Arrays.toString(seen));
    }
}
