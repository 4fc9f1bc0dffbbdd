package org.savevminspector.app.gui.compare;

import java.util.Locale;
import java.util.stream.Collectors;
import org.savevminspector.app.gui.model.NodeDetail;
import org.savevminspector.app.gui.session.Document;
import org.savevminspector.diff.DiffResult;
import org.savevminspector.diff.DiffStatus;
import org.savevminspector.diff.FileSummary;
import org.savevminspector.io.InputLayer;
import org.savevminspector.loader.LoaderReport;
import org.savevminspector.model.StreamFormat;

/** The compare window's sentences: what each side is, and the comparison in one line. */
public final class CompareText {
    private CompareText() {
    }

    /**
     * {@code a: sample.qevm · 7,520 bytes · qevm-v3 · 24 sections}; an image names its kind, a file read out of a
     * compression or a VHD names it after the file ({@code guest.qevm.gz (gzip) · 7,520 bytes}: the bytes it holds).
     */
    public static String side(String name, Document d, FileSummary f) {
        String what = f.isImage() ? f.kind().json() + " image"
                : f.format().equals(StreamFormat.UNKNOWN.json()) ? "no savevm stream" : f.format();
        String layers = d.input() == null || d.input().layers().isEmpty() ? ""
                : d.input().layers().stream().map(InputLayer::kind).collect(Collectors.joining(", ", " (", ")"));
        return String.format(Locale.ROOT, "%s: %s%s · %,d bytes · %s · %d section%s", name, d.displayName(), layers,
                d.size(), what, f.sections(), f.sections() == 1 ? "" : "s");
    }

    /**
     * {@code Sections: 23 same, 1 changed, 0 only in a, 0 only in b · loader (upstream): a aborted, b loaded (result
     * 0)}; the loader part says {@code both …} when the outcomes are alike, and is left out when neither file was
     * simulated.
     */
    public static String summary(DiffResult r) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "Sections: %d same, %d changed, %d only in a, %d only in b", r.count(DiffStatus.SAME),
                r.count(DiffStatus.CHANGED), r.count(DiffStatus.ONLY_A), r.count(DiffStatus.ONLY_B)));
        LoaderReport a = r.loader().a();
        LoaderReport b = r.loader().b();
        if (a != null || b != null) {
            sb.append(" · loader (").append(a != null ? a.profile() : b.profile()).append("): ");
            if (r.loader().differ()) {
                sb.append("a ").append(outcome(a)).append(", b ").append(outcome(b));
            } else {
                sb.append("both ").append(outcome(a));
            }
        }
        return sb.toString();
    }

    private static String outcome(LoaderReport l) {
        return l == null ? "not simulated" : NodeDetail.loaderOutcome(l);
    }
}
