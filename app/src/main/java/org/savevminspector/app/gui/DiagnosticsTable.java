package org.savevminspector.app.gui;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import org.savevminspector.diagnostics.Diagnostic;

/** Wireshark-style expert info: severity (coloured), code, section, offset, message. */
final class DiagnosticsTable extends TableView<Diagnostic> {
    private boolean programmatic;

    DiagnosticsTable() {
        setId("diagnosticsTable");
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        setPlaceholder(new javafx.scene.control.Label("No diagnostics: the file is clean."));
        getColumns().setAll(List.of(
                col("Severity", 64, d -> d.severity().json()),
                col("Code", 190, d -> d.code().name()),
                col("Section", 60, d -> d.section() < 0 ? "" : "#" + d.section()),
                col("Offset", 90, d -> String.format(Locale.ROOT, "0x%04X", d.offset())),
                col("Length", 56, d -> Long.toString(d.length())),
                col("Message", 520, Diagnostic::message)));
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

    private static TableColumn<Diagnostic, String> col(String title, double width,
                                                       java.util.function.Function<Diagnostic, String> f) {
        TableColumn<Diagnostic, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(p -> new ReadOnlyObjectWrapper<>(f.apply(p.getValue())));
        c.setCellFactory(x -> new TableCell<>() {
            @Override
            protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty ? null : s);
            }
        });
        return c;
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
