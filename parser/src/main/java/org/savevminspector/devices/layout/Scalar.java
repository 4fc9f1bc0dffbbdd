package org.savevminspector.devices.layout;

import java.util.List;
import org.savevminspector.model.Field;
import org.savevminspector.model.FieldType;
import org.savevminspector.model.Meaning;

/** A fixed-width integer. {@link #keep()} makes its value available to later conditions and counts. */
public record Scalar(String name, FieldType type, Meaning meaning, boolean kept) implements Element {

    public Scalar {
        if (!type.isScalar()) {
            throw new IllegalArgumentException(type + " is not a scalar type");
        }
    }

    /** The same field, remembered by name while walking (for counts and conditions). */
    public Scalar keep() {
        return new Scalar(name, type, meaning, true);
    }

    /** The same field with an interpretation of its value. */
    public Scalar means(Meaning m) {
        return new Scalar(name, type, m, kept);
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
        if (kept) {
            c.keep(name, read(c));
        } else {
            c.advance(type.size());
        }
    }

    @Override
    public void decode(Cursor c, List<Field> out) {
        long at = c.position();
        long v = read(c);
        if (kept) {
            c.keep(name, v);
        }
        out.add(Field.scalar(name, type, at, v, meaning));
    }

    @Override
    public long fixedSize() {
        return type.size();
    }
}
