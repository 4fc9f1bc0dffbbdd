package org.savevminspector.devices.layout;

import java.util.List;
import java.util.function.ToLongFunction;
import org.savevminspector.model.Field;
import org.savevminspector.model.FieldType;
import org.savevminspector.model.Span;

/**
 * A run of raw bytes ({@code u8[n]}), of fixed length or of a length computed from kept values, optionally with a
 * {@link BytesView} that says what the run means as a whole. A large run stays one field (one node in the viewer),
 * whatever its size.
 */
public record Bytes(String name, long length, ToLongFunction<Cursor> lengthOf, BytesView view) implements SingleField {

    public Bytes(String name, long length, ToLongFunction<Cursor> lengthOf) {
        this(name, length, lengthOf, null);
    }

    /** The same run, described by {@code v}. */
    public Bytes shows(BytesView v) {
        return new Bytes(name, length, lengthOf, v);
    }

    @Override
    public void skip(Cursor c) {
        c.advance(size(c));
    }

    @Override
    public void decodeAs(Cursor c, String fieldName, List<Field> out) {
        long at = c.position();
        long n = size(c);
        c.advance(n);
        if (view == null) {
            out.add(Field.bytes(fieldName, at, n));
            return;
        }
        String text = view.describe(c.source(), at, n);
        out.add(new Field(fieldName, FieldType.BYTES, new Span(at, n), 0, text, null, List.of()));
    }

    private long size(Cursor c) {
        return lengthOf == null ? length : lengthOf.applyAsLong(c);
    }

    @Override
    public long fixedSize() {
        return lengthOf == null ? length : -1;
    }
}
