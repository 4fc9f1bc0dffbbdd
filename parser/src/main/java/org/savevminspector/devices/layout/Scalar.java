package org.savevminspector.devices.layout;

import java.util.List;
import java.util.function.LongPredicate;
import org.savevminspector.model.Field;
import org.savevminspector.model.FieldType;
import org.savevminspector.model.Meaning;

/**
 * A fixed-width integer. {@link #keep()} makes its value available to later conditions and counts;
 * {@link #expect(LongPredicate)} states which values a genuine body can hold, which lets the shape walk tell
 * two layouts of the same device apart when both would fit (FORMAT.md C.3 item 3).
 */
public record Scalar(String name, FieldType type, Meaning meaning, boolean kept, LongPredicate expected)
        implements SingleField {

    public Scalar(String name, FieldType type, Meaning meaning, boolean kept) {
        this(name, type, meaning, kept, null);
    }

    public Scalar {
        if (!type.isScalar()) {
            throw new IllegalArgumentException(type + " is not a scalar type");
        }
    }

    /** The same field, remembered by name while walking (for counts and conditions). */
    public Scalar keep() {
        return new Scalar(name, type, meaning, true, expected);
    }

    /** The same field, with the values a writer can produce (checked only when comparing layouts). */
    public Scalar expect(LongPredicate values) {
        return new Scalar(name, type, meaning, kept, values);
    }

    /** The same field with an interpretation of its value. */
    public Scalar means(Meaning m) {
        return new Scalar(name, type, m, kept, expected);
    }

    long read(Cursor c) {
        long v = c.readUnsigned(type.size(), type.isLittleEndian());
        if (type.isSigned()) {
            int bits = 64 - 8 * type.size();
            v = (v << bits) >> bits;
        }
        return v;
    }

    @Override
    public void skip(Cursor c) {
        if (kept || (expected != null && c.checking())) {
            long v = read(c);
            if (kept) {
                c.keep(name, v);
            }
            if (expected != null && !expected.test(v)) {
                c.unexpected();
            }
        } else {
            c.advance(type.size());
        }
    }

    @Override
    public void decodeAs(Cursor c, String fieldName, List<Field> out) {
        long at = c.position();
        long v = read(c);
        if (kept) {
            c.keep(name, v);
        }
        out.add(Field.scalar(fieldName, type, at, v, meaning));
    }

    @Override
    public boolean keepsValues() {
        return kept;
    }

    @Override
    public boolean hasExpectations() {
        return expected != null;
    }

    @Override
    public long fixedSize() {
        return type.size();
    }
}
