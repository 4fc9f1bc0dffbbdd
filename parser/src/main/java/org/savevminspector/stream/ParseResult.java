package org.savevminspector.stream;

import java.util.List;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.model.FileHeader;
import org.savevminspector.model.Section;
import org.savevminspector.model.Span;
import org.savevminspector.model.StreamFormat;

/**
 * What the shape walk found: the structure of the bytes as they are, with no assumption about how a loader
 * would read them (that is the loader simulation's job).
 *
 * @param size        data length
 * @param header      file header (absent bytes are simply not covered by its fields)
 * @param sections    sections in stream order
 * @param eof         the EOF marker byte, or {@code null} when there is none
 * @param trailing    bytes after the EOF marker (or after the last recognised section of a v1/v2 file), or
 *                    {@code null}
 * @param unparsed    bytes the walk could not attribute to any section (after a fatal error), or {@code null}
 * @param diagnostics what the walk found wrong, in offset order
 */
public record ParseResult(long size, FileHeader header, List<Section> sections, Span eof, Span trailing,
                          Span unparsed, List<Diagnostic> diagnostics) {

    public ParseResult {
        sections = List.copyOf(sections);
        diagnostics = List.copyOf(diagnostics);
    }

    /** The format the header announces; {@link StreamFormat#UNKNOWN} when there is no header at all. */
    public StreamFormat format() {
        return header == null ? StreamFormat.UNKNOWN : header.format();
    }
}
