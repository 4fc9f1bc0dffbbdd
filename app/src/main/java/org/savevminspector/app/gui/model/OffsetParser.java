package org.savevminspector.app.gui.model;

import java.util.Locale;
import org.savevminspector.model.Hex;

/**
 * Parses what people type into "Go to offset": {@code 0x1C2B}, {@code 1C2Bh} or {@code $1C2B} (hex), or
 * {@code 7211} (decimal), or any of these after {@code +} or {@code -} to move relative to the cursor
 * ({@code +0x10}, {@code -16}); spaces, underscores and thousands separators are ignored.
 */
public final class OffsetParser {
    private OffsetParser() {
    }

    /**
     * @param size the file size: valid offsets are {@code 0 .. size-1} (0 for an empty file)
     * @throws IllegalArgumentException with a message for people when the text is not an offset in the file
     */
    public static long parse(String text, long size) {
        return parse(text, size, 0);
    }

    /**
     * As {@link #parse(String, long)}, with {@code +N} / {@code -N} taken relative to {@code cursor}.
     *
     * @throws IllegalArgumentException with a message for people when the text is not an offset in the file
     */
    public static long parse(String text, long size, long cursor) {
        String t = text == null ? "" : text.trim().replace("_", "").replace(",", "").replace(" ", "")
                .toLowerCase(Locale.ROOT);
        if (t.isEmpty()) {
            throw new IllegalArgumentException("Type an offset: hex like 0x1C2B, decimal like 7211, or +N / -N from the cursor.");
        }
        int sign = t.startsWith("+") ? 1 : t.startsWith("-") ? -1 : 0;
        if (sign != 0) {
            long delta = absolute(t.substring(1), text);
            long target = cursor + sign * delta;
            return inFile(target, size);
        }
        return inFile(absolute(t, text), size);
    }

    private static long absolute(String t, String text) {
        if (t.isEmpty() || t.startsWith("+") || t.startsWith("-")) {
            throw new IllegalArgumentException("'" + text.trim() + "' is not an offset: use hex like 0x1C2B, decimal like 7211, or +N / -N.");
        }
        long value;
        try {
            if (t.startsWith("0x")) {
                value = Long.parseUnsignedLong(t.substring(2), 16);
            } else if (t.startsWith("$")) {
                value = Long.parseUnsignedLong(t.substring(1), 16);
            } else if (t.endsWith("h")) {
                value = Long.parseUnsignedLong(t.substring(0, t.length() - 1), 16);
            } else {
                value = Long.parseLong(t);
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text.trim() + "' is not an offset: use hex like 0x1C2B, decimal like 7211, or +N / -N.");
        }
        return value;
    }

    private static long inFile(long value, long size) {
        if (value < 0 || (size > 0 && value >= size) || (size == 0 && value > 0)) {
            throw new IllegalArgumentException("Offset " + Hex.offset(value) + " is outside the file (" + size + " bytes).");
        }
        return value;
    }
}
