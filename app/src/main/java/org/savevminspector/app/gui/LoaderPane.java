package org.savevminspector.app.gui;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import org.savevminspector.loader.LoaderRead;
import org.savevminspector.loader.LoaderReport;
import org.savevminspector.loader.PortEvent;

/**
 * What the upstream loader simulation did (spec Appendix Z step 3): the outcome, one row per section it read
 * (where, as which version, how many body bytes, with what result) and the I/O-port changes it made. Selecting
 * a read selects the bytes it consumed.
 */
final class LoaderPane extends BorderPane {
    private final Label summary = new Label();
    final TableView<LoaderRead> reads = new TableView<>();
    private final TableView<PortEvent> ports = new TableView<>();

    LoaderPane() {
        setId("loaderPane");
        summary.setId("loaderSummary");
        summary.setWrapText(true);
        summary.getStyleClass().add("loader-summary");
        reads.getColumns().setAll(List.of(
                col("Section", 60, (LoaderRead r) -> r.section() < 0 ? "—" : "#" + r.section()),
                col("idstr", 130, LoaderRead::idstr),
                col("Ver", 40, r -> Long.toString(r.version())),
                col("Header", 80, r -> hex(r.headerOffset())),
                col("Body", 80, r -> hex(r.bodyOffset())),
                col("Read", 56, r -> Long.toString(r.bytesRead())),
                col("Status", 70, LoaderRead::status),
                col("What qemu-dm does", 420, LoaderRead::message)));
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
                col("Section", 60, (PortEvent p) -> "#" + p.section()),
                col("Device", 110, PortEvent::device),
                col("Action", 80, PortEvent::action),
                col("Ports", 120, p -> String.format(Locale.ROOT, "0x%04X–0x%04X", p.start(), p.start() + p.length() - 1)),
                col("Message", 420, PortEvent::message)));
        ports.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        ports.setPlaceholder(new Label("No I/O-port changes."));
        SplitPane split = new SplitPane(reads, ports);
        split.setOrientation(javafx.geometry.Orientation.VERTICAL);
        split.setDividerPositions(0.65);
        setTop(summary);
        setCenter(split);
    }

    private static String hex(long o) {
        return String.format(Locale.ROOT, "0x%04X", o);
    }

    private static <T> TableColumn<T, String> col(String title, double width, Function<T, String> f) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(p -> new ReadOnlyStringWrapper(f.apply(p.getValue())));
        return c;
    }

    void show(LoaderReport report) {
        if (report == null) {
            summary.setText("The upstream loader would not read this file as a stream (see the diagnostics).");
            reads.getItems().clear();
            ports.getItems().clear();
            return;
        }
        summary.setText("Upstream qemu-dm: " + report.outcome().json()
                + (report.result() == null ? "" : " (result " + report.result() + ")") + " — " + report.message()
                + String.format(Locale.ROOT, "; stopped at 0x%X", report.stoppedAt())
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
