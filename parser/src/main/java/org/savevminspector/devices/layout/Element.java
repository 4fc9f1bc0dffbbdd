package org.savevminspector.devices.layout;

import java.util.List;
import org.savevminspector.model.Field;

/** One piece of a body layout: a scalar, a byte run, a group, a repetition or a condition. */
public interface Element {

    /** Moves the cursor over the element, reading only what later lengths depend on. */
    void skip(Cursor c);

    /** Reads the element and appends its field(s) to {@code out}. */
    void decode(Cursor c, List<Field> out);

    /** Size in bytes when it never depends on the data, else -1. */
    long fixedSize();

    /** Whether it (or anything inside it) states expected values (see {@link Scalar#expect}). */
    default boolean hasExpectations() {
        return false;
    }
}
