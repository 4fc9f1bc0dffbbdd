package org.savevminspector.devices.layout;

import java.util.List;
import java.util.function.ToLongFunction;
import org.savevminspector.model.Field;

/** A run of raw bytes ({@code u8[n]}), of fixed length or of a length computed from kept values. */
public record Bytes(String name, long length, ToLongFunction<Cursor> lengthOf) implements SingleField {

    @Override
    public void skip(Cursor c) {
        c.advance(size(c));
    }

    @Override
    public void decodeAs(Cursor c, String fieldName, List<Field> out) {
        long at = c.position();
        long n = size(c);
        c.advance(n);
        out.add(Field.bytes(fieldName, at, n));
    }

    private long size(Cursor c) {
        return lengthOf == null ? length : lengthOf.applyAsLong(c);
    }

    @Override
    public long fixedSize() {
        return lengthOf == null ? length : -1;
    }
}
