package org.savevminspector.app.gui;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import org.savevminspector.app.gui.hex.HexPalette;
import org.savevminspector.diagnostics.Severity;

/**
 * A narrow strip of fixed width drawn on a canvas in the theme's colours, with a tooltip for what lies under the
 * pointer and a click handler: what the problem ticks beside a scroll bar ({@link MarkerStrip}) and a save image's
 * overview ({@link OverviewStrip}) share. The canvas follows the strip's size and is redrawn on every layout and
 * whenever the theme's colours change.
 */
abstract class CanvasStrip extends Region {
    private final Canvas canvas = new Canvas();
    /** The theme's colours by style class; every strip has the severity ticks' {@code marker-*}. */
    final HexPalette palette = new HexPalette(getChildren(), this::draw);
    private final Tooltip tip = new Tooltip();

    CanvasStrip(double width, String styleClass) {
        getStyleClass().add(styleClass);
        setMinWidth(width);
        setPrefWidth(width);
        setMaxWidth(width);
        getChildren().add(0, canvas);
        for (Severity s : Severity.values()) {
            palette.add("marker-" + s.json());
        }
        canvas.setOnMouseClicked(this::clicked);
        canvas.setOnMouseMoved(e -> {
            String t = describe(e.getY());
            if (t == null) {
                Tooltip.uninstall(canvas, tip);
            } else {
                tip.setText(t);
                Tooltip.install(canvas, tip);
            }
        });
    }

    /** The tooltip's text for what lies at {@code y}, or {@code null} for none. */
    abstract String describe(double y);

    abstract void clicked(MouseEvent e);

    /** Paints the strip on a cleared canvas {@code width} pixels wide. */
    abstract void paint(GraphicsContext g, double width);

    @Override
    protected void layoutChildren() {
        if (canvas.getWidth() != getWidth() || canvas.getHeight() != getHeight()) {
            canvas.setWidth(getWidth());
            canvas.setHeight(getHeight());
        }
        draw();
    }

    final void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        paint(g, canvas.getWidth());
    }
}
