package org.savevminspector.app.gui;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.diagnostics.Severity;

/**
 * A narrow strip beside a scroll bar with one coloured tick per problem at its relative position in the content,
 * as IDEs mark errors on their scroll bars: where the problems are in a long file shows without scrolling, and a
 * click on a tick goes to its problem. Colours come from the theme ({@code .marker-error} etc.).
 */
final class MarkerStrip extends CanvasStrip {
    static final double WIDTH = 8;

    /** One tick: {@code fraction} 0..1 of the content's height. */
    record Mark(double fraction, Diagnostic diagnostic) {
    }

    private List<Mark> marks = List.of();
    private double topInset;
    private double bottomInset;
    private Consumer<Diagnostic> onClick = d -> { };

    MarkerStrip() {
        super(WIDTH, "marker-strip");
    }

    /** The ticks, and how far from the top and bottom the scroll track lies (column header, arrow buttons). */
    void setMarks(List<Mark> marks, double top, double bottom) {
        List<Mark> sorted = new ArrayList<>(marks);
        // graver ticks paint last, over lighter ones at the same place
        sorted.sort(Comparator.comparing((Mark m) -> m.diagnostic().severity()));
        this.marks = List.copyOf(sorted);
        this.topInset = top;
        this.bottomInset = bottom;
        draw();
    }

    List<Mark> marks() {
        return marks;
    }

    void setOnMarkClicked(Consumer<Diagnostic> c) {
        this.onClick = c;
    }

    /** The y of a tick, in this strip's coordinates. */
    double y(Mark m) {
        double track = Math.max(0, getHeight() - topInset - bottomInset);
        return topInset + Math.max(0, Math.min(1, m.fraction())) * track;
    }

    private Mark at(double y) {
        Mark best = null;
        double bestDist = 4;
        for (Mark m : marks) {
            double d = Math.abs(y(m) - y);
            if (d <= bestDist) {
                best = m;
                bestDist = d;
            }
        }
        return best;
    }

    @Override
    String describe(double y) {
        Mark m = at(y);
        return m == null ? null
                : m.diagnostic().severity().json() + " " + m.diagnostic().code() + ": " + m.diagnostic().message();
    }

    @Override
    void clicked(MouseEvent e) {
        Mark m = at(e.getY());
        if (m != null) {
            onClick.accept(m.diagnostic());
        }
    }

    @Override
    void paint(GraphicsContext g, double w) {
        for (Mark m : marks) {
            g.setFill(colour(m.diagnostic().severity()));
            g.fillRect(1, Math.round(y(m) - 1.5), w - 2, 3);
        }
    }

    /** The tick colour of a severity ({@code .marker-error} etc.), from the theme. */
    Color colour(Severity s) {
        return palette.colour("marker-" + s.json(),
                s == Severity.ERROR ? Color.RED : s == Severity.WARN ? Color.ORANGE : Color.STEELBLUE);
    }
}
