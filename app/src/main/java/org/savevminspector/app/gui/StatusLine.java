package org.savevminspector.app.gui;

import java.util.Locale;
import javafx.animation.PauseTransition;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.util.Duration;
import org.controlsfx.control.StatusBar;
import org.savevminspector.app.gui.model.DataInspector;
import org.savevminspector.app.gui.model.OffsetFormat;
import org.savevminspector.app.gui.model.StructureNode;
import org.savevminspector.app.gui.session.Document;
import org.savevminspector.app.gui.session.Selection;
import org.savevminspector.app.gui.session.ViewSession;
import org.savevminspector.diagnostics.Severity;
import org.savevminspector.model.Hex;

/**
 * The status bar: file, cursor, selection, node path | a transient message (e.g. "wrapped round"), the data
 * under the cursor, and the highest-severity badge. The badge and the offsets keep their full width; only the
 * path and the data summary give way (with an ellipsis) on a narrow window. Everything about a file is cleared
 * when another opens or the file is closed, so no stale path survives. It follows a session's document and
 * selection.
 */
final class StatusLine {
    final StatusBar bar = new StatusBar();
    final Label file = new Label();
    final Label cursor = new Label();
    final Label selection = new Label();
    final Label path = new Label();
    final Label message = new Label();
    final Label data = new Label();
    final Button severity = new Button();
    final Button cancel = new Button("Cancel");
    private final PauseTransition messageTimeout = new PauseTransition(Duration.seconds(6));

    private final ViewSession session;

    StatusLine(ViewSession session, Runnable showDiagnostics, Runnable cancelLoading) {
        this.session = session;
        bar.setId("statusBar");
        bar.setText("");
        bar.getStyleClass().add("inspector-status");
        file.setId("statusFile");
        cursor.setId("statusCursor");
        selection.setId("statusSelection");
        path.setId("statusPath");
        message.setId("statusMessage");
        message.getStyleClass().add("status-message");
        data.setId("statusData");
        // what is said must be read whole: the path and the data summary give way first
        for (Label l : new Label[] {cursor, selection, message}) {
            l.setMinWidth(Region.USE_PREF_SIZE);
        }
        file.setMinWidth(60);
        path.setMinWidth(40);
        data.setMinWidth(40);
        data.setMaxWidth(240);
        path.setMaxWidth(320);
        severity.setId("severityButton");
        severity.getStyleClass().add("severity-indicator");
        // the badge is the one thing that must never turn into "err…"
        severity.setMinWidth(Region.USE_PREF_SIZE);
        severity.setOnAction(e -> showDiagnostics.run());
        severity.setTooltip(new Tooltip("Highest severity in this file: click for the diagnostics (Ctrl+D)"));
        cancel.setVisible(false);
        cancel.setOnAction(e -> cancelLoading.run());
        messageTimeout.setOnFinished(e -> message.setText(""));
        bar.getLeftItems().setAll(file, sep(), cursor, sep(), selection, sep(), path);
        bar.getRightItems().setAll(message, sep(), data, sep(), severity, cancel);
        clear();
        session.documentProperty().addListener((o, was, now) -> {
            if (now == null) {
                clear();
            } else if (now.sameFile(was)) {
                showFile(now); // re-simulated: the badge follows the loader; where the user is stays
            } else {
                clear();
                showFile(now);
                showSelection(session.selection());
            }
        });
        session.selectionProperty().addListener((o, a, sel) -> {
            if (session.document() != null) {
                showSelection(sel);
            }
        });
    }

    private static Separator sep() {
        Separator s = new Separator(Orientation.VERTICAL);
        s.getStyleClass().add("status-separator");
        return s;
    }

    /** Resets every file-related part: nothing open. */
    private void clear() {
        file.setText("No file");
        cursor.setText("");
        selection.setText("");
        path.setText("");
        data.setText("");
        message.setText("");
        severity.setText("—");
        severity.getStyleClass().removeAll("error", "warn", "note", "chat", "ok");
    }

    private void showFile(Document d) {
        file.setText(d.displayName() + " · " + String.format(Locale.ROOT, "%,d", d.size()) + " bytes · "
                + d.inspection().parse().format().json());
        Severity s = d.inspection().highestSeverity();
        severity.setText(s == null ? "ok" : s.json() + " (" + d.inspection().diagnostics().size() + ")");
        severity.getStyleClass().removeAll("error", "warn", "note", "chat", "ok");
        severity.getStyleClass().add(s == null ? "ok" : s.json());
    }

    /** Caret, selected bytes, node path and the data at the caret. */
    private void showSelection(Selection s) {
        cursor.setText("Cursor " + OffsetFormat.hexAndDecimal(s.caret()));
        data.setText(DataInspector.summary(session.document().hexSource(), s.caret()));
        selection.setText("Sel " + Hex.plain(s.start()) + " +" + s.length());
        StructureNode n = s.node();
        path.setText(n == null ? "" : n.path());
    }

    /** A message that goes away by itself after a few seconds (or with the next one). */
    void flash(String text) {
        message.setText(text);
        messageTimeout.playFromStart();
    }
}
