package org.savevminspector.devices.layout;

import java.util.ArrayList;
import java.util.List;
import org.savevminspector.model.Field;

/** One piece of a body layout: a scalar, a byte run, a group, a repetition or a condition. */
public interface Element {

    /** Moves the cursor over the element, reading only what later lengths depend on. */
    void skip(Cursor c);

    /** Reads the element and appends its field(s) to {@code out}. */
    void decode(Cursor c, List<Field> out);

    /**
     * Reads the element as one field named {@code name} (an element of a {@link Repeat}) and appends it to
     * {@code out}. The default decodes and renames the first field; a {@link SingleField} builds that field
     * with its final name instead of copying it.
     */
    default void decodeAs(Cursor c, String name, List<Field> out) {
        List<Field> one = new ArrayList<>(1);
        decode(c, one);
        Field f = one.get(0);
        out.add(new Field(name, f.type(), f.span(), f.value(), f.text(), f.meaning(), f.children()));
    }

    /** Size in bytes when it never depends on the data, else -1. */
    long fixedSize();

    /**
     * How many fields {@link #decode} adds to its list at most: one, except for elements that splice their
     * fields in place ({@link Seq}, {@link When}). Lets a decode size its list once.
     */
    default int maxFields() {
        return 1;
    }

    /**
     * Whether it (or anything inside it) keeps a value for later elements: such a run must be read even when its
     * size is fixed, or the counts and flags after it would be missing.
     */
    default boolean keepsValues() {
        return false;
    }

    /** Whether it (or anything inside it) states expected values (see {@link Scalar#expect}). */
    default boolean hasExpectations() {
        return false;
    }
}
