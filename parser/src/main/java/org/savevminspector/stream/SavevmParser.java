package org.savevminspector.stream;

import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.concurrent.CancellationException;
import org.savevminspector.devices.DeviceCatalog;
import org.savevminspector.devices.checks.CheckCatalog;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.io.ByteSource;
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
        WalkState st = new WalkState(options, src.size());
        FileHeaderReader.Result head = FileHeaderReader.read(src);
        st.diagnostics.addAll(head.diagnostics());
        long start = head.bodyStart();
        st.step(start);
        try {
            walk(src, head, st, start);
            StreamChecks.run(st.sections, catalog, st.diagnostics);
            st.diagnostics.addAll(CheckCatalog.standard().run(st.sections).diagnostics());
        } catch (CancellationException | UncheckedIOException e) {
            throw e;
        } catch (RuntimeException e) {
            // A bug of ours must not cost the user the analysis: what was walked stays, the failure is one
            // diagnostic at the section where it happened, and the rest of the data is shown unparsed.
            long at = Math.min(st.position(), src.size());
            int section = st.last() != null && st.last().header().offset() == at ? st.last().index() : -1;
            st.diagnostics.add(Diagnostic.internalError(at, src.size() - at, section, "walking the sections", e));
            long from = st.last() == null ? at : Math.max(at, Math.min(st.last().span().end(), src.size()));
            if (st.unparsed == null && st.eof == null && from < src.size()) {
                st.unparsed = new Span(from, src.size() - from);
            }
        }
        st.diagnostics.sort(Comparator.comparingLong(Diagnostic::offset));
        st.done();
        return new ParseResult(src.size(), head.header(), st.sections, st.eof, st.trailing, st.unparsed,
                st.diagnostics);
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
