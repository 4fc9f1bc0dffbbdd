package org.savevminspector.report;

import org.savevminspector.model.Field;
import org.savevminspector.model.FieldType;

/**
 * How a scalar field value appears in JSON. JSON numbers are only exact up to 2^53 in most readers
 * (JavaScript, jq), so wider values are written as a {@code 0x}-prefixed hex string of the field's raw bits
 * with the field's width (the {@code type} says whether they are signed).
 */
final class FieldValues {
    /** 2^53 - 1, the largest integer every JSON reader keeps exactly. */
    static final long MAX_EXACT = (1L << 53) - 1;

    private FieldValues() {
    }

    /** Whether {@code f}'s value can be written as a JSON integer. */
    static boolean fitsJsonInteger(Field f) {
        long v = f.value();
        if (f.type().isSigned()) {
            return v >= -MAX_EXACT && v <= MAX_EXACT;
        }
        // unsigned be64 values at or above 2^63 are negative longs
        return v >= 0 && v <= MAX_EXACT;
    }

    /** The raw bits of a scalar as {@code 0x} + two hex digits per byte. */
    static String hex(Field f) {
        return Field.hex(f.value(), f.type().size());
    }

    static boolean isGroup(FieldType t) {
        return t == FieldType.STRUCT || t == FieldType.ARRAY;
    }
}
