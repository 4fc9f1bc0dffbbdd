package org.savevminspector.devices.layout;

import java.util.ArrayList;
import java.util.List;
import org.savevminspector.model.Field;
import org.savevminspector.model.FieldType;
import org.savevminspector.model.Span;

/** A named struct (or array) of elements, decoded as one field with children. */
public record Group(String name, FieldType type, List<Element> elements, long fixedSize) implements SingleField {

    public Group(String name, FieldType type, List<Element> elements) {
        this(name, type, List.copyOf(elements), Elements.fixedSize(elements));
    }

    @Override
    public void skip(Cursor c) {
        Elements.skip(elements, fixedSize, c);
    }

    @Override
    public boolean hasExpectations() {
        return Elements.hasExpectations(elements);
    }

    @Override
    public void decodeAs(Cursor c, String fieldName, List<Field> out) {
        long at = c.position();
        List<Field> children = new ArrayList<>(elements.size());
        Elements.decode(elements, c, children);
        out.add(Field.group(fieldName, type, new Span(at, c.position() - at), children));
    }
}
