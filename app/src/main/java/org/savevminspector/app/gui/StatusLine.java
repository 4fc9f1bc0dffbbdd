package org.savevminspector.app.gui;

import java.util.Locale;
import javafx.animation.PauseTransition;
import javafx.concurrent.Task;
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
import org.savevminspector.app.gui.model.SeverityWords;
import org.savevminspector.app.gui.model.StructureNode;
import org.savevminspector.app.gui.session.Document;
import org.savevminspector.app.gui.session.Selection;
import org.savevminspector.app.gui.session.ViewSession;
import org.savevminspector.diagnostics.Severity;
import org.savevminspector.model.Hex;
import org.savevminspector.report.PrintableText;

/**
 * The status bar: file, cursor, selection, node path | the message area | the data under the cursor, the badge
 * with the count of the gravest severity. The message area (the status bar's own elastic label) takes only the
 * width the other parts leave and cuts its text first, the whole text on hover; cursor, selection and badge never
 * shrink, and file, path and data give way only once the message has none left. Everything about a file is
 * cleared when another opens or the file is closed, so no stale path survives. It follows a session's document
 * and selection; while a file opens, the message area shows its progress.
 */
final class StatusLine {
    final StatusBar bar = new StatusBar();
    final Label file = new Label();
    final Label cursor = new Label();
    final Label selection = new Label();
    final Label path = new Label();
    final Label data = new Label();
    final Button severity = new Button();
    final Button cancel = new Button("Cancel");
    private final Tooltip messageTip = new Tooltip();
    private final Tooltip badgeTip = new Tooltip();
    private final PauseTransition messageTimeout = new PauseTransition(Duration.seconds(8));
    private String message = "";
    private boolean loading;

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
        data.setId("statusData");
        for (Region fixed : new Region[] {cursor, selection, severity, cancel}) {
            fixed.setMinWidth(Region.USE_PREF_SIZE);
        }
        file.setMinWidth(80);
        path.setMinWidth(60);
        data.setMinWidth(60);
        path.setMaxWidth(360);
        data.setMaxWidth(260);
        severity.setId("severityButton");
        severity.getStyleClass().add("severity-indicator");
        severity.setFocusTraversable(false);
        severity.setOnAction(e -> showDiagnostics.run());
        severity.setTooltip(badgeTip);
        messageTip.setWrapText(true);
        messageTip.setMaxWidth(640);
        cancel.setVisible(false);
        cancel.setOnAction(e -> cancelLoading.run());
        messageTimeout.setOnFinished(e -> flash(""));
        bar.getLeftItems().setAll(file, sep(), cursor, sep(), selection, sep(), path);
        bar.getRightItems().setAll(sep(), data, sep(), severity, cancel);
        // the message area is the bar's own label, made by its skin: it gets the whole text on hover
        bar.skinProperty().addListener((o, a, skin) -> {
            if (bar.lookup(".status-label") instanceof Label l) {
                l.setId("statusMessage");
                l.setTooltip(messageTip);
            }
        });
        bar.textProperty().addListener((o, a, t) -> messageTip.setText(t == null || t.isEmpty() ? null : t));
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
        flash("");
        severity.setText("—");
        badgeTip.setText("No file open");
        setBadgeStyle("none");
    }

    private void showFile(Document d) {
        file.setText(d.displayName() + " · " + String.format(Locale.ROOT, "%,d", d.size()) + " bytes · "
                + d.inspection().parse().format().json());
        severity.setText(SeverityWords.badge(d.inspection()));
        badgeTip.setText(SeverityWords.breakdown(d.inspection()) + " — click for the diagnostics (Ctrl+D)");
        Severity s = d.inspection().highestSeverity();
        setBadgeStyle(s == null ? "ok" : s.json());
    }

    private void setBadgeStyle(String style) {
        severity.getStyleClass().removeAll("none", "ok");
        for (Severity s : Severity.values()) {
            severity.getStyleClass().remove(s.json());
        }
        severity.getStyleClass().add(style);
    }

    /** Caret, selected bytes, node path and the data at the caret. */
    private void showSelection(Selection s) {
        cursor.setText("Cursor " + OffsetFormat.hexAndDecimal(s.caret(), session.document().tree().stream()));
        data.setText(DataInspector.summary(session.document().hexSource(), s.caret()));
        selection.setText("Sel " + Hex.plain(s.start()) + " +" + s.length());
        StructureNode n = s.node();
        path.setText(n == null ? "" : PrintableText.escape(n.path()));
    }

    /** A message that goes away by itself after a few seconds (or with the next one); empty: none. */
    void flash(String text) {
        message = text == null ? "" : text;
        if (!loading) {
            bar.setText(message);
        }
        if (!message.isEmpty()) {
            messageTimeout.playFromStart();
        }
    }

    /** The message shown (not a file's loading progress). */
    String message() {
        return message;
    }

    /** While {@code task} opens a file: its progress and messages, and Cancel. */
    void showLoading(Task<?> task) {
        loading = true;
        bar.progressProperty().bind(task.progressProperty());
        bar.textProperty().bind(task.messageProperty());
        cancel.setVisible(true);
    }

    /** The file is open (or not): the progress goes, the message area shows messages again. */
    void loadingDone() {
        loading = false;
        bar.progressProperty().unbind();
        bar.textProperty().unbind();
        bar.setProgress(0);
        bar.setText(message);
        cancel.setVisible(false);
    }
}
