package org.savevminspector.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The diagnostic catalogue (issue 15 point 4): every code has its texts there, every entry is raised by some
 * code, every raise names an entry that exists, and the arguments are worded by their type when read.
 */
class CatalogueTest {
    private static final Path MAIN = Path.of("src/main/java");

    /**
     * Entries whose variant a raise site composes from parts rather than writes whole, with where: the test
     * cannot find their names as literals.
     */
    private static final Set<String> COMPOSED = Set.of(
            // StreamTemplates.resynchronised: "to-end" / "to-header" + "-decoded"
            "RESYNCHRONISED.to-end", "RESYNCHRONISED.to-header", "RESYNCHRONISED.to-end-decoded",
            "RESYNCHRONISED.to-header-decoded",
            // LoaderDiagnostics.part: "part-" + the part's name
            "LOADER_OVERRUN.part-values", "LOADER_OVERRUN.part-shape-found", "LOADER_OVERRUN.part-past-end-zeros",
            "LOADER_OVERRUN.part-eof-marker", "LOADER_OVERRUN.part-trailing", "LOADER_OVERRUN.part-next-section",
            "LOADER_OVERRUN.part-past-end", "LOADER_OVERRUN.part-beyond-body",
            // ContainerIndexer: the walk's outcome + "-candidates" when more than one stream was found
            "EMBEDDED_STREAM.unknown-container", "EMBEDDED_STREAM.unknown-container-candidates",
            "EMBEDDED_STREAM.no-qemu-record", "EMBEDDED_STREAM.no-qemu-record-candidates",
            // KnownProblems.entry: "shape" / "known-shape" + "-named" when corroborated + "-unmeasured"
            "VERSION_LABEL_MISMATCH.shape-unmeasured", "VERSION_LABEL_MISMATCH.known-shape-unmeasured",
            "VERSION_LABEL_MISMATCH.known-shape-named", "VERSION_LABEL_MISMATCH.known-shape-named-unmeasured",
            // KnownProblem.nameText / consequencesText: "known-" + the table's key + "-name" / "-consequences"
            "VERSION_LABEL_MISMATCH.known-xenserver-piix4acpi-name",
            "VERSION_LABEL_MISMATCH.known-xenserver-piix4acpi-consequences");

    @Test
    void everyCodeHasAnEntryAndEveryEntryAMessage() {
        for (DiagnosticCode c : DiagnosticCode.values()) {
            assertFalse(Catalogue.entries().getOrDefault(c, Map.of()).isEmpty(), c + " has no catalogue entry");
        }
        for (Map<String, Catalogue.Entry> byVariant : Catalogue.entries().values()) {
            for (Catalogue.Entry e : byVariant.values()) {
                assertFalse(e.message().isBlank(), e.code() + "." + e.variant());
            }
        }
    }

    @Test
    void everyEntryIsRaisedFromSomeSourceOrListedAsComposed() throws IOException {
        String sources = mainSources();
        List<String> unreached = new ArrayList<>();
        for (Map<String, Catalogue.Entry> byVariant : Catalogue.entries().values()) {
            for (Catalogue.Entry e : byVariant.values()) {
                String id = e.code() + "." + e.variant();
                if (!COMPOSED.contains(id) && !sources.contains("\"" + e.variant() + "\"")) {
                    unreached.add(id);
                }
            }
        }
        assertEquals(List.of(), unreached, "entries no source raises");
        for (String id : COMPOSED) {
            String[] p = id.split("\\.", 2);
            assertTrue(Catalogue.entries().get(DiagnosticCode.valueOf(p[0])).containsKey(p[1]), id + " is listed but gone");
        }
    }

