package org.savevminspector.app.gui.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.savevminspector.model.Section;
import org.savevminspector.model.Span;

/**
 * Everything the hex pane colours for one viewport: the anomaly layer plus the selection layers (the selected
 * node strong, its section's header and body weak, distinct), the current find match, the bookmarks, and a layer
 * a view adds (a comparison's differing bytes).
 */
public final class HexHighlights {
    private final Anomalies anomalies;
    private final IntervalIndex extra;
    private final List<Highlight> selection;

    private HexHighlights(Anomalies anomalies, IntervalIndex extra, List<Highlight> selection) {
        this.anomalies = anomalies;
        this.extra = extra;
        this.selection = List.copyOf(selection);
    }

    public static HexHighlights of(Anomalies anomalies) {
        return new HexHighlights(anomalies, IntervalIndex.empty(), List.of());
    }

    /** A copy with {@code layer} painted too, in the order of its kinds. */
    public HexHighlights with(IntervalIndex layer) {
        return new HexHighlights(anomalies, layer, selection);
    }

    public Anomalies anomalies() {
        return anomalies;
    }

    /** A copy with the selection layers for {@code node} of {@code tree} (null: nothing selected). */
    public HexHighlights select(StructureTree tree, StructureNode node) {
        List<Highlight> sel = new ArrayList<>(3);
        if (node != null) {
            Section s = tree.section(node);
            if (s != null) {
                sel.add(new Highlight(s.header().offset(), s.header().end(), HighlightKind.SECTION_HEADER, ""));
                if (s.body().length() > 0) {
                    sel.add(new Highlight(s.body().offset(), s.body().end(), HighlightKind.SECTION_BODY, ""));
                }
            }
            if (node.kind() != NodeKind.SECTION) {
                sel.add(new Highlight(node.offset(), node.end(), HighlightKind.SELECTED, ""));
            }
        }
        List<Highlight> keep = new ArrayList<>(sel);
        for (Highlight h : selection) {
            if (h.kind() == HighlightKind.MATCH || h.kind() == HighlightKind.BOOKMARK) {
                keep.add(h);
            }
        }
        return new HexHighlights(anomalies, extra, keep);
    }

    /** A copy marking {@code bookmarks} (in place of those marked before). */
    public HexHighlights bookmarks(List<Bookmark> bookmarks) {
        List<Highlight> keep = new ArrayList<>();
        for (Highlight h : selection) {
            if (h.kind() != HighlightKind.BOOKMARK) {
                keep.add(h);
            }
        }
        for (Bookmark b : bookmarks) {
            keep.add(new Highlight(b.offset(), b.end(), HighlightKind.BOOKMARK, b.title()));
        }
        return new HexHighlights(anomalies, extra, keep);
    }

    /** A copy showing {@code match} as the find match ({@code null}: none). */
    public HexHighlights match(Span match) {
        List<Highlight> keep = new ArrayList<>();
        for (Highlight h : selection) {
            if (h.kind() != HighlightKind.MATCH) {
                keep.add(h);
            }
        }
        if (match != null) {
            keep.add(new Highlight(match.offset(), match.end(), HighlightKind.MATCH, ""));
        }
        return new HexHighlights(anomalies, extra, keep);
    }

    /** The selected node's range, or {@code null}. */
    public Highlight selected() {
        for (Highlight h : selection) {
            if (h.kind() == HighlightKind.SELECTED) {
                return h;
            }
        }
        return null;
    }

    /** Everything to paint in {@code [from, to)}, in paint order (kind, then start). */
    public List<Highlight> layers(long from, long to) {
        List<Highlight> out = new ArrayList<>(anomalies.highlights().overlapping(from, to));
        out.addAll(extra.overlapping(from, to));
        for (Highlight h : selection) {
            if (h.overlaps(from, to)) {
                out.add(h);
            }
        }
        out.sort(Comparator.comparingInt((Highlight h) -> h.kind().ordinal()).thenComparingLong(Highlight::start));
        return out;
    }
}
