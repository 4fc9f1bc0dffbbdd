package org.savevminspector.app.gui.model;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.savevminspector.model.Field;
import org.savevminspector.model.FieldType;
import org.savevminspector.model.Section;
import org.savevminspector.model.SectionType;

/**
 * What the tree's Type, Ver and Value columns say for a node: the CLI's wording ({@code 2≠1} for a label that
 * does not match the body's shape) and a one-line summary for every section, so no row's value cell is blank.
 */
public final class NodeColumns {
    private NodeColumns() {
    }

    /** Wire type: {@code full}/{@code start}/… for sections, {@code be16} etc. for fields, a short word for the rest. */
    public static String type(StructureTree tree, StructureNode n) {
        return switch (n.kind()) {
            case SECTION -> tree.section(n).type().json();
            case FIELD -> n.field().type().label();
            default -> kindWord(n.kind());
        };
    }

    /** The Type column's word for a node that is neither a section nor a field. */
    private static String kindWord(NodeKind k) {
        return switch (k) {
            case FILE_HEADER, SECTION_HEADER -> "header";
            case RAW_BODY, TRAILING, UNPARSED -> "bytes";
            case EOF_MARKER -> "eof";
            // a save image's parts: one short word each (the Value column says which record it is)
            case CONTAINER_RECORD -> "record";
            case PAGE_RUN -> "pages";
            case PAGE_BATCH, MORE_BATCHES -> "batch";
            case QEVM_STREAM -> "stream";
            case GROUP -> "";
            // node kinds added later read as their kind until they get a word of their own
            default -> k.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        };
    }

    /** Every word the Type column can show, whatever the file: the tree's column is made as wide as the widest. */
    public static Set<String> typeWords() {
        Set<String> words = new LinkedHashSet<>();
        for (SectionType t : SectionType.values()) {
            words.add(t.json());
        }
        for (FieldType t : FieldType.values()) {
            words.add(t.label());
        }
        for (NodeKind k : NodeKind.values()) {
            if (k != NodeKind.SECTION && k != NodeKind.FIELD) {
                words.add(kindWord(k));
            }
        }
        return words;
    }

    /** The version label as the CLI prints it: {@code 2≠1} when the body has another version's shape. */
    public static String version(StructureTree tree, StructureNode n) {
        if (n.kind() != NodeKind.SECTION) {
            return "";
        }
        Section s = tree.section(n);
        if (s.versionId() < 0) {
            return "";
        }
        return s.labelMismatch() ? s.versionId() + "≠" + s.shapeVersion() : Long.toString(s.versionId());
    }

    public static String instance(StructureTree tree, StructureNode n) {
        if (n.kind() != NodeKind.SECTION) {
            return "";
        }
        long v = tree.section(n).instanceId();
        return v < 0 ? "" : Long.toString(v);
    }

    /** Fields: their decoded value; every other node: a one-line summary. */
    public static String value(StructureTree tree, StructureNode n) {
        return switch (n.kind()) {
            case FIELD -> n.valueText();
            case SECTION -> sectionSummary(tree.section(n));
            case FILE_HEADER -> tree.inspection().parse().format().json();
            case SECTION_HEADER -> n.span().length() + "-byte header";
            case RAW_BODY -> n.span().length() + " bytes" + (n.name().contains("not decoded") ? ", not decoded" : "");
            case EOF_MARKER -> "end of the stream";
            case TRAILING -> n.span().length() + " byte(s) after the EOF marker";
            case UNPARSED -> n.span().length() + " byte(s) no section describes";
            default -> n.summary() != null ? n.summary() : n.span().length() + " bytes";
        };
    }

    /** E.g. {@code body has the v1 shape (278 bytes)}, {@code 12 fields, 130 bytes}, {@code 4096 bytes, not decoded}. */
    public static String sectionSummary(Section s) {
        long body = s.body().length();
        if (s.labelMismatch()) {
            return "labelled v" + s.versionId() + ", body has the v" + s.shapeVersion() + " shape (" + body + " bytes)";
        }
        if (!s.decoded()) {
            return body == 0 ? "empty body" : body + " bytes, not decoded";
        }
        int leaves = countLeaves(s);
        if (leaves == 1 && s.fields().size() == 1 && s.fields().get(0).isScalar()) {
            Field f = s.fields().get(0);
            return f.name() + " = " + f.display();
        }
        return leaves + (leaves == 1 ? " field, " : " fields, ") + body + " bytes";
    }

    private static int countLeaves(Section s) {
        int n = 0;
        for (Field f : s.fields()) {
            n += leaves(f);
        }
        return n;
    }

    private static int leaves(Field f) {
        if (f.children().isEmpty()) {
            return 1;
        }
        int n = 0;
        for (Field c : f.children()) {
            n += leaves(c);
        }
        return n;
    }
}
