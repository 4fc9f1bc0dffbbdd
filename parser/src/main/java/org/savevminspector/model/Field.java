package org.savevminspector.model;

import java.util.List;
import java.util.Locale;

/**
 * One decoded field of a section header or body.
 *
 * @param name     field name as in the upstream save function (e.g. {@code pm1_control}, {@code pci.config})
 * @param type     wire type
 * @param span     absolute byte range in the file
 * @param value    the raw value for scalars (sign-extended for signed types; idstr/bytes/groups: 0)
 * @param text     the decoded text for {@link FieldType#ASCII} fields; for {@link FieldType#BYTES} and
 *                 {@link FieldType#STRUCT} an optional description of the whole (a MAC address, a date, a summary
 *                 of a large array); else {@code null}
 * @param meaning  optional interpretation of the value (flags, enums, addresses), may be {@code null}
 * @param children sub-fields (PCI block, arrays, structs); empty for leaves
 */
public record Field(String name, FieldType type, Span span, long value, String text, Meaning meaning,
                    List<Field> children) {

    public Field {
        children = children == null ? List.of() : children;
    }

    public static Field scalar(String name, FieldType type, long offset, long value, Meaning meaning) {
        return new Field(name, type, new Span(offset, type.size()), value, null, meaning, List.of());
    }

    public static Field bytes(String name, long offset, long length) {
        return new Field(name, FieldType.BYTES, new Span(offset, length), 0, null, null, List.of());
    }

    public static Field ascii(String name, long offset, String text) {
        return new Field(name, FieldType.ASCII, new Span(offset, text.length()), 0, text, null, List.of());
    }

    public static Field group(String name, FieldType type, Span span, List<Field> children) {
        return new Field(name, type, span, 0, null, null, List.copyOf(children));
    }

    public boolean isScalar() {
        return type.isScalar();
    }

    /** The interpretation of the value, or {@code null}. */
    public String meaningText() {
        if (type == FieldType.BYTES || type == FieldType.STRUCT) {
            // a run of bytes or a group described as a whole (MAC address, RTC date, summary of a large array)
            return text;
        }
        return meaning == null || !isScalar() ? null : meaning.describe(value);
    }

    /**
     * Human-readable value: hex with the field's width plus the decimal value when it differs, and the meaning
     * after an arrow, e.g. {@code 0x0001 (1) → SCI_EN}. Computed on demand so that parsing stays allocation-light.
     */
    public String display() {
        switch (type) {
            case ASCII:
                return "\"" + text + "\"";
            case BYTES:
                return text == null ? span.length() + " bytes" : span.length() + " bytes → " + text;
            case STRUCT:
                return text == null ? children.size() + " fields" : children.size() + " fields → " + text;
            case ARRAY:
                return children.size() + " fields";
            default:
                break;
        }
        String hex = hex(value, type.size());
        String dec = type.isSigned() ? Long.toString(value) : Long.toUnsignedString(value);
        String base = (value >= 0 && value < 10) ? hex : hex + " (" + dec + ")";
        String m = meaningText();
        return m == null ? base : base + " → " + m;
    }

    /** {@code 0x} followed by exactly {@code 2*width} upper-case hex digits. */
    public static String hex(long value, int width) {
        String digits = Long.toHexString(width >= 8 ? value : value & ((1L << (8 * width)) - 1)).toUpperCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder(2 + 2 * width).append("0x");
        for (int i = digits.length(); i < 2 * width; i++) {
            sb.append('0');
        }
        return sb.append(digits).toString();
    }
}
