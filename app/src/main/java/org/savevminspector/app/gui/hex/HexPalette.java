package org.savevminspector.app.gui.hex;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.layout.Background;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

/**
 * The colours a Canvas cannot take from CSS itself (the hex pane's, and the strips beside its scroll bar): one
 * invisible swatch region per style class, styled by the theme's stylesheet like any node, whose background fill
 * is the colour to paint with. A theme switch restyles the swatches one by one; {@code changed} runs for each, and
 * the pane repaints once at the next layout pass.
 */
public final class HexPalette {
    private final List<Node> children;
    private final Runnable changed;
    private final Map<String, Region> swatches = new HashMap<>();

    public HexPalette(List<Node> children, Runnable changed) {
        this.children = children;
        this.changed = changed;
    }

    /** Makes the swatch of {@code styleClass} now, so that its colour is there at the first paint. */
    public void add(String styleClass) {
        swatches.computeIfAbsent(styleClass, this::swatch);
    }

    /** The fill of {@code styleClass}, or {@code fallback} until the stylesheet has styled its swatch. */
    public Color colour(String styleClass, Color fallback) {
        Background b = swatches.computeIfAbsent(styleClass, this::swatch).getBackground();
        if (b != null && !b.getFills().isEmpty()) {
            Paint p = b.getFills().get(0).getFill();
            if (p instanceof Color c) {
                return c;
            }
        }
        return fallback;
    }

    private Region swatch(String styleClass) {
        Region r = new Region();
        r.getStyleClass().add(styleClass);
        r.setManaged(false);
        r.setMouseTransparent(true);
        r.setOpacity(0);
        r.resize(1, 1);
        r.backgroundProperty().addListener((o, a, b) -> changed.run());
        children.add(r);
        return r;
    }
}
