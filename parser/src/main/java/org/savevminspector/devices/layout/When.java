package org.savevminspector.devices.layout;

import java.util.List;
import java.util.function.Predicate;
import org.savevminspector.model.Field;

/** Elements present only when a condition on kept values holds (e.g. IDENTIFY data when identify_set != 0). */
public record When(Predicate<Cursor> condition, List<Element> elements) implements Element {

    @Override
    public void skip(Cursor c) {
        if (condition.test(c)) {
            for (Element e : elements) {
                e.skip(c);
            }
        }
    }

    @Override
    public boolean hasExpectations() {
        return elements.stream().anyMatch(Element::hasExpectations);
    }

    @Override
    public void decode(Cursor c, List<Field> out) {
        if (condition.test(c)) {
            for (Element e : elements) {
                e.decode(c, out);
            }
        }
    }

    @Override
    public long fixedSize() {
        return -1;
    }
}
