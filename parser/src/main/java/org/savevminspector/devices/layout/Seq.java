package org.savevminspector.devices.layout;

import java.util.List;
import org.savevminspector.model.Field;

/**
 * Elements spliced in place, without a grouping field: lets a shared run of fields (the PCI block of FORMAT.md B.2.1, the
 * RTL8139 register file) be one reusable {@link Element} whose fields still sit at the top level of the body,
 * exactly as the tables of docs/FORMAT.md list them.
 */
public record Seq(List<Element> elements, long fixedSize, boolean keepsValues) implements Element {

    public Seq(List<Element> elements) {
        this(List.copyOf(elements), Elements.fixedSize(elements), Elements.keepsValues(elements));
    }

    @Override
    public void skip(Cursor c) {
        Elements.skip(elements, keepsValues ? -1 : fixedSize, c);
    }

    @Override
    public int maxFields() {
        return Elements.maxFields(elements);
    }

    @Override
    public boolean hasExpectations() {
        return Elements.hasExpectations(elements);
    }

    @Override
    public void decode(Cursor c, List<Field> out) {
        Elements.decode(elements, c, out);
    }
}