    /** A raise that names a code and a literal variant must name a registered entry: a typo fails here, not in use. */
    @Test
    void everyLiteralRaiseNamesARegisteredEntry() throws IOException {
        Matcher m = Pattern.compile("(?:raise|error|entry)\\(\\s*DiagnosticCode\\.([A-Z_0-9]+),\\s*\"([a-z0-9-]+)\"\\s*[,)]")
                .matcher(mainSources());
        int found = 0;
        while (m.find()) {
            DiagnosticCode code = DiagnosticCode.valueOf(m.group(1));
            Catalogue.entry(code, m.group(2));
            found++;
        }
        assertTrue(found >= 80, found + " literal raises found: the pattern no longer matches the raise sites");
        assertThrows(IllegalArgumentException.class, () -> Catalogue.entry(DiagnosticCode.TRUNCATED, "no-such"));
    }

    @Test
    void argumentsAreWordedByTheirTypeWhenRead() {
        int[] asked = {0};
        Supplier<String> lazy = () -> {
            asked[0]++;
            return "#2 fdc";
        };
        Catalogue.Entry e = Catalogue.entry(DiagnosticCode.TRAILING_BYTES, "after-eof-marker");
        Wording w = e.message(7, Offset.of(0x1D58));
        assertEquals("7 byte(s) after the EOF marker at offset 7512 (0x1D58)", w.read());
        assertEquals("7 byte(s) after the EOF marker at offset 270733 (0x4218D; stream +0x1D58)",
                w.read(Coordinates.streamAt(263221)));
        Wording nested = Wording.of("{0}: {1} [{2}] {3}", Wording.of("at {0}", Offset.decimal(7524)), lazy, 5L, "{9}");
        assertEquals(0, asked[0], "a supplier is asked only when the text is read");
        assertEquals("at 7524: #2 fdc [5] {9}", nested.read());
        assertEquals("at 7624 (0x1DC8; stream +0x1D64): #2 fdc [5] {9}", nested.read(Coordinates.streamAt(100)));
        assertEquals(2, asked[0]);
        assertEquals("a {5} stays as written", Wording.of("a {5} stays as written").read());
    }

    @Test
    void coordinatesMoveAndReadFileOffsetsFirst() {
        assertEquals(Coordinates.FILE, Coordinates.streamAt(0));
        assertEquals(Coordinates.FILE, Coordinates.streamAt(100).moved(-100));
        assertEquals(Coordinates.streamAt(300), Coordinates.streamAt(100).moved(200));
        assertEquals("7211 (0x1C2B)", Coordinates.FILE.offset(7211));
        assertEquals("7211", Coordinates.FILE.decimal(7211));
        assertEquals("270432 (0x42060; stream +0x1C2B)", Coordinates.streamAt(263221).offset(7211));
        assertEquals("270432 (0x42060; stream +0x1C2B)", Coordinates.streamAt(263221).decimal(7211));
    }

    @Test
    void aRaisedDiagnosticMovedIntoAnImageReadsItsOffsetsThere() {
        Diagnostic d = Diagnostic.raise(DiagnosticCode.MISSING_EOF, "v3", 7512, 0, -1, Offset.of(7512),
                "section #23 'piix4acpi'");
        assertEquals("data ends at offset 7512 (0x1D58) after section #23 'piix4acpi' without the EOF marker (00)",
                d.message());
        Diagnostic moved = d.moved(263221);
        assertEquals(270733, moved.offset());
        assertEquals("data ends at offset 270733 (0x4218D; stream +0x1D58) after section #23 'piix4acpi' without the "
                + "EOF marker (00)", moved.message());
        assertEquals(d.explanation(), moved.explanation());
        assertEquals("data ends at offset 270733 (0x4218D; stream +0x1D58) after section #23 'piix4acpi' without the "
                + "EOF marker (00)", moved.anchoredWithin(100).message(), "anchored, it still says where");
    }

    private static String mainSources() throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path p : new TreeSet<>(files.filter(f -> f.toString().endsWith(".java")).toList())) {
                try {
                    all.append(Files.readString(p)).append('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return all.toString();
    }
}
