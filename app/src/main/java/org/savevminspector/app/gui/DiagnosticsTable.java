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
import org.savevminspector.diagnostics.DiagnosticList;
import org.savevminspector.diagnostics.Severity;
import org.savevminspector.inspect.Inspection;
import org.savevminspector.model.Hex;
import org.savevminspector.report.PrintableText;

/**
 * Wireshark-style expert info: the diagnostics grouped by severity (gravest first, each group with its count),
 * each row with its code, section (index and idstr), offset, length and message; the full message and
 * explanation show on hover. Selecting a row shows that problem in the session; the problem a session shows is the
 * row selected. A group of more than {@value #MAX_ROWS} diagnostics (a stream of a million duplicated sections)
 * holds runs of {@value #CHUNK}, whose rows are made when the run is opened.
 */
final class DiagnosticsTable extends TreeTableView<DiagnosticsTable.Row> {
    /** Above this many diagnostics of one severity, the group holds runs of {@link #CHUNK}. */
    static final int MAX_ROWS = 10_000;
    static final int CHUNK = 1_000;

    /** A group row ({@code diagnostic} null, {@code range} null), a run of a group, or a diagnostic row. */
    record Row(Severity severity, int count, Diagnostic diagnostic, String idstr, String range) {
        String severityText() {
            return diagnostic != null ? severity.json() : range != null ? range : severity.json() + " (" + count + ")";
        }
    }

    /** By value: an inspection's diagnostics are values made when read, equal (not the same object) each time. */
    private final Map<Diagnostic, TreeItem<Row>> items = new java.util.HashMap<>();
    /** The inspection shown, and per severity the indexes of its diagnostics in the list. */
    private Inspection shownInspection;
    private final Map<Severity, int[]> bySeverity = new EnumMap<>(Severity.class);
    /** The runs of each chunked group, in order. */
    private final Map<Severity, List<Chunk>> chunks = new EnumMap<>(Severity.class);
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
        bySeverity.clear();
        chunks.clear();
        shownInspection = in;
        TreeItem<Row> root = new TreeItem<>();
        if (in != null) {
            List<Diagnostic> ds = in.diagnostics();
            DiagnosticList compact = ds instanceof DiagnosticList l ? l : null;
            Severity[] order = Severity.values();
            int[] count = new int[order.length];
            for (int i = 0; i < ds.size(); i++) {
                count[severity(ds, compact, i).ordinal()]++;
            }
            int[] fill = new int[order.length];
            for (int i = 0; i < ds.size(); i++) {
                Severity sev = severity(ds, compact, i);
                bySeverity.computeIfAbsent(sev, k -> new int[count[k.ordinal()]])[fill[sev.ordinal()]++] = i;
            }
            for (int i = order.length - 1; i >= 0; i--) {
                int[] indexes = bySeverity.get(order[i]);
                if (indexes == null) {
                    continue;
                }
                TreeItem<Row> group = new TreeItem<>(new Row(order[i], indexes.length, null, null, null));
                if (indexes.length <= MAX_ROWS) {
                    group.getChildren().setAll(rows(in, indexes, 0, indexes.length));
                } else {
                    List<Chunk> runs = new ArrayList<>();
                    for (int from = 0; from < indexes.length; from += CHUNK) {
                        runs.add(new Chunk(in, order[i], indexes, from, Math.min(indexes.length, from + CHUNK)));
                    }
                    chunks.put(order[i], runs);
                    group.getChildren().setAll(runs);
                }
                group.setExpanded(true);
                root.getChildren().add(group);
            }
        }
        root.setExpanded(true);
        setRoot(root);
    }

    private static Severity severity(List<Diagnostic> ds, DiagnosticList compact, int i) {
        return (compact != null ? compact.code(i) : ds.get(i).code()).severity();
    }

    /** The rows of diagnostics {@code indexes[from, to)}, remembered for selecting them. */
    private List<TreeItem<Row>> rows(Inspection in, int[] indexes, int from, int to) {
        List<TreeItem<Row>> out = new ArrayList<>(to - from);
        for (int k = from; k < to; k++) {
            Diagnostic d = in.diagnostics().get(indexes[k]);
            String idstr = d.section() >= 0 && d.section() < in.sections().size()
                    ? in.sections().get(d.section()).idstr() : null;
            TreeItem<Row> item = new TreeItem<>(new Row(d.severity(), 1, d, idstr, null));
            items.put(d, item);
            out.add(item);
        }
        return out;
    }

    /** A run of {@link #CHUNK} diagnostics of a large group; its rows are made when it is first opened. */
    private final class Chunk extends TreeItem<Row> {
        private final Inspection in;
        private final int[] indexes;
        private final int from;
        private final int to;
        private boolean made;

        Chunk(Inspection in, Severity severity, int[] indexes, int from, int to) {
            super(new Row(severity, to - from, null, null, "#" + (from + 1) + "–#" + to + " of " + indexes.length));
            this.in = in;
            this.indexes = indexes;
            this.from = from;
            this.to = to;
        }

        @Override
        public boolean isLeaf() {
            return false;
        }

        @Override
        public javafx.collections.ObservableList<TreeItem<Row>> getChildren() {
            if (!made) {
                made = true;
                super.getChildren().setAll(rows(in, indexes, from, to));
            }
            return super.getChildren();
        }
    }

    /** The diagnostics in the order shown (group by group). */
    List<Diagnostic> shown() {
        List<Diagnostic> out = new ArrayList<>();
        Severity[] order = Severity.values();
        for (int i = order.length - 1; i >= 0; i--) {
            int[] indexes = bySeverity.get(order[i]);
            if (indexes != null) {
                for (int k : indexes) {
                    out.add(shownInspection.diagnostics().get(k));
                }
            }
        }
        return out;
    }

    /**
     * The row of {@code d} in a run not opened yet: opens that run. The list is in offset order, so the run is found
     * by a binary search over the offsets of its severity's diagnostics; {@code null} when {@code d} is not shown.
     */
    private TreeItem<Row> openRunOf(Diagnostic d) {
        List<Chunk> runs = chunks.get(d.severity());
        if (runs == null) {
            return null;
        }
        int[] indexes = bySeverity.get(d.severity());
        List<Diagnostic> ds = shownInspection.diagnostics();
        int lo = 0;
        int hi = indexes.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (offset(ds, indexes[mid]) < d.offset()) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        for (int k = lo; k < indexes.length && offset(ds, indexes[k]) == d.offset(); k++) {
            if (ds.get(indexes[k]).equals(d)) {
                Chunk run = runs.get(k / CHUNK);
                run.getChildren();
                run.setExpanded(true);
                return items.get(d);
            }
        }
        return null;
    }

    private static long offset(List<Diagnostic> ds, int i) {
        return ds instanceof DiagnosticList l ? l.offset(i) : ds.get(i).offset();
    }

    /** The row index of {@code d} (-1 when it is not shown). */
    int rowOf(Diagnostic d) {
        TreeItem<Row> item = items.get(d);
        return item == null ? -1 : getRow(item);
    }

    /** Number of diagnostics shown (group and run rows not counted). */
    int diagnosticCount() {
        int n = 0;
        for (int[] indexes : bySeverity.values()) {
            n += indexes.length;
        }
        return n;
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
            item = openRunOf(d);
        }
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
