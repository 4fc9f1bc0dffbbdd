package org.savevminspector.app.gui.model;

import java.util.ArrayList;
import java.util.List;
import org.savevminspector.model.Field;
import org.savevminspector.model.Section;

/** The nodes inside a section or the file header: the section's header, its body's fields (nested), or its raw body. */
final class FieldNodes {
    private FieldNodes() {
    }

    /** A section's children: its header node, then its decoded fields, or the body as one node when it has none. */
    static List<StructureNode> ofSection(Section s, String path) {
        List<StructureNode> out = new ArrayList<>(s.fields().size() + 1);
        out.add(new StructureNode(NodeKind.SECTION_HEADER, "header", s.header(), s.index(), null, path));
        if (!s.fields().isEmpty()) {
            out.addAll(of(s.fields(), s.index(), path));
        } else if (s.body().length() > 0) {
            out.add(new StructureNode(NodeKind.RAW_BODY, s.decoded() ? "body" : "body (not decoded)",
                    s.body(), s.index(), null, path));
        }
        return out;
    }

    /** One node per field, in the section {@code section} (-1: none, e.g. the file header). */
    static List<StructureNode> of(List<Field> fields, int section, String parentPath) {
        List<StructureNode> out = new ArrayList<>(fields.size());
        for (Field f : fields) {
            out.add(new StructureNode(NodeKind.FIELD, f.name(), f.span(), section, f, parentPath));
        }
        return out;
    }
}
