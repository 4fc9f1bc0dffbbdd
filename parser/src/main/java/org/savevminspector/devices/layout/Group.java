package org.savevminspector.devices.layout;

import java.util.ArrayList;
import java.util.List;
import org.savevminspector.model.Field;
import org.savevminspector.model.FieldType;
import org.savevminspector.model.Span;

/** A named struct (or array) of elements, decoded as one field with children. */
public record Group(String name, FieldType type, List<Element> elements, long fixedSize) implements Element {

    public Group(String name, FieldType type, List<Element> elements) {
        this(name, type, List.copyOf(elements), Layout.sum(elements));
    }

    @Override
    public void skip(Cursor c) {
        if (fixedSize >= 0 && !c.checking()) {
            c.advance(fixedSize);
            return;
        }
        for (Element e : elements) {
            e.skip(c);
        }
    }

    @Override
    public boolean hasExpectations() {
        return elements.stream().anyMatch(Element::hasExpectations);
    }

    @Override
    public void decode(Cursor c, List<Field> out) {
        decodeAs(c, name, out);
    }

    @Override
    public void decodeAs(Cursor c, String fieldName, List<Field> out) {
        long at = c.position();
        List<Field> children = new ArrayList<>(elements.size());
        for (Element e : elements) {
            e.decode(c, children);
        }
        out.add(Field.group(fieldName, type, new Span(at, c.position() - at), children));
    }
}
