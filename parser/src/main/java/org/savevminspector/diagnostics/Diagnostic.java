package org.savevminspector.diagnostics;

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
