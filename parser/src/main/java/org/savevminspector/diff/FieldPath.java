package org.savevminspector.diff;

import java.util.ArrayList;
import java.util.List;
import org.savevminspector.model.Field;
import org.savevminspector.model.FieldType;
import org.savevminspector.model.Section;

/**
 * Paths of fields inside a section, the keys fields pair by: the field names from the section down, joined by
 * dots, with the header's fields under {@code header} — {@code header.version_id}, {@code pci.config.command},
 * {@code bmdma[0].sector_num}. An element named after its array ({@code pci.irq_state[2]} in
 * {@code pci.irq_state}) is not repeated: {@code pci.irq_state[2]}. People read them with {@code ›}:
 * {@code pci › config › command}; {@code --ignore} globs match {@code IDSTR.PATH}.
 */
public final class FieldPath {
    /** The prefix of header fields. */
    public static final String HEADER = "header";
    /** The path of a whole body compared by content when either side is not decoded. */
    public static final String BODY = "body";

    private FieldPath() {
    }

    /** The path of {@code child}, a field inside the field at {@code parentPath} named {@code parentName}. */
    static String child(String parentPath, String parentName, String child) {
        if (parentPath.isEmpty()) {
            return child;
        }
        if (parentName != null && child.startsWith(parentName) && child.length() > parentName.length()
                && child.charAt(parentName.length()) == '[') {
            return parentPath + child.substring(parentName.length());
        }
        return parentPath + "." + child;
    }

    /** {@code pci.config.command} → {@code pci › config › command}. */
    public static String display(String path) {
        return path.replace(".", " › ");
    }

    /** Whether {@code f} groups other fields (a struct or an array, or any field with children). */
    static boolean isGroup(Field f) {
        return !f.children().isEmpty() || f.type() == FieldType.STRUCT || f.type() == FieldType.ARRAY;
    }

    /** One field of a section with its path. */
    public record Entry(String path, Field field) {
    }

    /**
     * Every field of {@code s} — header fields, then body fields, groups before their children — with its path:
     * what a viewer looks a field's partner up by (the same path in the other section of a
     * {@link SectionPair}).
     */
    public static List<Entry> all(Section s) {
        List<Entry> out = new ArrayList<>();
        for (Field f : s.headerFields()) {
            out.add(new Entry(HEADER + "." + f.name(), f));
        }
        addAll(out, "", null, s.fields());
        return out;
    }

    private static void addAll(List<Entry> out, String parentPath, String parentName, List<Field> fields) {
        for (Field f : fields) {
            String path = child(parentPath, parentName, f.name());
            out.add(new Entry(path, f));
            addAll(out, path, f.name(), f.children());
        }
    }
}
