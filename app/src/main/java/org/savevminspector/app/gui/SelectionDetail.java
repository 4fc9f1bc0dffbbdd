package org.savevminspector.app.gui;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.savevminspector.app.gui.model.DetailLine;
import org.savevminspector.app.gui.model.NodeDetail;
import org.savevminspector.app.gui.model.SeverityWords;
import org.savevminspector.app.gui.session.Document;
import org.savevminspector.app.gui.session.Selection;
import org.savevminspector.app.gui.session.ViewSession;
import org.savevminspector.report.PrintableText;

/**
 * The Detail tab: what is selected in a session, in full. Labelled fields (name, type, offset, size, raw bytes,
 * value, meaning) in a column of labels, then each problem of the node once — the one being shown first — and one
 * explanation paragraph in plain text, in a RichTextFX pane; the file's summary while nothing is selected. A
 * re-simulation shows the node's diagnostics of the new loader.
 */
final class SelectionDetail extends VBox {
    final GridPane fields = new GridPane();
    private final DetailPane text = new DetailPane();
    private final ViewSession session;

    SelectionDetail(ViewSession session) {
        this.session = session;
        setId("detailPane");
        fields.setId("detailFields");
        fields.getStyleClass().add("detail-fields");
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(90);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        fields.getColumnConstraints().setAll(labels, values);
        VBox.setVgrow(text, Priority.ALWAYS);
        getChildren().setAll(fields, text);
        session.documentProperty().addListener((o, a, b) -> refresh());
        session.selectionProperty().addListener((o, a, b) -> refresh());
        refresh();
    }

    private void refresh() {
        Document d = session.document();
        if (d == null) {
            show(new NodeDetail.Detail(List.of(), List.of(), ""));
            return;
        }
        Selection s = session.selection();
        show(s.node() == null && s.problem() == null ? fileSummary(d)
                : NodeDetail.of(d.tree(), s.node(), d.hexSource(), s.problem()));
    }

    private void show(NodeDetail.Detail detail) {
        fields.getChildren().clear();
        int row = 0;
        for (DetailLine l : detail.fields()) {
            Label label = new Label(l.label());
            label.getStyleClass().add("detail-field-label");
            Label value = new Label(PrintableText.escape(l.text())); // file bytes (idstr, text fields) escaped
            value.setWrapText(true);
            value.getStyleClass().add("detail-value");
            if (!l.style().isEmpty()) {
                value.getStyleClass().add("detail-" + l.style());
            }
            fields.addRow(row++, label, value);
        }
        fields.setVisible(row > 0);
        fields.setManaged(row > 0);
        List<DetailLine> lines = new ArrayList<>();
        for (DetailLine p : detail.problems()) {
            lines.add(new DetailLine("", p.label(), "heading " + p.style()));
            lines.add(new DetailLine("", p.text(), ""));
        }
        if (!detail.explanation().isEmpty()) {
            lines.add(new DetailLine("", "", ""));
            lines.add(new DetailLine("", detail.explanation(), "explanation"));
        }
        text.show(lines);
        text.setVisible(!lines.isEmpty());
        text.setManaged(!lines.isEmpty());
    }

    private static NodeDetail.Detail fileSummary(Document d) {
        List<DetailLine> out = new ArrayList<>();
        out.add(new DetailLine("File", d.displayName(), "title"));
        out.add(new DetailLine("Size", d.size() + " bytes", ""));
        out.add(new DetailLine("Format", d.inspection().parse().format().json(), ""));
        out.add(new DetailLine("Sections", Integer.toString(d.inspection().sections().size()), ""));
        if (d.inspection().loader() != null) {
            out.add(NodeDetail.loader("Upstream loader", d.inspection().loader(), ""));
        }
        out.add(new DetailLine("Diagnostics", SeverityWords.breakdown(d.inspection()), ""));
        return new NodeDetail.Detail(out, List.of(), d.inspection().diagnostics().isEmpty() ? ""
                : "F2 and Shift+F2 step through the problems; Ctrl+D lists them.");
    }

    /** Everything the tab says, fields first (tests read it). */
    String text() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fields.getChildren().size(); i += 2) {
            sb.append(((Label) fields.getChildren().get(i)).getText()).append(": ")
                    .append(((Label) fields.getChildren().get(i + 1)).getText()).append('\n');
        }
        return sb.append(text.text()).toString();
    }
}
