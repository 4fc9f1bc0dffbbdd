package org.savevminspector.app.gui;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.savevminspector.app.gui.model.NodeDetail;
import org.savevminspector.app.gui.model.OffsetFormat;
import org.savevminspector.app.gui.session.Document;
import org.savevminspector.app.gui.session.Navigator;
import org.savevminspector.app.gui.session.ViewSession;
import org.savevminspector.loader.LoaderProfile;
import org.savevminspector.loader.LoaderProfiles;
import org.savevminspector.loader.LoaderRead;
import org.savevminspector.loader.LoaderReport;
import org.savevminspector.loader.PortEvent;
import org.savevminspector.model.Hex;
import org.savevminspector.model.Span;
import org.savevminspector.report.PrintableText;

/**
 * What a loader simulation did (docs/FORMAT.md Z step 3), for the loader profile chosen in its selector:
 * on the left the outcome, its consequences for the guest and the sections it silently does not restore; on the
 * right, in a split the user can move (and that is remembered), one row per section it read and the I/O-port
 * changes it made. Both tables open scrolled to what matters — the read where the load stopped, the port
 * collision — so that they are in view at the window's first size. Selecting a read selects the bytes it
 * consumed; choosing a profile re-simulates the session's file, and the files opened after it.
 */
final class LoaderPane extends BorderPane {
    /** Where the tables' divider starts when nothing is remembered: the reads get the larger part. */
    static final double DEFAULT_SPLIT = 0.6;
    /** A table's header and one row. */
    private static final double TABLE_MIN_HEIGHT = 54;

    private final Label summary = new Label();
    private final Label consequences = new Label();
    final ComboBox<String> selector = new ComboBox<>();
    private boolean updating;
    final TableView<LoaderRead> reads = new TableView<>();
    final TableView<PortEvent> ports = new TableView<>();
    final SplitPane split = new SplitPane(reads, ports);
    private final ViewSession session;
    private final RowReveal readsReveal = new RowReveal(reads);
    private final RowReveal portsReveal = new RowReveal(ports);
    /** The report shown, to reveal its rows again when the tab is shown again. */
    private LoaderReport shown;

