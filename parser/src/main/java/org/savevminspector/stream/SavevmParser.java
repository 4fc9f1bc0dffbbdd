package org.savevminspector.stream;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.savevminspector.devices.DeviceCatalog;
import org.savevminspector.devices.checks.CheckCatalog;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.diagnostics.DiagnosticList;
import org.savevminspector.io.ByteSource;
import org.savevminspector.io.ParseOptions;
import org.savevminspector.model.Span;

/**
 * The shape walk of a savevm file (docs/FORMAT.md Z steps 1–2): what the bytes are, measured with the body
 * layout of every device. It never assumes how a loader would read them; the loader simulation does that.
 */
public final class SavevmParser {
    private final DeviceCatalog catalog;

    public SavevmParser(DeviceCatalog catalog) {
        this.catalog = catalog;
    }

    public static SavevmParser standard() {
        return new SavevmParser(DeviceCatalog.standard());
    }

    /**
     * @throws java.util.concurrent.CancellationException when {@code options} asks for it
     * @throws java.io.UncheckedIOException               when the bytes cannot be read
     */
    public ParseResult parse(ByteSource src, ParseOptions options) {
        WalkState st = new WalkState(options, src, catalog);
        FileHeaderReader.Result head = FileHeaderReader.read(src);
        head.diagnostics().forEach(st.diagnostics::add);
        long start = head.bodyStart();
        st.step(start);
        SectionTable table = null;
        List<CheckCatalog.Result> checks = null;
        List<Diagnostic> stream = List.of();
        List<Diagnostic> devices = List.of();
        try {
            walk(src, head, st, start);
            table = built(st);
            CheckCatalog.Collector checking = CheckCatalog.standard().collector();
            stream = StreamChecks.run(table, catalog, st.templates, checking::accept);
            CheckCatalog.Run run = checking.finish();
            devices = DiagnosticList.builder().addAll(run.diagnostics()).build(DiagnosticList.Order.OFFSET);
            checks = run.results();
        } catch (CancellationException | UncheckedIOException e) {
            throw e;
        } catch (RuntimeException e) {
            // A bug of ours must not cost the user the analysis: what was walked stays, the failure is one
            // diagnostic at the section where it happened, and the rest of the data is shown unparsed.
            long at = Math.min(st.position(), src.size());
            int section = st.lastIndex() >= 0 && st.sections.lastHeader() == at ? st.lastIndex() : -1;
            st.diagnostics.add(Diagnostic.internalError(at, src.size() - at, section, "walking the sections", e));
            long from = st.lastIndex() < 0 ? at : Math.max(at, Math.min(st.sections.lastEnd(), src.size()));
            if (st.unparsed == null && st.eof == null && from < src.size()) {
                st.unparsed = new Span(from, src.size() - from);
            }
        }
        if (table == null) {
            table = built(st);
        }
        // the walk's, the whole-stream checks', the device checks' (each in offset order), merged by offset
        DiagnosticList diagnostics = DiagnosticList.merge(DiagnosticList.Order.OFFSET,
                st.diagnostics.build(DiagnosticList.Order.OFFSET), stream, devices);
        st.done();
        return new ParseResult(src.size(), head.header(), table, st.eof, st.trailing, st.unparsed, diagnostics,
                checks);
    }

    private static SectionTable built(WalkState st) {
        SectionTable table = st.sections.build();
        st.templates.bind(table);
        return table;
    }

    private void walk(ByteSource src, FileHeaderReader.Result head, WalkState st, long start) {
        switch (head.header().format()) {
            case QEVM_V3 -> new V3Walk(src, catalog, st).walk(start);
            case QEVM_V2 -> {
                long total = head.header().totalLength();
                long end = total < 0 || total > Long.MAX_VALUE - start ? Long.MAX_VALUE : start + total;
                new RecordWalk(src, catalog, st).walk(start, end, 2);
            }
            case QEVM_V1 -> new RecordWalk(src, catalog, st).walk(start, src.size(), 1);
            default -> {
                if (start < src.size()) {
                    st.unparsed = new Span(start, src.size() - start);
                }
            }
        }
    }

    public ParseResult parse(ByteSource src) {
        return parse(src, ParseOptions.DEFAULT);
    }
}
