package org.savevminspector.app.gui;

import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import org.savevminspector.app.gui.model.HighlightKind;

/**
 * What the hex pane's colours mean, in one line under it: each entry is a swatch in the same style class the
 * pane paints with, so the legend follows the theme.
 */
final class HexLegend extends FlowPane {

    HexLegend() {
        super(10, 2);
        setId("hexLegend");
        getStyleClass().add("hex-legend");
        add(HighlightKind.SECTION_HEADER, "section header", "Header of the section that holds the selection");
        add(HighlightKind.SECTION_BODY, "body", "Body of the section that holds the selection");
        add(HighlightKind.SELECTED, "selected", "The selected node's bytes");
        add(HighlightKind.ERROR, "error", "Bytes an error points at");
        add(HighlightKind.WARN, "warning", "Bytes a warning points at");
        add(HighlightKind.OVERRUN, "over-read", "Bytes a loader trusting the label would read beyond the section");
        add(HighlightKind.MISSING_FIELD, "missing field", "Where a field the label promises is missing");
        add(HighlightKind.TRAILING, "trailing", "Bytes after the EOF marker");
        add(HighlightKind.GHOST, "past the end", "Bytes a loader would read past the end of the file (shown as 00)");
        add(HighlightKind.MATCH, "find match", "The current Find match");
        add(HighlightKind.BOOKMARK, "bookmark", "Bytes you bookmarked (Ctrl+B; F4 steps through them)");
    }

    private void add(HighlightKind kind, String text, String tip) {
        Region swatch = new Region();
        swatch.getStyleClass().addAll("legend-swatch", kind.styleClass());
        Label l = new Label(text, swatch);
        l.getStyleClass().add("legend-entry");
        l.setTooltip(new Tooltip(tip));
        getChildren().add(l);
    }
}
