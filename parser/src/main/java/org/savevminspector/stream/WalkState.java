package org.savevminspector.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.io.ParseOptions;
import org.savevminspector.model.Section;
import org.savevminspector.model.Span;

/** What a walk accumulates; shared by the v3 walk and the v2/v1 record walk. */
final class WalkState {
    private static final long PROGRESS_STEP = 1 << 20;

    final List<Section> sections = new ArrayList<>();
    final List<Diagnostic> diagnostics = new ArrayList<>();
    Span eof;
    Span trailing;
    Span unparsed;

    private final ParseOptions options;
    private final long total;
    private long nextProgress;
    /** Where the walk last stood between two sections: where an internal failure is reported. */
    private long position;

    WalkState(ParseOptions options, long total) {
        this.options = options;
        this.total = total;
    }

    /** Progress at most every MiB, and the cancellation check between sections. */
    void step(long position) {
        this.position = position;
        if (options.cancelled() != null && options.cancelled().getAsBoolean()) {
            throw new CancellationException("parse cancelled at offset " + position);
        }
        if (options.progress() != null && position >= nextProgress) {
            options.progress().progress(position, total);
            nextProgress = position + PROGRESS_STEP;
        }
    }

    long position() {
        return position;
    }

    void done() {
        if (options.progress() != null) {
            options.progress().progress(total, total);
        }
    }

    Section last() {
        return sections.isEmpty() ? null : sections.get(sections.size() - 1);
    }

    String describeLast() {
        Section s = last();
        return s == null ? "the file header" : "section #" + s.index() + " '" + s.idstr() + "'";
    }
}
