package org.savevminspector.devices.layout;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.savevminspector.model.Field;
import org.savevminspector.model.FieldType;
import org.savevminspector.model.Span;

/**
 * A named struct (or array) of elements, decoded as one field with children; optionally described as a whole
 * from its decoded children (an RTC date from the {@code tm_*} words, a drive's model and serial).
 */
public record Group(String name, FieldType type, List<Element> elements, long fixedSize,
                    Function<List<Field>, String> view) implements SingleField {

    public Group(String name, FieldType type, List<Element> elements) {
        this(name, type, List.copyOf(elements), Elements.fixedSize(elements), null);
    }

    /** The same group, described as a whole by {@code v} (which may return {@code null}). */
    public Group shows(Function<List<Field>, String> v) {
        return new Group(name, type, elements, fixedSize, v);
    }

    @Override
    public void skip(Cursor c) {
        Elements.skip(elements, keepsValues() ? -1 : fixedSize, c);
    }

    @Override
    public boolean keepsValues() {
        // computed per call: groups that keep values are walked element by element anyway
        return Elements.keepsValues(elements);
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
        Span span = new Span(at, c.position() - at);
        if (view == null) {
            out.add(Field.group(fieldName, type, span, children));
        } else {
            out.add(new Field(fieldName, type, span, 0, view.apply(children), null, List.copyOf(children)));
        }
    }
}
