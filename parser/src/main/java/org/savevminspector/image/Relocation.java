package org.savevminspector.image;

import java.util.ArrayList;
import java.util.List;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.diagnostics.DiagnosticList;
import org.savevminspector.inspect.Inspection;
import org.savevminspector.io.ByteSource;
import org.savevminspector.model.Field;
import org.savevminspector.model.FileHeader;
import org.savevminspector.model.Section;
import org.savevminspector.model.Span;
import org.savevminspector.repair.ByteEdit;
import org.savevminspector.repair.RepairPlan;
import org.savevminspector.stream.ParseResult;
import org.savevminspector.stream.SectionTable;

/**
 * Moves an inspection of an embedded QEVM stream (parsed from 0, exactly as a bare file) to the image's
 * absolute offsets, so that reports, the hex pane and the tree speak of one coordinate system. Diagnostics word
 * their offsets as the image's, the stream's after them ({@link org.savevminspector.diagnostics.Coordinates}). A
 * parse's compact section table is moved as a whole (its fields are then decoded from the image at image
 * offsets), not section by section.
 */
public final class Relocation {
    private final long delta;

    public Relocation(long delta) {
        this.delta = delta;
    }

    /**
     * {@code in} at image offsets; {@code image} is the whole image, from which moved sections decode fields.
     * {@code in} is an {@link org.savevminspector.inspect.Inspector}'s: its sections are a {@link SectionTable}, it
     * has a header and a loader report.
     */
    public Inspection inspection(Inspection in, ByteSource image) {
        ParseResult p = in.parse();
        List<Section> sections = ((SectionTable) p.sections()).moved(delta, image);
        ParseResult moved = new ParseResult(image.size(), header(p.header()), sections, span(p.eof()),
                span(p.trailing()), span(p.unparsed()), diagnostics(p.diagnostics()));
        return new Inspection(moved, in.loader().moved(delta), diagnostics(in.diagnostics()));
    }

    private Span span(Span s) {
        return s == null ? null : new Span(s.offset() + delta, s.length());
    }

    private List<Field> fields(List<Field> fields) {
        List<Field> out = new ArrayList<>(fields.size());
        for (Field f : fields) {
            out.add(new Field(f.name(), f.type(), span(f.span()), f.value(), f.text(), f.meaning(),
                    fields(f.children())));
        }
        return out;
    }

    private FileHeader header(FileHeader h) {
        return new FileHeader(span(h.span()), h.magic(), h.fileVersion(), h.format(), h.totalLength(),
                fields(h.fields()));
    }

    /**
     * A repair of the stream as shown for the image: its edits and diagnostics at image offsets (the inspections
     * before and after it stay the stream's: they name sections, which have the same indices).
     */
    public RepairPlan plan(RepairPlan p) {
        List<ByteEdit> edits = new ArrayList<>(p.edits().size());
        for (ByteEdit e : p.edits()) {
            edits.add(new ByteEdit(e.offset() + delta, e.before(), e.after(), e.reason()));
        }
        return new RepairPlan(p.options(), edits, p.result(), p.before(), p.after(), diagnostics(p.fixed()),
                diagnostics(p.remaining()), diagnostics(p.introduced()), p.refusal(), p.acceptedBy());
    }

    public List<Diagnostic> diagnostics(List<Diagnostic> in) {
        return DiagnosticList.of(in).moved(delta);
    }
}
