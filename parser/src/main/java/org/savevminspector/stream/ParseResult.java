package org.savevminspector.stream;

import java.util.List;
import java.util.Objects;
import org.savevminspector.devices.checks.CheckCatalog;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.diagnostics.DiagnosticList;
import org.savevminspector.io.ByteSource;
import org.savevminspector.model.FileHeader;
import org.savevminspector.model.Section;
import org.savevminspector.model.Span;
import org.savevminspector.model.StreamFormat;

/**
 * What the shape walk found: the structure of the bytes as they are, with no assumption about how a loader
 * would read them (that is the loader simulation's job).
 *
 * <p>A value with the accessors of a record: {@code size} (data length), {@code header} (absent bytes are simply
 * not covered by its fields), {@code sections} (in stream order), {@code eof} (the EOF marker byte, or
 * {@code null}), {@code trailing} (bytes after the EOF marker, or after the last recognised section of a v1/v2
 * file, or {@code null}), {@code unparsed} (bytes the walk could not attribute to any section, after a fatal
 * error, or {@code null}) and {@code diagnostics} (what the walk found wrong, in offset order). A parse made by
 * {@link SavevmParser} holds its sections in a {@link SectionTable} and its diagnostics in a
 * {@link DiagnosticList}, and decodes fields from the bytes it was made from: see {@link #readingFrom}.
 */
public final class ParseResult {
    private final long size;
    private final FileHeader header;
    private final List<Section> sections;
    private final Span eof;
    private final Span trailing;
    private final Span unparsed;
    private final List<Diagnostic> diagnostics;
    /** What each named check did in this file; {@code null} until asked for when the parser did not say. */
    private volatile List<CheckCatalog.Result> checks;

    public ParseResult(long size, FileHeader header, List<Section> sections, Span eof, Span trailing, Span unparsed,
                       List<Diagnostic> diagnostics) {
        this(size, header, sections, eof, trailing, unparsed, diagnostics, null);
    }

    ParseResult(long size, FileHeader header, List<Section> sections, Span eof, Span trailing, Span unparsed,
                List<Diagnostic> diagnostics, List<CheckCatalog.Result> checks) {
        this.size = size;
        this.header = header;
        this.sections = sections instanceof SectionTable ? sections : List.copyOf(sections);
        this.eof = eof;
        this.trailing = trailing;
        this.unparsed = unparsed;
        this.diagnostics = diagnostics instanceof DiagnosticList ? diagnostics : List.copyOf(diagnostics);
        this.checks = checks == null ? null : List.copyOf(checks);
    }

    public long size() {
        return size;
    }

    public FileHeader header() {
        return header;
    }

    public List<Section> sections() {
        return sections;
    }

    public Span eof() {
        return eof;
    }

    public Span trailing() {
        return trailing;
    }

    public Span unparsed() {
        return unparsed;
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /** The format the header announces; {@link StreamFormat#UNKNOWN} when there is no header at all. */
    public StreamFormat format() {
        return header == null ? StreamFormat.UNKNOWN : header.format();
    }

    /**
     * This parse with its sections' fields decoded from {@code src}, which has the same offsets: for whoever
     * closes the source the parse read (the GUI parses through one source and keeps another for the hex pane).
     */
    public ParseResult readingFrom(ByteSource src) {
        if (!(sections instanceof SectionTable t)) {
            return this;
        }
        return new ParseResult(size, header, t.readingFrom(src), eof, trailing, unparsed, diagnostics, checks);
    }

    /** What each named sanity check did in this file (run once, then kept: a few numbers per check). */
    public List<CheckCatalog.Result> checks() {
        List<CheckCatalog.Result> c = checks;
        if (c == null) {
            c = CheckCatalog.standard().run(sections).results();
            checks = c;
        }
        return c;
    }

    /** Index of the first section whose header starts at or after {@code offset}; the count when none does. */
    public int firstSectionAtOrAfter(long offset) {
        if (sections instanceof SectionTable t) {
            return t.firstAtOrAfter(offset);
        }
        int lo = 0;
        int hi = sections.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sections.get(mid).header().offset() < offset) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || (o instanceof ParseResult p && size == p.size && Objects.equals(header, p.header)
                && sections.equals(p.sections) && Objects.equals(eof, p.eof) && Objects.equals(trailing, p.trailing)
                && Objects.equals(unparsed, p.unparsed) && diagnostics.equals(p.diagnostics));
    }

    @Override
    public int hashCode() {
        return Objects.hash(size, header, sections.size(), eof, trailing, unparsed, diagnostics.size());
    }

    @Override
    public String toString() {
        return "ParseResult[size=" + size + ", format=" + format() + ", sections=" + sections.size() + ", eof=" + eof
                + ", trailing=" + trailing + ", unparsed=" + unparsed + ", diagnostics=" + diagnostics.size() + "]";
    }
}
