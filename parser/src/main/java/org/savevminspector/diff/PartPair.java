package org.savevminspector.diff;

import java.util.List;
import org.savevminspector.model.Span;

/**
 * The parts of a stream that are no section, compared too: the file header (magic and file version), the EOF
 * marker, and the bytes after it or after a fatal error (by content).
 *
 * @param part    which part
 * @param status  how they compare
 * @param a       its bytes in the first file, or {@code null}
 * @param b       its bytes in the second file, or {@code null}
 * @param fields  the differing header fields (file header only)
 * @param content the byte comparison (trailing and unparsed bytes present on both sides), else {@code null}
 */
public record PartPair(Part part, DiffStatus status, Span a, Span b, List<FieldPair> fields, ContentDiff content)
        implements DiffPair {

    public PartPair {
        fields = List.copyOf(fields);
    }

    /** The parts, with their names for people and in the diff JSON. */
    public enum Part {
        FILE_HEADER("file header", "header"),
        EOF("EOF marker", "eof"),
        TRAILING("trailing bytes", "trailing"),
        UNPARSED("unparsed bytes", "unparsed");

        private final String label;
        private final String json;

        Part(String label, String json) {
            this.label = label;
            this.json = json;
        }

        public String label() {
            return label;
        }

        public String json() {
            return json;
        }
    }

    @Override
    public String label() {
        return part.label();
    }

    @Override
    public Span spanA() {
        return a;
    }

    @Override
    public Span spanB() {
        return b;
    }
}
