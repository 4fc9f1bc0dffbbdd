package org.savevminspector.diff;

import org.savevminspector.model.Field;
import org.savevminspector.model.Span;

/**
 * Two fields at the same path of a section pair, or one field present on one side only.
 *
 * @param path    the field's path ({@link FieldPath}), e.g. {@code header.version_id} or {@code pci.config.command}
 * @param status  {@code CHANGED}, {@code ONLY_A} or {@code ONLY_B} (a comparison keeps only differing fields)
 * @param a       the field in the first file, or {@code null}
 * @param b       the field in the second file, or {@code null}
 * @param content for fields compared by content (byte arrays, undecoded bodies): which bytes differ; else
 *                {@code null}
 */
public record FieldPair(String path, DiffStatus status, Field a, Field b, ContentDiff content) {

    public Span spanA() {
        return a == null ? null : a.span();
    }

    public Span spanB() {
        return b == null ? null : b.span();
    }

    /** {@code pci › config › command}. */
    public String displayPath() {
        return FieldPath.display(path);
    }
}
