package org.savevminspector.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import org.savevminspector.diagnostics.Diagnostic;

/** Pieces shared by the JSON writers: one generator configuration and the diagnostic object. */
final class JsonParts {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private static final CharacterEscapes ESCAPES = new TerminalSafeEscapes();

    private JsonParts() {
    }

    /** A report writer that targets any {@link Writer}. */
    @FunctionalInterface
    interface Body {
        void writeTo(Writer out) throws IOException;
    }

    /** The report as a string (tests, the GUI's clipboard): writing into memory cannot fail. */
    static String asString(Body body) {
        StringWriter sw = new StringWriter();
        try {
            body.writeTo(sw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sw.toString();
    }

    /** A generator writing one line of JSON per value (JSON Lines), leaving {@code out} open. */
    static JsonGenerator compactGenerator(Writer out) throws IOException {
        JsonGenerator g = FACTORY.createGenerator(out);
        g.setCharacterEscapes(ESCAPES);
        return g;
    }

    /**
     * A pretty-printing generator over {@code out} that leaves {@code out} open (it may be stdout). Two-space
     * indentation and {@code \n} line ends whatever the platform, so that reports diff byte for byte.
     */
    static JsonGenerator generator(Writer out) throws IOException {
        JsonGenerator g = FACTORY.createGenerator(out);
        g.setCharacterEscapes(ESCAPES);
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        g.setPrettyPrinter(new DefaultPrettyPrinter()
                .withObjectIndenter(indenter)
                .withArrayIndenter(indenter));
        return g;
    }

    /**
     * Jackson escapes the C0 controls; a report printed on a terminal must not carry DEL, the C1 controls (some
     * terminals obey U+009B as CSI) or invisible format characters either. They become standard JSON escapes,
     * so the parsed values are the same. Surrogates are left alone: Jackson hands them over one half at a time.
     */
    private static final class TerminalSafeEscapes extends CharacterEscapes {
        private final int[] ascii = CharacterEscapes.standardAsciiEscapesForJSON();

        TerminalSafeEscapes() {
            ascii[0x7F] = CharacterEscapes.ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            if (Character.isSurrogate((char) ch) || PrintableText.isPrintable(ch)) {
                return null;
            }
            return new SerializedString(String.format("\\u%04x", ch));
        }
    }

    /**
     * {@code {"path","size","modified","sha256","qevm":{"offset","length","sha256"}}}: {@code modified} is ISO 8601
     * UTC (null for bytes held in memory), {@code sha256} the whole file's (null when not computed: a save image
     * without {@code --hash}), {@code qevm} the device-model stream the report judged (null when there is none).
     */
    static void writeFile(JsonGenerator g, String name, FileInfo file) throws IOException {
        g.writeObjectFieldStart(name);
        g.writeStringField("path", file.path());
        g.writeNumberField("size", file.size());
        g.writeStringField("modified", file.modified() == null ? null : file.modified().toString());
        g.writeStringField("sha256", file.sha256());
        if (file.qevm() == null) {
            g.writeNullField("qevm");
        } else {
            g.writeObjectFieldStart("qevm");
            g.writeNumberField("offset", file.qevm().offset());
            g.writeNumberField("length", file.qevm().length());
            g.writeStringField("sha256", file.qevm().sha256());
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    static void writeTool(JsonGenerator g, ToolInfo tool) throws IOException {
        g.writeObjectFieldStart("tool");
        g.writeStringField("name", tool.name());
        g.writeStringField("version", tool.version());
        g.writeEndObject();
    }

    /** {@code {"code","severity","group","offset","length","section","message","explanation"}}. */
    static void writeDiagnostic(JsonGenerator g, Diagnostic d) throws IOException {
        g.writeStartObject();
        g.writeStringField("code", d.code().name());
        g.writeStringField("severity", d.severity().json());
        g.writeStringField("group", d.code().group());
        g.writeNumberField("offset", d.offset());
        g.writeNumberField("length", d.length());
        writeIndexOrNull(g, "section", d.section());
        g.writeStringField("message", d.message());
        g.writeStringField("explanation", d.explanation());
        g.writeEndObject();
    }

    static void writeDiagnostics(JsonGenerator g, String name, List<Diagnostic> list) throws IOException {
        g.writeArrayFieldStart(name);
        for (Diagnostic d : list) {
            writeDiagnostic(g, d);
        }
        g.writeEndArray();
    }

    /** A section index or instance/version number, {@code null} when the model says "none" with a negative. */
    static void writeIndexOrNull(JsonGenerator g, String name, long value) throws IOException {
        if (value < 0) {
            g.writeNullField(name);
        } else {
            g.writeNumberField(name, value);
        }
    }
}
