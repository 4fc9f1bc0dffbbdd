package org.savevminspector.stream;

import java.util.Comparator;
import org.savevminspector.devices.DeviceCatalog;
import org.savevminspector.devices.checks.CheckCatalog;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.io.ByteSource;
import org.savevminspector.model.Span;

/**
 * The shape walk of a savevm file (spec Appendix Z steps 1–2): what the bytes are, measured with the body
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
        StreamChecks.run(st.sections, catalog, st.diagnostics);
        st.diagnostics.addAll(CheckCatalog.standard().run(st.sections).diagnostics());
        st.diagnostics.sort(Comparator.comparingLong(Diagnostic::offset));
        st.done();
        return new ParseResult(src.size(), head.header(), st.sections, st.eof, st.trailing, st.unparsed,
                st.diagnostics);
    }

    public ParseResult parse(ByteSource src) {
        return parse(src, ParseOptions.DEFAULT);
    }
}
