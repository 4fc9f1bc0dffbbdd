package org.savevminspector.devices.layout;

import java.util.List;
import java.util.function.Predicate;
import org.savevminspector.model.Field;

/** Elements present only when a condition on kept values holds (e.g. IDENTIFY data when identify_set != 0). */
public record When(Predicate<Cursor> condition, List<Element> elements) implements Element {

    @Override
    public void skip(Cursor c) {
        if (condition.test(c)) {
            Elements.skip(elements, -1, c);
        }
    }

    @Override
    public int maxFields() {
        return Elements.maxFields(elements);
    }

    @Override
    public boolean keepsValues() {
        return Elements.keepsValues(elements);
    }

    @Override
    public boolean hasExpectations() {
        return Elements.hasExpectations(elements);
    }

    @Override
    public void decode(Cursor c, List<Field> out) {
        if (condition.test(c)) {
            Elements.decode(elements, c, out);
        }
    }

    @Override
    public long fixedSize() {
        return -1;
    }
}
