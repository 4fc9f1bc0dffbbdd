package org.savevminspector.diff;

import java.util.List;
import org.savevminspector.model.Section;
import org.savevminspector.model.SectionType;
import org.savevminspector.model.Span;

/**
 * A section of each file paired by device (canonical idstr, then instance, then order of appearance), or a
 * section present in one file only.
 *
 * @param a      the section in the first file, or {@code null}
 * @param b      the section in the second file, or {@code null}
 * @param status how they compare
 * @param fields the differing fields, header fields under {@code header.}; for a pair whose body is not decoded
 *               on both sides, one {@code body} entry compared by content
 */
public record SectionPair(Section a, Section b, DiffStatus status, List<FieldPair> fields) implements DiffPair {

    public SectionPair {
        fields = List.copyOf(fields);
    }

    /** The first file's idstr where both exist (XenServer's name stays visible as a changed header field). */
    public String idstr() {
        return a != null ? a.idstr() : b.idstr();
    }

    /** The first file's instance where both exist; -1 for PART/END sections. */
    public long instanceId() {
        return a != null ? a.instanceId() : b.instanceId();
    }

    @Override
    public Span spanA() {
        return a == null ? null : a.span();
    }

    @Override
    public Span spanB() {
        return b == null ? null : b.span();
    }

    @Override
    public String label() {
        Section s = a != null ? a : b;
        String name = "\"" + s.idstr() + "\"";
        return s.type() == SectionType.PART || s.type() == SectionType.END ? name + " " + s.type().json()
                : name + " instance " + s.instanceId();
    }
}
