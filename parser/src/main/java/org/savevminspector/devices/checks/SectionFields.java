package org.savevminspector.devices.checks;

import java.util.List;
import org.savevminspector.model.Field;
import org.savevminspector.model.Section;

/** Finding decoded fields of a section by path, for the checks. */
final class SectionFields {
    private SectionFields() {
    }

    /** The field at {@code path} (names from the top of the body), or {@code null}. */
    static Field find(List<Field> fields, String... path) {
        List<Field> level = fields;
        Field found = null;
        for (String name : path) {
            found = null;
            for (Field f : level) {
                if (f.name().equals(name)) {
                    found = f;
                    break;
                }
            }
            if (found == null) {
                return null;
            }
            level = found.children();
        }
        return found;
    }

    static Field find(Section s, String... path) {
        return find(s.fields(), path);
    }

    /** The decoded PCI configuration header, or {@code null} when the body has none (or it was cut). */
    static Field pciConfig(Section s) {
        return find(s, "pci.config");
    }
}
