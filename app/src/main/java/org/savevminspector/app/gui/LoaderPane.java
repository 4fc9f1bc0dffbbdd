package org.savevminspector.app.gui;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import org.savevminspector.app.gui.model.NodeDetail;
import org.savevminspector.app.gui.session.Document;
import org.savevminspector.app.gui.session.Navigator;
import org.savevminspector.app.gui.session.ViewSession;
import org.savevminspector.loader.LoaderProfile;
import org.savevminspector.loader.LoaderProfiles;
import org.savevminspector.loader.LoaderRead;
import org.savevminspector.loader.LoaderReport;
import org.savevminspector.loader.PortEvent;
import org.savevminspector.model.Hex;

/**
 * What a loader simulation did (docs/FORMAT.md Appendix Z step 3), for the loader profile chosen in its selector: the
 * outcome and its consequences for the guest, the sections it silently does not restore, one row per section it
 * read (where, as which version, how many body bytes, with what result) and the I/O-port changes it made.
 * Selecting a read selects the bytes it consumed; choosing a profile re-simulates the session's file, and the files
 * opened after it.
 */
final class LoaderPane extends BorderPane {
    private final Label summary = new Label();
    private final Label consequences = new Label();
    final ComboBox<String> selector = new ComboBox<>();
    private boolean updating;
    final TableView<LoaderRead> reads = new TableView<>();
    final TableView<PortEvent> ports = new TableView<>();

    LoaderPane(ViewSession session, Navigator navigate) {
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
                if (!empty && p != null && "collision".equals(p.action())) {
                    getStyleClass().addAll("severity-error", "port-collision");
                }
            }
        });
        ports.setPlaceholder(new Label("No I/O-port changes."));
        SplitPane split = new SplitPane(reads, ports);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.65);
        Label choose = new Label("Loader:");
        HBox bar = new HBox(8, choose, selector, summary);
        bar.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(summary, Priority.ALWAYS);
        setTop(new VBox(4, bar, consequences));
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

    private static LoaderReport report(Document d) {
        return d == null ? null : d.inspection().loader();
    }

    private void show(LoaderReport report) {
        updating = true;
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
                    + NodeDetail.loaderOutcome(report) + " — " + report.message() + "; stopped at "
                    + Hex.plain(report.stoppedAt())
                    + (report.overrunBytes() > 0 ? "; read " + report.overrunBytes() + " byte(s) past the end" : "")
                    + " (" + report.verdict().word() + ")");
            List<String> lines = new ArrayList<>(report.consequences());
            for (LoaderReport.NotRestored n : report.notRestored()) {
                lines.add("Not restored: #" + n.section() + " " + n.idstr() + " — " + n.reason());
            }
            consequences.setText(lines.stream().map(l -> "• " + l).collect(Collectors.joining("\n")));
            reads.getItems().setAll(report.reads());
            ports.getItems().setAll(report.ports());
        } finally {
            updating = false;
        }
    }
}
