package org.savevminspector.app.gui;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.savevminspector.app.gui.hex.HexBytes;
import org.savevminspector.app.gui.hex.HexView;
import org.savevminspector.app.gui.hex.StyledRange;
import org.savevminspector.app.gui.model.HexHighlights;
import org.savevminspector.app.gui.model.Highlight;
import org.savevminspector.app.gui.model.HighlightKind;
import org.savevminspector.app.gui.model.ImageOverview;
import org.savevminspector.app.gui.model.IntervalIndex;
import org.savevminspector.app.gui.model.StructureNode;
import org.savevminspector.app.gui.session.Document;
import org.savevminspector.app.gui.session.ProblemSteps;
import org.savevminspector.app.gui.session.Selection;
import org.savevminspector.app.gui.session.ViewSession;
import org.savevminspector.io.ByteSource;
import org.savevminspector.model.Hex;
import org.savevminspector.report.PrintableText;

/**
 * A session's bytes in the hex control, with the colour legend under it: the document's bytes (and the ghost
 * cells a loader would read past the end), its anomaly layer, the selected node's section and bytes, the find
 * match and the bookmarks as styled ranges, a tooltip with the node and anomaly under the mouse, ticks beside the
 * scroll bar where the problems are and, for a save image, the overview of the whole image beside them. A caret the
 * user moves selects the innermost node there.
 */
final class HexPane extends VBox {
    final HexView hex = new HexView(Arrays.stream(HighlightKind.values()).map(HighlightKind::styleClass).toList());
    final MarkerStrip markers = new MarkerStrip();
    final OverviewStrip overview = new OverviewStrip();
    private final ViewSession session;
    private HexHighlights highlights;
    /** A layer a view adds for this document (a comparison's differing bytes). */
    private IntervalIndex layer = IntervalIndex.empty();
    /** Set while this pane tells the session what the user did, so that it does not apply it back to itself. */
    private boolean publishing;

    HexPane(ViewSession session, ProblemSteps problems) {
        this.session = session;
        getChildren().setAll(hex, new HexLegend());
        VBox.setVgrow(hex, Priority.ALWAYS);
        hex.setGutter(new HBox(overview, markers));
        markers.setOnMarkClicked(problems::show);
        overview.setOnProblem(problems::show);
        overview.setOnGoTo(o -> session.selectBytes(o, 1, o));
        hex.firstVisibleRowProperty().addListener((o, a, b) -> updateOverviewViewport());
        hex.setTooltipText(this::tooltip);
        hex.setOnUserCaret(c -> {
            publishing = true;
            try {
                session.selectBytes(hex.selectionStartProperty().get(), hex.selectionLengthProperty().get(), c);
            } finally {
                publishing = false;
            }
        });
        hex.heightProperty().addListener((o, a, b) -> updateMarks());
        session.documentProperty().addListener((o, was, now) -> documentChanged(was, now));
        session.selectionProperty().addListener((o, a, s) -> selectionChanged(s));
        session.matchProperty().addListener((o, a, m) -> restyle());
        session.bookmarksProperty().addListener((o, a, b) -> restyle());
    }

    /** Colours {@code extra} too, until another document opens (a comparison's differing bytes). */
    void setLayer(IntervalIndex extra) {
        layer = extra;
        restyle();
    }

    /** What the pane colours now (tests read it). */
    HexHighlights highlights() {
        return highlights;
    }

    private void documentChanged(Document was, Document now) {
        if (now == null) {
            highlights = null;
            overview.setOverview(null);
            hex.setData(null, 0);
        } else if (now.sameFile(was)) {
            // re-simulated: same bytes, other anomalies; the caret and the scroll position stay
            overview.setOverview(ImageOverview.of(now.container(), now.inspection().diagnostics(), now.size()));
            restyle();
        } else {
            highlights = null;
            layer = IntervalIndex.empty();
            // before the data: the strip's width is part of the pane's
            overview.setOverview(ImageOverview.of(now.container(), now.inspection().diagnostics(), now.size()));
            hex.setData(new SourceBytes(now.hexSource()), now.anomalies().ghostBytes());
            restyle();
        }
        updateMarks();
    }

