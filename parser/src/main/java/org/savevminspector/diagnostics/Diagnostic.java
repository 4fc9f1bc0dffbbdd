package org.savevminspector.diagnostics;

import java.util.Objects;
import org.savevminspector.model.Span;

/**
 * A finding about the file. Diagnostics are values, never exceptions: parsing keeps going where it can.
 *
 * <p>A value with the accessors of a record: {@code code} (stable, its severity fixed), {@code offset} (absolute
 * file offset of the bytes concerned), {@code length} (0 for a position), {@code section} (index of the section
 * concerned, or -1), {@code message} (one line: what and where) and {@code explanation} (longer text for the
 * detail panel: consequences, upstream source; may be empty). The texts of a diagnostic that a stream can raise
 * once per section are rendered when read ({@link Text}), so that a million of them cost no million strings.
 * Like a record it is compared by value: a {@link DiagnosticList} makes an equal one each time a row is read.
 */
public final class Diagnostic {
    private final DiagnosticCode code;
    private final long offset;
    private final long length;
    private final int section;
    private final String message;
    private final String explanation;
    /** Renders the texts on demand; {@code null} when they were given. */
    private final Text text;
    /** How the offsets in the texts read: a bare file's, or an image's around the stream parsed. */
    private final Coordinates at;

    /**
     * Texts rendered when they are read, by the coordinates the diagnostic has then. A catalogue text
     * ({@link Catalogue.Entry#text}) words its offsets by them; a text that takes none reads the same anywhere.
     */
    public interface Text {
        default String message() {
            return message(Coordinates.FILE);
        }

        default String explanation() {
            return explanation(Coordinates.FILE);
        }

        String message(Coordinates at);

        String explanation(Coordinates at);
    }

    public Diagnostic(DiagnosticCode code, long offset, long length, int section, String message,
                      String explanation) {
        this.code = code;
        this.offset = offset;
        this.length = length;
        this.section = section;
        this.message = message;
        this.explanation = explanation == null ? "" : explanation;
        this.text = null;
        this.at = Coordinates.FILE;
    }

    /** A diagnostic whose texts {@code text} renders when they are read. */
    public Diagnostic(DiagnosticCode code, long offset, long length, int section, Text text) {
        this(code, offset, length, section, text, Coordinates.FILE);
    }

    /** A diagnostic whose texts {@code text} renders, with offsets read by {@code at}. */
    public Diagnostic(DiagnosticCode code, long offset, long length, int section, Text text, Coordinates at) {
        this.code = code;
        this.offset = offset;
        this.length = length;
        this.section = section;
        this.message = null;
        this.explanation = null;
        this.text = Objects.requireNonNull(text);
        this.at = Objects.requireNonNull(at);
    }

    /**
     * Raises the catalogue's entry {@code variant} of {@code code} (see {@link Catalogue}) at {@code offset};
     * {@code args} are its typed arguments, in the order of its templates' {@code {0}}, {@code {1}} ….
     */
    public static Diagnostic raise(DiagnosticCode code, String variant, long offset, long length, int section,
                                   Object... args) {
        return new Diagnostic(code, offset, length, section, Catalogue.entry(code, variant).text(args));
    }

    public static Diagnostic of(DiagnosticCode code, long offset, long length, int section, String message) {
        return new Diagnostic(code, offset, length, section, message, "");
    }

    public DiagnosticCode code() {
        return code;
    }

    public long offset() {
        return offset;
    }

    public long length() {
        return length;
    }

    public int section() {
        return section;
    }

    public String message() {
        return text == null ? message : text.message(at);
    }

    public String explanation() {
        if (text == null) {
            return explanation;
        }
        String e = text.explanation(at);
        return e == null ? "" : e;
    }

    /** How the offsets in the texts read. */
    public Coordinates coordinates() {
        return at;
    }

    /** The texts as they are held: given, or rendered on demand. */
    Text text() {
        return text != null ? text : new Given(message, explanation);
    }

    /** Texts given when the diagnostic was made: they take no offsets to word. */
    private record Given(String message, String explanation) implements Text {
        @Override
        public String message(Coordinates at) {
            return message;
        }

        @Override
        public String explanation(Coordinates at) {
            return explanation;
        }
    }

    /**
     * The same finding in a file where the data it was found in starts {@code delta} bytes further on: its span
     * there, its texts' offsets read as that file's.
     */
    public Diagnostic moved(long delta) {
        return new Diagnostic(code, offset + delta, length, section, text(), at.moved(delta));
    }

    /**
     * This diagnostic pointing into data of {@code size} bytes: one about a position past the end (where a loader
     * reads zeros) is anchored at the end of the data, with length 0; its message still says where.
     */
    public Diagnostic anchoredWithin(long size) {
        return offset <= size ? this : new Diagnostic(code, size, 0, section, text(), at);
    }

    /**
     * A failure of this tool on the bytes at {@code offset}: what it was doing and the exception, in one line;
     * the explanation tells the user that the rest is shown unparsed and that the file may well be fine.
     */
    public static Diagnostic internalError(long offset, long length, int section, String doing, RuntimeException e) {
        String what = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        return raise(DiagnosticCode.INTERNAL_ERROR, "exception", offset, length, section, doing, Offset.of(offset),
                what);
    }

    public Severity severity() {
        return code.severity();
    }

    public Span span() {
        return new Span(offset, length);
    }

    @Override
    public boolean equals(Object o) {
        return o == this || (o instanceof Diagnostic d && code == d.code && offset == d.offset && length == d.length
                && section == d.section && Objects.equals(message(), d.message()) && explanation().equals(d.explanation()));
    }

    /** Without the texts: rendering them (a list of every section not restored) is no price for a hash. */
    @Override
    public int hashCode() {
        return Objects.hash(code, offset, length, section);
    }

    @Override
    public String toString() {
        return severity().json() + " " + code + " @" + offset + "+" + length + ": " + message();
    }
}
