package org.savevminspector.devices.layout;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;
import org.savevminspector.model.Field;
import org.savevminspector.model.FieldType;
import org.savevminspector.model.Span;

/**
 * {@code count} copies of an element, named {@code name[0]}, {@code name[1]}… The count is fixed or computed
 * from kept values (the FDC drive count, the UHCI port count).
 */
public record Repeat(String name, long count, ToLongFunction<Cursor> countOf, Element item) implements SingleField {

    @Override
    public void skip(Cursor c) {
        long n = count(c);
        long each = item.fixedSize();
        if (each >= 0 && !c.checking() && !item.keepsValues()) {
            c.advance(n * each);
            return;
        }
        for (long i = 0; i < n; i++) {
            item.skip(c);
        }
    }

    @Override
    public boolean keepsValues() {
        return item.keepsValues();
    }

    @Override
    public boolean hasExpectations() {
        return item.hasExpectations();
    }

    @Override
    public void decodeAs(Cursor c, String fieldName, List<Field> out) {
        long at = c.position();
        long n = count(c);
        List<Field> children = new ArrayList<>((int) Math.min(n, 1024));
        for (long i = 0; i < n; i++) {
            item.decodeAs(c, ElementNames.of(name, i), children);
        }
        out.add(Field.group(fieldName, FieldType.ARRAY, new Span(at, c.position() - at), children));
    }

    private long count(Cursor c) {
        return countOf == null ? count : countOf.applyAsLong(c);
    }

    @Override
    public long fixedSize() {
        long each = item.fixedSize();
        return countOf == null && each >= 0 ? count * each : -1;
    }
}