    private void selectionChanged(Selection s) {
        if (session.document() == null) {
            return;
        }
        if (!publishing && !shows(s)) {
            hex.select(s.start(), s.length());
        }
        restyle();
    }

    /** Whether the control already shows {@code s}: then it keeps its scroll position and its dragged range. */
    private boolean shows(Selection s) {
        return hex.cursor() == s.caret() && hex.selectionStartProperty().get() == s.start()
                && hex.selectionLengthProperty().get() == s.length();
    }

    /** The anomaly layer, the selected node's layers and the match, as the control's styled ranges. */
    private void restyle() {
        Document d = session.document();
        if (d == null) {
            hex.setStyles(null);
            return;
        }
        StructureNode n = session.selection().node();
        highlights = HexHighlights.of(d.anomalies()).with(layer).select(d.tree(), n).match(session.match())
                .bookmarks(session.bookmarks());
        HexHighlights shown = highlights;
        hex.setStyles((from, to) -> styles(shown, from, to));
    }

    private static List<StyledRange> styles(HexHighlights h, long from, long to) {
        List<Highlight> layers = h.layers(from, to);
        List<StyledRange> out = new ArrayList<>(layers.size());
        for (Highlight l : layers) {
            if (l.kind() != HighlightKind.GHOST) { // the control paints the cells past the end itself
                out.add(new StyledRange(l.start(), l.end(), l.kind().styleClass(), look(l.kind())));
            }
        }
        return out;
    }

    /**
     * How a layer is drawn: a missing field is a mark between bytes, a bookmark a line under them, a comparison's
     * differing bytes are outlined over everything else.
     */
    static StyledRange.Look look(HighlightKind k) {
        return switch (k) {
            case MISSING_FIELD -> StyledRange.Look.MARK;
            case BOOKMARK -> StyledRange.Look.UNDERLINE;
            case DIFFERS_EDGE -> StyledRange.Look.FRAME;
            default -> StyledRange.Look.FILL;
        };
    }

    private void updateMarks() {
        markers.setMarks(ProblemTicks.forHex(session.document()), 14, 14);
        updateOverviewViewport();
    }

    private void updateOverviewViewport() {
        double rows = Math.max(1, hex.totalRows());
        overview.setViewport(hex.firstVisibleRow() / rows, hex.visibleRows() / rows, 14, 14);
    }

    private String tooltip(long offset) {
        Document d = session.document();
        if (d == null) {
            return null;
        }
        if (offset >= d.size()) {
            return "Past the end of the file: a loader trusting the labels reads these bytes as zeros.";
        }
        StructureNode n = d.tree().nodeAt(offset);
        String anomaly = d.anomalies().tooltipAt(offset);
        String base = n == null ? Hex.plain(offset) : n.path() + (n.field() != null ? " = " + n.field().display() : "");
        // one line each, text from the file escaped (a newline in an idstr would start a line of its own)
        StringBuilder tip = new StringBuilder(PrintableText.escape(base));
        if (anomaly != null) {
            tip.append('\n').append(PrintableText.escape(anomaly));
        }
        session.bookmarks().stream().filter(b -> offset >= b.offset() && offset < b.end())
                .forEach(b -> tip.append("\nBookmark: ").append(PrintableText.escape(b.title())));
        return tip.toString();
    }

    /** The hex control's view of a byte source (read on the FX thread only). */
    record SourceBytes(ByteSource source) implements HexBytes {
        @Override
        public long size() {
            return source.size();
        }

        @Override
        public int read(long offset, byte[] into, int at, int length) {
            return source.read(offset, into, at, length);
        }
    }
}
