package org.savevminspector.container;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.fixtures.BrokenImages;
import org.savevminspector.fixtures.Fixtures;
import org.savevminspector.fixtures.SaveImageWriter;
import org.savevminspector.fixtures.SaveImageWriter.Kind;
import org.savevminspector.io.ByteSource;
import org.savevminspector.model.Field;

/**
 * What indexing each kind of save image finds, byte for byte: every record with its span and every field with its
 * span and value (what the viewer highlights), the page-data summaries, where the QEVM stream lies, the length
 * fields a repair must update, the padding, and every diagnostic. One transcript per image, under
 * {@code src/test/resources/org/savevminspector/container/transcripts/}: each kind with both word sizes and with
 * every optional chunk, and each broken image of {@link BrokenImages}. {@code -Dtranscripts.write=true} rewrites
 * them after a deliberate change (run from the parser module); the diff is the change to review.
 */
class ContainerTranscriptTest {

    static Map<String, byte[]> images() {
        byte[] qevm = Fixtures.piix4acpiCase().bytes();
        Map<String, byte[]> m = new LinkedHashMap<>();
        for (Kind kind : Kind.values()) {
            for (int ws : new int[] {4, 8}) {
                for (boolean allChunks : new boolean[] {false, true}) {
                    SaveImageWriter.MemorySink sink = new SaveImageWriter.MemorySink();
                    SaveImageWriter.write(new SaveImageWriter(sink), kind, qevm, 3, ws, allChunks);
                    String name = kind.name().toLowerCase().replace('_', '-') + "-ws" + ws
                            + (allChunks ? "-all-chunks" : "");
                    m.putIfAbsent(name, sink.toByteArray());
                }
            }
        }
        m.putAll(BrokenImages.all());
        return m;
    }

    static Stream<String> names() {
        return Stream.concat(images().keySet().stream(),
                Stream.of(Kind.values()).map(k -> "cuts-" + k.name().toLowerCase().replace('_', '-')));
    }

    /**
     * The image of {@code kind} (word size 8, every optional chunk) cut one byte into each record and in the middle
     * of each record: what the walk says about each cut, one block per cut.
     */
    static String cuts(Kind kind) {
        byte[] qevm = Fixtures.piix4acpiCase().bytes();
        SaveImageWriter.MemorySink sink = new SaveImageWriter.MemorySink();
        SaveImageWriter.write(new SaveImageWriter(sink), kind, qevm, 3, 8, true);
        byte[] whole = sink.toByteArray();
        java.util.SortedSet<Long> at = new java.util.TreeSet<>();
        for (ContainerRecord r : ContainerIndexer.standard().index(ByteSource.of(whole)).records()) {
            at.add(r.span().offset() + 1);
            at.add(r.span().offset() + r.span().length() / 2);
        }
        List<String> lines = new ArrayList<>();
        for (long n : at) {
            if (n >= whole.length) {
                continue;
            }
            ContainerIndex index = ContainerIndexer.standard().index(ByteSource.of(java.util.Arrays.copyOf(whole,
                    (int) n)));
            lines.add("cut at " + n + ": kind " + index.kind() + ", " + index.records().size() + " records, qevm "
                    + index.qevm() + ", embedded " + index.embedded());
            for (Diagnostic d : index.diagnostics()) {
                lines.add("  " + d.code() + " @" + d.offset() + "+" + d.length() + ": " + d.message());
            }
        }
        return String.join("\n", lines) + "\n";
    }

    static String transcript(String name) {
        return name.startsWith("cuts-")
                ? cuts(Kind.valueOf(name.substring(5).toUpperCase().replace('-', '_')))
                : transcript(ContainerIndexer.standard().index(ByteSource.of(images().get(name))));
    }

    private static String field(Field f) {
        String v = f.text() != null ? "\"" + escaped(f.text()) + "\"" : "0x" + Long.toHexString(f.value());
        String meaning = f.meaningText() == null || f.text() != null ? "" : " (" + f.meaningText() + ")";
        return f.name() + " @" + f.span().offset() + "+" + f.span().length() + " = " + v + meaning;
    }

    /** Control characters as \\xNN, so that one field stays one line. */
    private static String escaped(String text) {
        StringBuilder sb = new StringBuilder();
        for (char c : text.toCharArray()) {
            sb.append(c < 0x20 || c == 0x7F ? String.format("\\x%02x", (int) c) : String.valueOf(c));
        }
        return sb.toString();
    }

    static String transcript(ContainerIndex index) {
        List<String> lines = new ArrayList<>();
        lines.add("kind " + index.kind() + ", " + index.size() + " bytes, qevm " + index.qevm() + ", to EOF "
                + index.qevmToEof() + ", padding " + index.padding() + ", embedded " + index.embedded());
        for (LengthField l : index.lengthFields()) {
            lines.add("length field " + l);
        }
        for (ContainerRecord r : index.records()) {
            lines.add(r.type() + " '" + r.name() + "' @" + r.span().offset() + "+" + r.span().length()
                    + (r.pages() == null ? "" : " " + r.pages()));
            for (Field f : r.fields()) {
                lines.add("  " + field(f));
                for (Field c : f.children()) {
                    lines.add("    " + field(c));
                }
            }
        }
        for (Diagnostic d : index.diagnostics()) {
            lines.add(d.code() + " @" + d.offset() + "+" + d.length() + " #" + d.section() + ": " + d.message());
        }
        return String.join("\n", lines) + "\n";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void indexingFindsExactlyThis(String name) throws IOException {
        String actual = transcript(name);
        String file = name + ".txt";
        if (Boolean.getBoolean("transcripts.write")) {
            Files.writeString(Path.of("src/test/resources/org/savevminspector/container/transcripts", file), actual);
        }
        try (InputStream in = ContainerTranscriptTest.class.getResourceAsStream("transcripts/" + file)) {
            String expected = in == null ? "(no transcript " + file + ")"
                    : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(expected, actual, file);
        }
    }
}
