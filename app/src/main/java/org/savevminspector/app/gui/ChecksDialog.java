package org.savevminspector.app.gui;

import java.util.List;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.savevminspector.app.gui.session.Document;
import org.savevminspector.devices.checks.CheckCatalog;
import org.savevminspector.model.Section;

/**
 * Help → Checks: the catalogue of named sanity checks (what each looks at, which devices, which diagnostics), and
 * for the open file what each did — so that "no finding" says which checks ran.
 */
final class ChecksDialog {
    private ChecksDialog() {
    }

    /** One row: a check and, when a file is open, its part in that file's run. */
    record Row(CheckCatalog.Result result, boolean withFile) {
        String inThisFile() {
            if (!withFile) {
                return "no file open";
            }
            if (!result.ran()) {
                return "did not apply";
            }
            int n = result.sectionsChecked();
            int f = result.findings();
            return n + (n == 1 ? " section, " : " sections, ") + (f == 0 ? "no finding" : f + (f == 1 ? " finding" : " findings"));
        }
    }

    /** The rows for the open file's sections, or for no file ({@code sections == null}). */
    static List<Row> rows(List<Section> sections) {
        CheckCatalog.Run run = CheckCatalog.standard().run(sections == null ? List.of() : sections);
        return run.results().stream().map(r -> new Row(r, sections != null)).toList();
    }

    /** Shows the catalogue, with what each check did in {@code doc} (null: no file open). */
    static void show(Window owner, Document doc) {
        List<Section> sections = doc == null ? null : doc.inspection().sections();
        TableView<Row> table = new TableView<>();
        table.setId("checksTable");
        table.getColumns().add(column("Check", 280, r -> r.result().check().title()));
        table.getColumns().add(column("Devices", 230, r -> r.result().check().devices()));
        table.getColumns().add(column("Diagnostics", 250, r -> r.result().check().codes().stream().map(Enum::name)
                .collect(Collectors.joining(", "))));
        table.getColumns().add(column("In this file", 160, Row::inThisFile));
        table.getItems().setAll(rows(sections));
        // every row visible without scrolling: the catalogue is short
        table.setFixedCellSize(24);
        table.setPrefHeight(24 * (table.getItems().size() + 1) + 24); // + a horizontal scroll bar
        Label description = new Label("Select a check to read what it verifies.");
        description.setId("checkDescription");
        description.setWrapText(true);
        description.setMaxWidth(940);
        description.setMinHeight(60);
        table.getSelectionModel().selectedItemProperty().addListener((o, was, row) -> description.setText(
                row == null ? "" : row.result().check().id() + ": " + row.result().check().description()
                        + "\nApplies to: " + row.result().check().devices() + "."));
        table.getSelectionModel().selectFirst();
        Dialog<Void> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("Checks");
        d.setHeaderText("Named sanity checks run on every decoded section");
        d.getDialogPane().setContent(new VBox(8, table, description));
        d.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        d.setResizable(true);
        d.show();
    }

    private static TableColumn<Row, String> column(String title, double width,
                                                   java.util.function.Function<Row, String> value) {
        TableColumn<Row, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return c;
    }
}