    /** {@code splitPosition}: the tables' divider as remembered (NaN: the default). */
    LoaderPane(ViewSession session, Navigator navigate, double splitPosition) {
        this.session = session;
        setId("loaderPane");
        summary.setId("loaderSummary");
        summary.setWrapText(true);
        summary.getStyleClass().add("loader-summary");
        consequences.setId("loaderConsequences");
        consequences.setWrapText(true);
        selector.setId("loaderSelector");
        selector.getItems().setAll(LoaderProfiles.all().stream().map(LoaderProfile::name).toList());
        selector.getSelectionModel().select(LoaderProfiles.upstream().name());
        selector.setTooltip(new Tooltip("Whose qemu-dm loads the file: upstream (Xen ≥ 4.1), Xen 4.0, "
                + "XenServer 6.0–6.2 or XenServer 6.5+"));
        reads.setId("loaderReads");
        reads.getColumns().setAll(List.of(
                Columns.text("Section", 60, (LoaderRead r) -> r.section() < 0 ? "—" : "#" + r.section()),
                Columns.text("idstr", 130, LoaderRead::idstr),
                Columns.text("Ver", 40, r -> Long.toString(r.version())),
                Columns.text("Header", 80, r -> Hex.padded(r.headerOffset())),
                Columns.text("Body", 80, r -> Hex.padded(r.bodyOffset())),
                Columns.text("Read", 56, r -> Long.toString(r.bytesRead())),
                Columns.text("Status", 70, LoaderRead::status),
                Columns.text("What qemu-dm does", 420, LoaderRead::message)));
        reads.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        reads.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(LoaderRead r, boolean empty) {
                super.updateItem(r, empty);
                getStyleClass().removeAll("severity-error", "severity-warn");
                if (!empty && r != null && !"loaded".equals(r.status())) {
                    getStyleClass().add("severity-error");
                }
            }
        });
        ports.getColumns().setAll(List.of(
                Columns.text("Section", 60, (PortEvent p) -> "#" + p.section()),
                Columns.text("Device", 110, PortEvent::device),
                Columns.text("Action", 80, PortEvent::action),
                Columns.text("Ports", 120, p -> Hex.padded(p.start()) + "–" + Hex.padded(p.start() + p.length() - 1)),
                Columns.text("Message", 420, PortEvent::message)));
        ports.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        ports.setId("loaderPorts");
        ports.setRowFactory(t -> new TableRow<>() {
            // a collision (a device moved onto ports another owns) is what makes qemu-dm abort: it must stand out
            @Override
            protected void updateItem(PortEvent p, boolean empty) {
                super.updateItem(p, empty);
                getStyleClass().removeAll("severity-error", "port-collision");
                if (!empty && p != null && PortEvent.COLLISION.equals(p.action())) {
                    getStyleClass().addAll("severity-error", "port-collision");
                }
            }
        });
        ports.setPlaceholder(new Label("No I/O-port changes."));
        // the divider goes no further than leaves each table its header and one row: the row that matters
        reads.setMinHeight(TABLE_MIN_HEIGHT);
        ports.setMinHeight(TABLE_MIN_HEIGHT);
        split.setId("loaderSplit");
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(Double.isNaN(splitPosition) ? DEFAULT_SPLIT : splitPosition);
        HBox choose = new HBox(8, new Label("Loader:"), selector);
        choose.setAlignment(Pos.CENTER_LEFT);
        VBox info = new VBox(8, choose, summary, consequences);
        info.getStyleClass().add("loader-info");
        ScrollPane infoScroll = new ScrollPane(info);
        infoScroll.setFitToWidth(true);
        infoScroll.setPrefWidth(340);
        infoScroll.setMinWidth(240);
        setLeft(infoScroll);
        setCenter(split);
        selector.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (!updating && b != null && !b.equals(a)) {
                LoaderProfiles.find(b).ifPresent(session::useLoader);
            }
        });
        reads.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> {
            Document d = session.document();
            if (r != null && d != null && r.headerOffset() < d.size()) {
                navigate.selectBytes(r.headerOffset(), Math.max(1, r.bodyOffset() + r.bytesRead() - r.headerOffset()));
            }
        });
        // built when its tab is first shown: it starts from the session's document
        show(report(session.document()));
        session.documentProperty().addListener((o, a, d) -> show(report(d)));
    }

    /** The tables' divider, for the layout to remember. */
    double splitPosition() {
        return split.getDividerPositions()[0];
    }

    /** Where the stream lies in a save image (its reads are at file offsets), {@code null} for a bare stream. */
    private static Span stream(Document d) {
        return d == null ? null : d.tree().stream();
    }

    private static LoaderReport report(Document d) {
        return d == null ? null : d.inspection().loader();
    }

    private void show(LoaderReport report) {
        updating = true;
        shown = report;
        try {
            if (report == null) {
                summary.setText("No loader would read this file as a stream (see the diagnostics).");
                consequences.setText("");
                reads.getItems().clear();
                ports.getItems().clear();
                return;
            }
            selector.getSelectionModel().select(report.profile());
            String qemu = LoaderProfiles.find(report.profile()).map(LoaderProfile::qemu).orElse(report.profile());
            summary.setText(Character.toUpperCase(qemu.charAt(0)) + qemu.substring(1) + ": "
                    + NodeDetail.loaderOutcome(report) + " — " + PrintableText.escape(report.message()) + "; stopped at "
                    + OffsetFormat.hexAndDecimal(report.stoppedAt(), stream(session.document()))
                    + (report.overrunBytes() > 0 ? "; read " + report.overrunBytes() + " byte(s) past the end" : "")
                    + " (" + report.verdict().word() + ")");
            List<String> lines = new ArrayList<>(report.consequences());
            for (LoaderReport.NotRestored n : report.notRestored()) {
                lines.add("Not restored: #" + n.section() + " " + n.idstr() + " — " + n.reason());
            }
            consequences.setText(lines.stream().map(l -> "• " + PrintableText.escape(l)).collect(Collectors.joining("\n")));
            reads.getItems().setAll(report.reads());
            ports.getItems().setAll(report.ports());
            scrollToWhatMatters(stopRow(report), collisionRow(report));
        } finally {
            updating = false;
        }
    }

    /** The read where the load stopped: the first that did not load, or the last one. */
    static int stopRow(LoaderReport report) {
        List<LoaderRead> rs = report.reads();
        for (int i = 0; i < rs.size(); i++) {
            if (!"loaded".equals(rs.get(i).status())) {
                return i;
            }
        }
        return rs.size() - 1;
    }

    /** The first port collision (what aborts qemu-dm), or the last port change. */
    static int collisionRow(LoaderReport report) {
        List<PortEvent> ps = report.ports();
        for (int i = 0; i < ps.size(); i++) {
            if (PortEvent.COLLISION.equals(ps.get(i).action())) {
                return i;
            }
        }
        return ps.size() - 1;
    }

    /** Scrolls both tables so the rows that matter show in full, with a row of context above where there is room. */
    private void scrollToWhatMatters(int read, int port) {
        readsReveal.reveal(read);
        portsReveal.reveal(port);
    }

    /** The tab is shown again: the rows that matter, in view at the tab's size (unless the user has moved since). */
    void revealWhatMatters() {
        LoaderReport report = shown;
        if (report != null) {
            scrollToWhatMatters(stopRow(report), collisionRow(report));
        }
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        readsReveal.afterLayout();
        portsReveal.afterLayout();
    }
}
