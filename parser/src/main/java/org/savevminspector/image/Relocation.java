package org.savevminspector.image;

import java.util.ArrayList;
import java.util.List;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.inspect.Inspection;
import org.savevminspector.loader.LoaderRead;
import org.savevminspector.loader.LoaderReport;
import org.savevminspector.model.Field;
import org.savevminspector.model.FileHeader;
import org.savevminspector.model.Section;
import org.savevminspector.model.Span;
import org.savevminspector.stream.ParseResult;

/**
 * Moves an inspection of an embedded QEVM stream (parsed from 0, exactly as a bare file) to the image's
 * absolute offsets, so that reports, the hex pane and the tree speak of one coordinate system. Message texts keep
 * the stream's own offsets; each relocated diagnostic says so once.
 */
public final class Relocation {
    private final long delta;

    public Relocation(long delta) {
        this.delta = delta;
    }

    public Inspection inspection(Inspection in, long imageSize) {
        ParseResult p = in.parse();
        List<Section> sections = new ArrayList<>();
        for (Section s : p.sections()) {
            sections.add(section(s));
        }
        ParseResult moved = new ParseResult(imageSize, header(p.header()), sections, span(p.eof()),
                span(p.trailing()), span(p.unparsed()), diagnostics(p.diagnostics()));
        return new Inspection(moved, loader(in.loader()), diagnostics(in.diagnostics()));
    }

    public Span span(Span s) {
        return s == null ? null : new Span(s.offset() + delta, s.length());
    }

    public Section section(Section s) {
        return new Section(s.index(), s.type(), s.sectionId(), s.idstr(), s.instanceId(), s.versionId(),
                span(s.header()), span(s.body()), s.decoded(), s.shapeVersion(), fields(s.headerFields()),
                fields(s.fields()));
    }

    public List<Field> fields(List<Field> fields) {
        List<Field> out = new ArrayList<>(fields.size());
        for (Field f : fields) {
            out.add(new Field(f.name(), f.type(), span(f.span()), f.value(), f.text(), f.meaning(),
                    fields(f.children())));
        }
        return out;
    }

    private FileHeader header(FileHeader h) {
        return h == null ? null : new FileHeader(span(h.span()), h.magic(), h.fileVersion(), h.format(),
                h.totalLength(), fields(h.fields()));
    }

    public List<Diagnostic> diagnostics(List<Diagnostic> in) {
        List<Diagnostic> out = new ArrayList<>(in.size());
        for (Diagnostic d : in) {
            out.add(new Diagnostic(d.code(), d.offset() + delta, d.length(), d.section(), d.message()
                    + " [stream offsets; the stream starts at image offset " + delta + "]",
                    d.explanation()));
        }
        return out;
    }

    private LoaderReport loader(LoaderReport r) {
        if (r == null) {
            return null;
        }
        List<LoaderRead> reads = new ArrayList<>();
        for (LoaderRead x : r.reads()) {
            List<LoaderRead.LoadedValue> values = new ArrayList<>();
            for (LoaderRead.LoadedValue v : x.values()) {
                values.add(new LoaderRead.LoadedValue(v.name(), v.offset() + delta, v.length(), v.value(), v.pastEnd()));
            }
            reads.add(new LoaderRead(x.section(), x.idstr(), x.instanceId(), x.version(), x.headerOffset() + delta,
                    x.bodyOffset() + delta, x.bytesRead(), x.status(), x.message(), values));
        }
        return new LoaderReport(r.profile(), r.outcome(), r.result(), r.message(), r.stoppedAt() + delta,
                r.overrunBytes(), reads, r.ports());
    }
}
