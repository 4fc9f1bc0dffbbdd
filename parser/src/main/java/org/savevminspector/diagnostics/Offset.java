package org.savevminspector.diagnostics;

/**
 * An offset as an argument of a catalogue text: a number of the parse that raised it, worded only when read, by
 * the {@link Coordinates} the diagnostic then has (a bare file's, or an image's around the stream).
 *
 * @param at      the offset in the parse's own coordinates
 * @param decimal whether a bare stream's message gives it in decimal only (a count-like position such as
 *                "stops at offset 7524 of 7525"); inside an image every offset reads in the full form
 */
public record Offset(long at, boolean decimal) {
    /** An offset in the usual hex-and-decimal form. */
    public static Offset of(long at) {
        return new Offset(at, false);
    }

    /** An offset a bare stream's message gives in decimal. */
    public static Offset decimal(long at) {
        return new Offset(at, true);
    }

    String read(Coordinates c) {
        return decimal ? c.decimal(at) : c.offset(at);
    }
}
