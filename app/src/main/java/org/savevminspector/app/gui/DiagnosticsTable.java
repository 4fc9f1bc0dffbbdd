package org.savevminspector.app.gui;

import java.util.List;
import java.util.function.Consumer;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.model.Hex;

/** Wireshark-style expert info: severity (coloured), code, section, offset, message. */
final class DiagnosticsTable extends TableView<Diagnostic> {
    private boolean programmatic;

    DiagnosticsTable() {
        setId("diagnosticsTable");
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        setPlaceholder(new Label("No diagnostics: the file is clean."));
        getColumns().setAll(List.of(
                Columns.text("Severity", 64, (Diagnostic d) -> d.severity().json()),
                Columns.text("Code", 190, (Diagnostic d) -> d.code().name()),
                Columns.text("Section", 60, (Diagnostic d) -> d.section() < 0 ? "" : "#" + d.section()),
                Columns.text("Offset", 90, (Diagnostic d) -> Hex.padded(d.offset())),
                Columns.text("Length", 56, (Diagnostic d) -> Long.toString(d.length())),
                Columns.text("Message", 520, Diagnostic::message)));
        setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(Diagnostic d, boolean empty) {
                super.updateItem(d, empty);
                getStyleClass().removeAll("severity-error", "severity-warn", "severity-note", "severity-chat");
                if (!empty && d != null) {
                    getStyleClass().add("severity-" + d.severity().json());
                }
            }
        });
    }

    void setOnUserSelect(Consumer<Diagnostic> c) {
        getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (!programmatic && b != null) {
                c.accept(b);
            }
        });
    }

    void selectQuietly(int index) {
        programmatic = true;
        try {
            getSelectionModel().select(index);
            scrollTo(Math.max(0, index - 2));
        } finally {
            programmatic = false;
        }
    }
}
