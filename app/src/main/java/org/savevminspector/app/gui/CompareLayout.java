package org.savevminspector.app.gui;

import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Where the compare window's parts go: menus and toolbar on top, the banner, the two sides (each a header over its
 * {@link SessionPane}) side by side over the summary line and the comparison list, the status bar at the bottom.
 */
final class CompareLayout {
    private CompareLayout() {
    }

    static BorderPane root(Node top, Banner banner, Label headerA, SessionPane paneA, Label headerB, SessionPane paneB,
                           Label summary, DiffList list, Node status) {
        SplitPane sides = new SplitPane(side(headerA, paneA, "compareSideA"), side(headerB, paneB, "compareSideB"));
        summary.setId("compareSummary");
        summary.getStyleClass().add("compare-summary");
        summary.setMinHeight(Region.USE_PREF_SIZE);
        VBox bottom = new VBox(summary, list);
        VBox.setVgrow(list, Priority.ALWAYS);
        SplitPane main = new SplitPane(sides, bottom);
        main.setOrientation(Orientation.VERTICAL);
        main.setDividerPositions(0.64);
        VBox.setVgrow(main, Priority.ALWAYS);

        BorderPane root = new BorderPane(new VBox(banner, main));
        root.setTop(top);
        root.setBottom(status);
        root.getStyleClass().addAll("inspector-root", "compare-root");
        return root;
    }

    /** One side: its header (name, size, the colour of its differing bytes) over its tree and hex pane. */
    private static VBox side(Label header, SessionPane pane, String id) {
        header.getStyleClass().add("compare-side-header");
        header.setMaxWidth(Double.MAX_VALUE);
        Region swatch = new Region();
        swatch.getStyleClass().addAll("legend-swatch", "hex-differs");
        header.setGraphic(swatch);
        header.setTooltip(new Tooltip("Bytes in this colour differ from the other file (or only this file has them)"));
        VBox box = new VBox(header, pane);
        box.setId(id);
        VBox.setVgrow(pane, Priority.ALWAYS);
        return box;
    }
}
