package org.savevminspector.app.gui;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * What the window shows where the tree will be while no file is open: a drop target that says how to open one
 * (files dropped anywhere on the window open), with the commands themselves.
 */
final class EmptyState extends VBox {
    static final String TEXT = "Open a savevm file or Xen save image (Ctrl+O), or drop it here";

    EmptyState(Runnable open, Runnable openSample) {
        super(10);
        setId("emptyState");
        getStyleClass().add("empty-state");
        setAlignment(Pos.CENTER);
        Label text = new Label(TEXT);
        text.setId("emptyStateText");
        text.setWrapText(true);
        Button choose = new Button("Open…");
        choose.setId("emptyStateOpen");
        choose.setOnAction(e -> open.run());
        Hyperlink sample = new Hyperlink("or look at the bundled synthetic sample (Ctrl+Shift+O)");
        sample.getStyleClass().add("empty-hint");
        sample.setOnAction(e -> openSample.run());
        getChildren().setAll(text, choose, sample);
    }
}
