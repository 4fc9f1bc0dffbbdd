package org.savevminspector.app.gui;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import org.savevminspector.app.gui.session.ProblemSteps;
import org.savevminspector.app.gui.session.ViewSession;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.diagnostics.Severity;
import org.savevminspector.inspect.Inspection;
import org.savevminspector.model.Hex;
import org.savevminspector.report.PrintableText;

/**
 * Wireshark-style expert info: the diagnostics grouped by severity (gravest first, each group with its count),
 * each row with its code, section (index and idstr), offset, length and message; the full message and
 * explanation show on hover. Selecting a row shows that problem in the session; the problem a session shows is the
 * row selected.
 */
final class DiagnosticsTable extends TreeTableView<DiagnosticsTable.Row> {

    /** A group row ({@code diagnostic} null) or a diagnostic row. */
    record Row(Severity severity, int count, Diagnostic diagnostic, String idstr) {
        String severityText() {
            return diagnostic == null ? severity.json() + " (" + count + ")" : severity.json();
        }
    }

    private final Map<Diagnostic, TreeItem<Row>> items = new java.util.IdentityHashMap<>();
    private final Label placeholder = new Label("No diagnostics: the file is clean.");
    private boolean programmatic;

    DiagnosticsTable(ViewSession session, ProblemSteps problems) {
        setId("diagnosticsTable");
        getStyleClass().add("diagnostics-table");
        setShowRoot(false);
        setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        setPlaceholder(placeholder);
        getColumns().setAll(List.of(
                column("Severity", 92, 80, Row::severityText),
                column("Code", 190, 120, r -> r.diagnostic() == null ? "" : r.diagnostic().code().name()),
                column("Section", 44, 40, r -> r.diagnostic() == null || r.diagnostic().section() < 0 ? ""
                        : "#" + r.diagnostic().section()),
                column("idstr", 100, 60, r -> r.idstr() == null ? "" : r.idstr()),
                column("Offset", 80, 70, r -> r.diagnostic() == null ? "" : Hex.padded(r.diagnostic().offset())),
                column("Length", 56, 44, r -> r.diagnostic() == null ? "" : Long.toString(r.diagnostic().length())),
                column("Message", 480, 160, r -> r.diagnostic() == null ? "" : r.diagnostic().message())));
        setRowFactory(t -> new SeverityRow());
        setRoot(new TreeItem<>());
        getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (!programmatic && b != null && b.getValue() != null && b.getValue().diagnostic() != null) {
                problems.show(b.getValue().diagnostic());
            }
        });
        // built when its tab is first shown: it starts from where the session is
        show(session.document() == null ? null : session.document().inspection());
        if (session.problem() != null) {
            selectQuietly(session.problem());
        }
        session.documentProperty().addListener((o, a, d) -> show(d == null ? null : d.inspection()));
        session.selectionProperty().addListener((o, a, sel) -> {
            if (sel.problem() != null) {
                selectQuietly(sel.problem()); // the problem shown, as stepping or a tick shows it, is the row selected
            }
        });
    }

    private static TreeTableColumn<Row, String> column(String title, double width, double min, Function<Row, String> f) {
        TreeTableColumn<Row, String> c = new TreeTableColumn<>(title);
        c.setPrefWidth(width);
        c.setMinWidth(min);
        c.setSortable(false);
        c.setCellValueFactory(p -> new ReadOnlyStringWrapper(p.getValue().getValue() == null ? ""
                : PrintableText.escape(f.apply(p.getValue().getValue()))));
        return c;
    }

    /** Severity-coloured rows; a diagnostic row's tooltip has the whole message and its explanation. */
    private static final class SeverityRow extends TreeTableRow<Row> {
        private final Tooltip tip = new Tooltip();

        SeverityRow() {
            tip.setWrapText(true);
            tip.setMaxWidth(640);
        }

        @Override
        protected void updateItem(Row r, boolean empty) {
            super.updateItem(r, empty);
            getStyleClass().removeAll("severity-error", "severity-warn", "severity-note", "severity-info", "group-row");
            if (empty || r == null) {
                setTooltip(null);
                return;
            }
            getStyleClass().add("severity-" + r.severity().json());
            if (r.diagnostic() == null) {
                getStyleClass().add("group-row");
                setTooltip(null);
            } else {
                Diagnostic d = r.diagnostic();
                tip.setText(PrintableText.escape(d.severity().json() + " " + d.code() + ": " + d.message())
                        + (d.explanation().isEmpty() ? "" : "\n\n" + PrintableText.escape(d.explanation())));
                setTooltip(tip);
            }
        }
    }

    /** Shows the inspection's diagnostics (null: none), grouped and expanded. */
    void show(Inspection in) {
        items.clear();
        TreeItem<Row> root = new TreeItem<>();
        if (in != null) {
            Map<Severity, List<Diagnostic>> bySeverity = new EnumMap<>(Severity.class);
            for (Diagnostic d : in.diagnostics()) {
                bySeverity.computeIfAbsent(d.severity(), k -> new ArrayList<>()).add(d);
            }
            Severity[] order = Severity.values();
            for (int i = order.length - 1; i >= 0; i--) {
                List<Diagnostic> ds = bySeverity.get(order[i]);
                if (ds == null) {
                    continue;
                }
                TreeItem<Row> group = new TreeItem<>(new Row(order[i], ds.size(), null, null));
                for (Diagnostic d : ds) {
                    String idstr = d.section() >= 0 && d.section() < in.sections().size()
                            ? in.sections().get(d.section()).idstr() : null;
                    TreeItem<Row> item = new TreeItem<>(new Row(d.severity(), 1, d, idstr));
                    items.put(d, item);
                    group.getChildren().add(item);
                }
                group.setExpanded(true);
                root.getChildren().add(group);
            }
        }
        root.setExpanded(true);
        setRoot(root);
    }

    /** The diagnostics in the order shown (group by group). */
    List<Diagnostic> shown() {
        List<Diagnostic> out = new ArrayList<>();
        for (TreeItem<Row> g : getRoot().getChildren()) {
            for (TreeItem<Row> i : g.getChildren()) {
                out.add(i.getValue().diagnostic());
            }
        }
        return out;
    }

    /** The row index of {@code d} (-1 when it is not shown). */
    int rowOf(Diagnostic d) {
        TreeItem<Row> item = items.get(d);
        return item == null ? -1 : getRow(item);
    }

    /** Number of diagnostic rows (group rows not counted). */
    int diagnosticCount() {
        return items.size();
    }

    /** The diagnostic of the selected row, or {@code null} (nothing, or a group row, selected). */
    Diagnostic selectedDiagnostic() {
        TreeItem<Row> i = getSelectionModel().getSelectedItem();
        return i == null || i.getValue() == null ? null : i.getValue().diagnostic();
    }

    /** Selects {@code d}'s row without notifying the listener (problem stepping already shows it). */
    void selectQuietly(Diagnostic d) {
        TreeItem<Row> item = items.get(d);
        if (item == null) {
            return;
        }
        programmatic = true;
        try {
            getSelectionModel().select(item);
            int row = getRow(item);
            if (row >= 0) {
                scrollTo(Math.max(0, row - 2));
            }
        } finally {
            programmatic = false;
        }
    }
}
