package org.savevminspector.app.gui.compare;

import java.util.ArrayList;
import java.util.List;
import org.savevminspector.app.gui.model.Highlight;
import org.savevminspector.app.gui.model.HighlightKind;
import org.savevminspector.app.gui.model.IntervalIndex;
import org.savevminspector.diff.ContentDiff;
import org.savevminspector.diff.DiffPair;
import org.savevminspector.diff.DiffResult;
import org.savevminspector.diff.FieldPair;
import org.savevminspector.diff.PartPair;
import org.savevminspector.model.Field;
import org.savevminspector.model.Span;

/**
 * The bytes one side of a comparison shows as differing: a differing field's bytes — for fields compared by
 * content (byte arrays, undecoded bodies, trailing bytes) only the differing ranges the comparison kept, the
 * first {@value ContentDiff#MAX_RANGES} of each — and everything a side has that the other has not (a section, a
 * field, trailing bytes). Each run is two layers: a fill under the selection and an outline over it.
 */
public final class DiffBytes {
    private DiffBytes() {
    }

    /** The differing bytes of the first file ({@code first}) or of the second, as hex pane layers. */
    public static IntervalIndex of(DiffResult r, boolean first) {
        List<Span> spans = spans(r, first);
        List<Highlight> out = new ArrayList<>(spans.size() * 2);
        for (Span s : spans) {
            out.add(new Highlight(s.offset(), s.end(), HighlightKind.DIFFERS, ""));
            out.add(new Highlight(s.offset(), s.end(), HighlightKind.DIFFERS_EDGE, ""));
        }
        return new IntervalIndex(out);
    }

    /** The differing runs of one side, in pair order. */
    static List<Span> spans(DiffResult r, boolean first) {
        List<Span> out = new ArrayList<>();
        for (DiffPair p : r.pairs()) {
            Span whole = first ? p.spanA() : p.spanB();
            Span other = first ? p.spanB() : p.spanA();
            if (!p.status().isDifference() || whole == null) {
                continue;
            }
            if (other == null) {
                add(out, whole); // only this side has it
            } else if (p instanceof PartPair part && part.content() != null) {
                ranges(out, whole, part.content());
            }
            for (FieldPair f : p.fields()) {
                Field mine = first ? f.a() : f.b();
                if (mine == null) {
                    continue;
                }
                if (f.content() != null) {
                    ranges(out, mine.span(), f.content());
                } else {
                    add(out, mine.span());
                }
            }
        }
        return out;
    }

    /** The content ranges (relative to {@code within}'s start) that fall inside {@code within}. */
    private static void ranges(List<Span> out, Span within, ContentDiff c) {
        for (ContentDiff.Range range : c.ranges()) {
            long start = within.offset() + range.offset();
            long end = Math.min(within.end(), start + range.length());
            if (start < end) {
                out.add(new Span(start, end - start));
            }
        }
    }

    private static void add(List<Span> out, Span s) {
        if (s.length() > 0) {
            out.add(s);
        }
    }
}
