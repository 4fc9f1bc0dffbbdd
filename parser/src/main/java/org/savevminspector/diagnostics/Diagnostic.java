package org.savevminspector.diagnostics;

import org.savevminspector.model.Hex;
import org.savevminspector.model.Span;

/**
 * A finding about the file. Diagnostics are values, never exceptions: parsing keeps going where it can.
 *
 * @param code        stable code (its severity is fixed)
 * @param offset      absolute file offset of the bytes concerned
 * @param length      number of bytes concerned (0 for a position)
 * @param section     index of the section concerned, or -1
 * @param message     one line: what and where
 * @param explanation longer text for the detail panel (consequences, upstream source), may be empty
 */
public record Diagnostic(DiagnosticCode code, long offset, long length, int section, String message,
                         String explanation) {

    public Diagnostic {
        explanation = explanation == null ? "" : explanation;
    }

    public static Diagnostic of(DiagnosticCode code, long offset, long length, int section, String message) {
        return new Diagnostic(code, offset, length, section, message, "");
    }

    /**
     * This diagnostic pointing into data of {@code size} bytes: one about a position past the end (where a loader
     * reads zeros) is anchored at the end of the data, with length 0; its message still says where.
     */
    public Diagnostic anchoredWithin(long size) {
        return offset <= size ? this : new Diagnostic(code, size, 0, section, message, explanation);
    }

    /**
     * A failure of this tool on the bytes at {@code offset}: what it was doing and the exception, in one line;
     * the explanation tells the user that the rest is shown unparsed and that the file may well be fine.
     */
    public static Diagnostic internalError(long offset, long length, int section, String doing, RuntimeException e) {
        String what = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        return new Diagnostic(DiagnosticCode.INTERNAL_ERROR, offset, length, section,
                "internal error while " + doing + " at offset " + Hex.offset(offset)
                        + " (" + what + ")",
                "SaveVM Inspector failed on these bytes; this is a bug in the tool, please report it with the file. "
                        + "What was found before this offset is shown; the analysis stops here.");
    }

    public Severity severity() {
        return code.severity();
    }

    public Span span() {
        return new Span(offset, length);
    }

    @Override
    public String toString() {
        return severity().json() + " " + code + " @" + offset + "+" + length + ": " + message;
    }
}
