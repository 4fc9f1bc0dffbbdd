package org.savevminspector.app.gui;

import java.util.List;
import javafx.scene.control.TableView;
import org.savevminspector.app.gui.model.DataInspector;
import org.savevminspector.app.gui.session.Document;
import org.savevminspector.app.gui.session.ViewSession;

/** The Data inspector tab: the bytes at a session's caret read as every integer, float, bits, character and time. */
final class DataInspectorTable extends TableView<DataInspector.Value> {
    private final ViewSession session;

    DataInspectorTable(ViewSession session) {
        this.session = session;
        setId("dataInspector");
        getColumns().setAll(List.of(
                Columns.text("Type", 90, DataInspector.Value::label),
                Columns.text("Value at cursor", 400, DataInspector.Value::value)));
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        update();
        session.documentProperty().addListener((o, a, b) -> update());
        session.selectionProperty().addListener((o, a, b) -> update());
    }

    private void update() {
        Document d = session.document();
        if (d == null) {
            getItems().clear();
        } else {
            getItems().setAll(DataInspector.at(d.hexSource(), session.caret()));
        }
    }
}
