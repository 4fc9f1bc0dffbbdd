package org.savevminspector.devices.layout;

import java.util.List;
import org.savevminspector.model.Field;

/**
 * An element that makes exactly one field, named after the element unless a {@link Repeat} names it
 * {@code name[i]}: decoding is decoding under its own name, so each such element writes only
 * {@link #decodeAs}.
 */
interface SingleField extends Element {

    /** The field's name. */
    String name();

    @Override
    default void decode(Cursor c, List<Field> out) {
        decodeAs(c, name(), out);
    }

    @Override
    void decodeAs(Cursor c, String fieldName, List<Field> out);
}
