package org.savevminspector.app.gui;

import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.savevminspector.app.gui.model.OffsetParser;
import org.savevminspector.model.Hex;

/**
 * Go → Go to offset: hex, decimal, or {@code +N} / {@code -N} from the cursor. The input is checked as it is
 * typed: the line under the field says where it goes, or what is wrong, and OK stays disabled until it is an
 * offset in the file.
 */
final class GoToOffsetDialog extends Dialog<Long> {
    final TextField field = new TextField();
    final Label feedback = new Label();
    private final long size;
    private final long cursor;

    GoToOffsetDialog(Window owner, String fileName, long size, long cursor) {
        this.size = size;
        this.cursor = cursor;
        initOwner(owner);
        setTitle("Go to offset");
        setHeaderText("Offset in " + fileName + " (0 – " + Hex.plain(Math.max(0, size - 1)) + "), or +N / -N from the cursor ("
                + Hex.plain(cursor) + ")");
        field.setId("gotoField");
        field.setText(Hex.plain(cursor));
        field.setPromptText("0x1C2B, 7211, +0x10, -16");
        feedback.setId("gotoFeedback");
        feedback.setWrapText(true);
        feedback.setMinHeight(36);
        VBox box = new VBox(6, new Label("Hex (0x1C2B, 1C2Bh), decimal (7211) or relative (+16, -0x10):"), field, feedback);
        getDialogPane().setContent(box);
        getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        getDialogPane().getStyleClass().add("goto-dialog");
        if (owner != null && owner.getScene() != null) {
            getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
            getDialogPane().getStyleClass().addAll(owner.getScene().getRoot().getStyleClass());
        }
        Node ok = getDialogPane().lookupButton(ButtonType.OK);
        ok.setId("gotoOk");
        field.textProperty().addListener((o, a, b) -> validate(ok));
        validate(ok);
        setResultConverter(b -> b == ButtonType.OK ? parse().orElse(null) : null);
        setOnShown(e -> {
            field.requestFocus();
            field.selectAll();
        });
    }

    private Optional<Long> parse() {
        try {
            return Optional.of(OffsetParser.parse(field.getText(), size, cursor));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private void validate(Node ok) {
        feedback.getStyleClass().removeAll("goto-ok", "goto-error");
        try {
            long target = OffsetParser.parse(field.getText(), size, cursor);
            feedback.setText("Goes to " + Hex.offset(target) + ".");
            feedback.getStyleClass().add("goto-ok");
            ok.setDisable(false);
        } catch (IllegalArgumentException e) {
            feedback.setText(e.getMessage());
            feedback.getStyleClass().add("goto-error");
            ok.setDisable(true);
        }
    }
}
