package org.savevminspector.app.gui;

import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import org.savevminspector.app.gui.model.ImageOverview;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.model.Hex;

/**
 * A save image at a glance, beside the hex pane's scroll bar: its records as bands down the whole file's length
 * (page data pale, other records grey, the device-model record in the accent colour and never thinner than a few
 * pixels however small it is), a tick for each problem, and a frame round the rows on screen. Hovering names the
 * record; a click on a tick shows that problem, on a band goes to the record's first byte. Bare streams have no
 * strip: the problem ticks beside it say all there is.
 */
final class OverviewStrip extends CanvasStrip {
    static final double WIDTH = 12;
    /** The device-model record is drawn at least this tall, other records at least one pixel. */
    static final double MIN_STREAM = 5;

    private ImageOverview overview;
    private double viewTop;
    private double viewHeight;
    private double topInset = 14;
    private double bottomInset = 14;
    private Consumer<Diagnostic> onProblem = d -> { };
    private LongConsumer onGoTo = o -> { };

    OverviewStrip() {
        super(WIDTH, "overview-strip");
        setId("overviewStrip");
        for (String s : new String[] {"overview-record", "overview-pages", "overview-stream", "overview-viewport"}) {
            palette.add(s);
        }
        setOverview(null);
    }

    /** Shows {@code o} (the strip is hidden and takes no room for {@code null}: a bare stream). */
    void setOverview(ImageOverview o) {
        overview = o;
        setVisible(o != null);
        setManaged(o != null);
        draw();
    }

    ImageOverview overview() {
        return overview;
    }

    /** The rows on screen, as fractions of all rows; the insets of the scroll track (arrow buttons). */
    void setViewport(double top, double height, double trackTop, double trackBottom) {
        viewTop = top;
        viewHeight = height;
        topInset = trackTop;
        bottomInset = trackBottom;
        draw();
    }

    void setOnProblem(Consumer<Diagnostic> c) {
        onProblem = c;
    }

    void setOnGoTo(LongConsumer c) {
        onGoTo = c;
    }

    private double track() {
        return Math.max(1, getHeight() - topInset - bottomInset);
    }

    /** The y of a place in the file, in this strip's coordinates. */
    double y(double fraction) {
        return topInset + fraction * track();
    }

    /** The band's top and height as drawn: at least a pixel, the device-model record at least {@link #MIN_STREAM}. */
    double[] bandBox(ImageOverview.Band b) {
        double top = y(overview.fraction(b.start()));
        double h = y(overview.fraction(b.end())) - top;
        double min = b.kind() == ImageOverview.Kind.STREAM ? MIN_STREAM : 1;
        if (h < min) {
            top = Math.max(topInset, Math.min(top - (min - h) / 2, topInset + track() - min));
            h = min;
        }
        return new double[] {top, h};
    }

    @Override
    void paint(GraphicsContext g, double w) {
        if (overview == null) {
            return;
        }
        // the stream last: its band goes over the neighbours it is widened onto
        for (ImageOverview.Kind k : new ImageOverview.Kind[] {ImageOverview.Kind.PAGES, ImageOverview.Kind.RECORD,
                ImageOverview.Kind.STREAM}) {
            g.setFill(palette.colour("overview-" + k.name().toLowerCase(Locale.ROOT), Color.GRAY));
            for (ImageOverview.Band b : overview.bands()) {
                if (b.kind() == k) {
                    double[] box = bandBox(b);
                    g.fillRect(1, box[0], w - 6, box[1]);
                }
            }
        }
        for (Diagnostic d : overview.problems()) {
            g.setFill(palette.colour("marker-" + d.severity().json(), Color.RED));
            g.fillRect(w - 5, Math.round(y(overview.fraction(d.offset())) - 1.5), 4, 3);
        }
        g.setStroke(palette.colour("overview-viewport", Color.BLACK));
        g.setLineWidth(1);
        g.strokeRect(0.5, y(viewTop) + 0.5, w - 1, Math.max(2, viewHeight * track()) - 1);
    }

    /** The problem whose tick is within 4 px of {@code y}, or {@code null}. */
    private Diagnostic problemAt(double y) {
        Diagnostic best = null;
        double bestDist = 4;
        for (Diagnostic d : overview.problems()) {
            double dist = Math.abs(y(overview.fraction(d.offset())) - y);
            if (dist <= bestDist) {
                best = d;
                bestDist = dist;
            }
        }
        return best;
    }

    /** The band drawn at {@code y}: the device-model record first, as it is drawn over its neighbours. */
    ImageOverview.Band bandAt(double y) {
        ImageOverview.Band stream = overview.stream();
        if (stream != null) {
            double[] box = bandBox(stream);
            if (y >= box[0] && y <= box[0] + box[1]) {
                return stream;
            }
        }
        return overview.bandAt(overview.offsetAt((y - topInset) / track()));
    }

    @Override
    String describe(double y) {
        if (overview == null) {
            return null;
        }
        Diagnostic d = problemAt(y);
        if (d != null) {
            return d.severity().json() + " " + d.code() + " at " + Hex.offset(d.offset()) + ": " + d.message();
        }
        ImageOverview.Band b = bandAt(y);
        return b == null ? null : b.label() + ": " + Hex.offset(b.start()) + " – " + Hex.offset(b.end() - 1) + " ("
                + String.format(Locale.ROOT, "%,d", b.end() - b.start()) + " bytes)";
    }

    @Override
    void clicked(MouseEvent e) {
        if (overview == null) {
            return;
        }
        Diagnostic d = problemAt(e.getY());
        if (d != null) {
            onProblem.accept(d);
            return;
        }
        ImageOverview.Band b = bandAt(e.getY());
        onGoTo.accept(b != null ? b.start() : overview.offsetAt((e.getY() - topInset) / track()));
    }
}
