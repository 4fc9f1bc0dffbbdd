package org.savevminspector.app.gui;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * A one-line message above the panes (synthetic-sample notice, open errors, export results). It takes its own
 * row rather than floating over the content, so it never hides the first hex rows or the tree header.
 */
final class Banner extends HBox {
    private final Label text = new Label();

    Banner() {
        setId("banner");
        getStyleClass().add("banner");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(8);
        text.setId("bannerText");
        text.setWrapText(true);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        Button close = new Button("✕");
        close.getStyleClass().add("banner-close");
        close.setFocusTraversable(false);
        close.setOnAction(e -> hide());
        getChildren().setAll(text, close);
        hide();
    }

    void show(String message, String kind) {
        getStyleClass().removeAll("info", "error");
        getStyleClass().add(kind);
        text.setText(message);
        setVisible(true);
        setManaged(true);
    }

    /** An error: what failed and why, in one sentence. */
    void error(String message) {
        show(message, "error");
    }

    void hide() {
        setVisible(false);
        setManaged(false);
    }

    String text() {
        return isVisible() ? text.getText() : "";
    }
}
