package org.savevminspector.app.gui;

import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import org.savevminspector.app.gui.model.NodeDetail;
import org.savevminspector.loader.LoaderRead;
import org.savevminspector.loader.LoaderReport;
import org.savevminspector.loader.PortEvent;
import org.savevminspector.model.Hex;

/**
 * What the upstream loader simulation did (spec Appendix Z step 3): the outcome, one row per section it read
 * (where, as which version, how many body bytes, with what result) and the I/O-port changes it made. Selecting
 * a read selects the bytes it consumed.
 */
final class LoaderPane extends BorderPane {
    private final Label summary = new Label();
    final TableView<LoaderRead> reads = new TableView<>();
    final TableView<PortEvent> ports = new TableView<>();

    LoaderPane() {
        setId("loaderPane");
        summary.setId("loaderSummary");
        summary.setWrapText(true);
        summary.getStyleClass().add("loader-summary");
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
        setTop(summary);
        setCenter(split);
    }

    void show(LoaderReport report) {
        if (report == null) {
            summary.setText("The upstream loader would not read this file as a stream (see the diagnostics).");
            reads.getItems().clear();
            ports.getItems().clear();
            return;
        }
        summary.setText("Upstream qemu-dm: " + NodeDetail.loaderOutcome(report) + " — " + report.message()
                + "; stopped at " + Hex.plain(report.stoppedAt())
                + (report.overrunBytes() > 0 ? "; read " + report.overrunBytes() + " byte(s) past the end" : ""));
        reads.getItems().setAll(report.reads());
        ports.getItems().setAll(report.ports());
    }

    void setOnSelect(Consumer<LoaderRead> c) {
        reads.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                c.accept(b);
            }
        });
    }
}
