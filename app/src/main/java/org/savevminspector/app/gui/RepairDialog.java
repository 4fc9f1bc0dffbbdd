package org.savevminspector.app.gui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.application.Platform;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TableView;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import org.savevminspector.app.common.IoReason;
import org.savevminspector.app.gui.model.OffsetFormat;
import org.savevminspector.app.gui.model.RepairScope;
import org.savevminspector.app.gui.session.Document;
import org.savevminspector.image.ImageRepairPlan;
import org.savevminspector.inspect.Inspector;
import org.savevminspector.io.ByteSource;
import org.savevminspector.model.Span;
import org.savevminspector.repair.ByteEdit;
import org.savevminspector.repair.RepairOptions;
import org.savevminspector.repair.RepairPlan;
import org.savevminspector.repair.RepairRefusedException;
import org.savevminspector.repair.RepairStrategy;
import org.savevminspector.repair.Repairer;

/**
 * File → Export repaired file: choose relabel / upgrade and trimming, see every byte edit and the diagnostics of
 * the result (what is fixed, what remains, what the upstream loader would now do), then Save As — never over the
 * original; the engine writes atomically. Afterwards it offers to open the repaired file, or to compare it with the
 * original. For a file with nothing to repair that a conversion still applies to, it leads with the answer ("Nothing
 * to repair") and offers the conversions below it, folded, as the optional step they are.
 */
final class RepairDialog {
    /** The dialog's size when it shows everything. */
    private static final double WIDTH = 820;
    private static final double HEIGHT = 640;
    private final Document doc;
    private final FileDialogs dialogs;
    private final Predicate<Path> opener;
    private final Consumer<Path> compareWithOriginal;
    /** Where planning and writing run: they re-inspect and write whole files, never on the FX thread. */
    private final Executor worker;
    final Stage stage = new Stage();
    private final ToggleGroup group = new ToggleGroup();
    final CheckBox trim = new CheckBox("Also remove the bytes after the EOF marker (--trim-trailing)");
    final TableView<ByteEdit> edits = new TableView<>();
    private final DetailPane result = new DetailPane();
    final Button save = new Button("Save As…");
    final Button openResult = new Button("Open repaired file");
    final Button compareResult = new Button("Compare with original");
    private final Label state = new Label();
    private RepairPlan plan;
    /** Plans of every strategy for the current trim choice, or {@code null} while they are worked out. */
    private Map<RepairStrategy, RepairPlan> plans;
    private Path written;
    private final Map<RepairStrategy, Label> outcomes = new EnumMap<>(RepairStrategy.class);
    /** The answer for a file with nothing to repair, at the top. */
    final Label answer = new Label();
    /** The conversions, folded under the answer, for a file with nothing to repair. */
    final TitledPane convert = new TitledPane();
    private final VBox box;
    private final VBox repairs = new VBox(4);
    private final VBox conversions = new VBox(4);
    private final Label editsTitle = new Label("Byte edits (offsets in the original file)");
    private final Label resultTitle = new Label("Result");
    private final ButtonBar buttons = new ButtonBar();
    /** Whether the layout has been chosen (full, or "nothing to repair" first): once, when the plans first arrive. */
    private boolean laidOut;

    /** {@code compareWithOriginal}: opens a comparison of the original with the written file. */
    RepairDialog(Stage owner, Document doc, FileDialogs dialogs, Predicate<Path> opener,
                 Consumer<Path> compareWithOriginal, Executor worker) {
        this.doc = doc;
        this.dialogs = dialogs;
        this.opener = opener;
        this.compareWithOriginal = compareWithOriginal;
        this.worker = worker;
        for (RepairStrategy s : RepairStrategy.values()) {
            RadioButton r = new RadioButton(s.cliName());
            r.setId("strategy-" + s.cliName());
            r.setUserData(s);
            r.setToggleGroup(group);
            Label why = new Label(s.explanation());
            why.setWrapText(true);
            why.getStyleClass().add("explanation");
            why.setPadding(new Insets(0, 0, 0, 24));
            why.setMinHeight(Region.USE_PREF_SIZE); // wrap instead of an ellipsis
            Label outcome = new Label("Loader simulation on the result: …");
            outcome.setId("outcome-" + s.cliName());
            outcome.setWrapText(true);
            outcome.setPadding(new Insets(0, 0, 4, 24));
            outcome.setMinHeight(Region.USE_PREF_SIZE);
            outcomes.put(s, outcome);
            (s.converts() ? conversions : repairs).getChildren().addAll(r, why, outcome);
        }
        group.selectToggle(group.getToggles().get(0));
        group.selectedToggleProperty().addListener((o, a, b) -> {
            if (plans != null) {
                showPlan(plans.get(strategy()));
            }
        });
        trim.setId("trimTrailing");
        trim.setSelected(false);
        trim.selectedProperty().addListener((o, a, b) -> replan());

        edits.setId("repairEdits");
        edits.setPrefHeight(110);
        edits.getColumns().setAll(List.of(
                // in a save image the file offset, the stream's after it (the edits are shown at file offsets)
                Columns.text("Offset", 110, (ByteEdit e) -> OffsetFormat.hexAndDecimal(e.offset(), streamSpan())),
                Columns.text("Before", 130, (ByteEdit e) -> e.before().length == 0 ? "(insert)" : e.beforeHex()),
                Columns.text("After", 130, (ByteEdit e) -> e.after().length == 0 ? "(remove)" : e.afterHex()),
                Columns.text("Why", 420, ByteEdit::reason)));
        edits.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        edits.setPlaceholder(new Label("No edit: nothing to repair with this strategy."));
        result.setPrefHeight(230);

        save.setId("repairSave");
        save.setDefaultButton(true);
        save.setDisable(true);
        save.setOnAction(e -> saveAs());
        openResult.setId("repairOpen");
        openResult.setVisible(false);
        openResult.setOnAction(e -> {
            stage.close();
            opener.test(written);
        });
        compareResult.setId("repairCompare");
        compareResult.setVisible(false);
        compareResult.setOnAction(e -> {
            stage.close();
            compareWithOriginal.accept(written);
        });
        Button close = new Button("Close");
        close.setCancelButton(true);
        close.setOnAction(e -> stage.close());
        ButtonBar.setButtonData(save, ButtonBar.ButtonData.OK_DONE);
        ButtonBar.setButtonData(openResult, ButtonBar.ButtonData.OTHER);
        ButtonBar.setButtonData(compareResult, ButtonBar.ButtonData.OTHER);
        ButtonBar.setButtonData(close, ButtonBar.ButtonData.CANCEL_CLOSE);
        buttons.getButtons().setAll(openResult, compareResult, save, close);
        state.setId("repairState");
        state.setWrapText(true);
        state.setMinHeight(Region.USE_PREF_SIZE);

        answer.setId("repairAnswer");
        answer.getStyleClass().add("repair-answer");
        answer.setWrapText(true);
        answer.setMinHeight(Region.USE_PREF_SIZE);
        convert.setId("repairConvert");
        convert.setText("Convert for another loader…");
        convert.setExpanded(false);
        convert.setAnimated(false);
        convert.expandedProperty().addListener((o, was, is) -> {
            if (is && !strategy().converts()) {
                firstConversion();
            }
            fitHeight();
            Platform.runLater(this::fitHeight); // once the unfolded content has been laid out
        });
        box = new VBox(8, new Label("Strategy"), repairs, conversions, trim, editsTitle, edits, resultTitle, result,
                state, buttons);
        box.setPadding(new Insets(12));
        box.getStyleClass().add("repair-dialog");
        Scene scene = new Scene(box, WIDTH, HEIGHT);
        scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        box.getStyleClass().addAll(owner.getScene().getRoot().getStyleClass());
        stage.setScene(scene);
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle("Export repaired file — " + doc.displayName());
    }

    void show() {
        stage.show();
        replan();
    }

    /** Where the QEVM stream lies in a save image, {@code null} for a bare stream. */
    private Span streamSpan() {
        return doc.container() != null && doc.container().isContainer() ? doc.container().qevm() : null;
    }

    RepairStrategy strategy() {
        return (RepairStrategy) group.getSelectedToggle().getUserData();
    }

    /** For a save image: the whole-image plans behind the stream plans shown; {@code null} for a bare stream. */
    private volatile Map<RepairStrategy, ImageRepairPlan> imagePlans;

    /**
     * Works the plans out on a worker thread (each re-inspects the repaired bytes): every strategy, so that each
     * radio button can say what the upstream loader would do with its result; the chosen one is shown in full.
     */
    private void replan() {
        boolean trimTrailing = trim.isSelected();
        plans = null;
        save.setDisable(true);
        state.setText("Working out the repair…");
        Task<Map<RepairStrategy, RepairPlan>> t = new Task<>() {
            @Override
            protected Map<RepairStrategy, RepairPlan> call() throws IOException {
                Map<RepairStrategy, RepairPlan> out = new EnumMap<>(RepairStrategy.class);
                if (doc.container() != null && doc.container().isContainer()) {
                    // a save image: the stream's edits are shown at file offsets, the image is rewritten
                    imagePlans = ImageRepairs.plan(doc, trimTrailing);
                    imagePlans.forEach((s, p) -> out.put(s, ImageRepairs.shown(p)));
                    return out;
                }
                try (ByteSource src = doc.open()) {
                    Repairer repairer = new Repairer(Inspector.standard());
                    for (RepairStrategy s : RepairStrategy.values()) {
                        out.put(s, repairer.plan(src, doc.inspection(), new RepairOptions(s, trimTrailing)));
                    }
                }
                return out;
            }
        };
        t.setOnSucceeded(e -> {
            if (trimTrailing == trim.isSelected()) {
                plans = t.getValue();
                plans.forEach((s, p) -> outcomes.get(s).setText(RepairPlanText.outcome(p)));
                if (!laidOut) {
                    laidOut = true;
                    if (nothingToRepair(plans)) {
                        leadWithNothingToRepair();
                    }
                }
                showPlan(t.getValue().get(strategy()));
            }
        });
        t.setOnFailed(e -> state.setText("Cannot plan the repair: " + IoReason.of(t.getException())));
        worker.execute(t);
    }

    /** Whether no repair (as opposed to a conversion) changes a byte, and no bytes follow the EOF marker. */
    private boolean nothingToRepair(Map<RepairStrategy, RepairPlan> all) {
        boolean trailing = doc.inspection().parse().trailing() != null && doc.inspection().parse().trailing().length() > 0;
        return !trailing && all.entrySet().stream().noneMatch(e -> !e.getKey().converts() && e.getValue().hasEdits());
    }

    /** The answer first; the conversions folded under it, their edits and result inside the fold. */
    private void leadWithNothingToRepair() {
        answer.setText(RepairScope.cleanSentence(doc.inspection(), doc.displayName()));
        Label hint = new Label("A conversion rewrites the file for another qemu-dm; nothing is written unless you "
                + "choose one and save.");
        hint.setWrapText(true);
        hint.getStyleClass().add("explanation");
        hint.setMinHeight(Region.USE_PREF_SIZE);
        convert.setContent(new VBox(8, hint, conversions, editsTitle, edits, resultTitle, result, state));
        box.getChildren().setAll(answer, convert, buttons);
        fitHeight();
    }

    /** As tall as what it shows: the answer alone needs a few lines, the unfolded conversions the full height. */
    private void fitHeight() {
        Scene scene = stage.getScene();
        double chrome = Double.isNaN(stage.getHeight()) ? 0 : stage.getHeight() - scene.getHeight();
        box.applyCss();
        double wanted = Math.min(HEIGHT, Math.ceil(box.prefHeight(scene.getWidth())));
        stage.setHeight(wanted + chrome);
    }

    /** Chooses the first conversion that changes something (the first one when none does). */
    private void firstConversion() {
        RepairStrategy pick = null;
        for (RepairStrategy s : RepairStrategy.values()) {
            if (s.converts() && (pick == null || (!changes(pick) && changes(s)))) {
                pick = s;
            }
        }
        for (var t : group.getToggles()) {
            if (t.getUserData() == pick) {
                group.selectToggle(t);
            }
        }
    }

    private boolean changes(RepairStrategy s) {
        return plans != null && plans.get(s).hasEdits();
    }

    private void showPlan(RepairPlan p) {
        plan = p;
        edits.getItems().setAll(p.edits());
        Map<RepairStrategy, ImageRepairPlan> images = imagePlans;
        Span stream = streamSpan();
        // a save image: the size of the image written, not of the stream in it
        long after = stream != null && images != null ? images.get(p.options().strategy()).newSize()
                : p.result().length;
        result.show(RepairPlanText.resultLines(p, stream, doc.size(), after));
        if (p.refusal() != null) {
            state.setText("Refused: " + p.refusal());
        } else if (!p.hasEdits()) {
            state.setText("Nothing to repair with these options: no file would be written.");
        } else {
            state.setText(p.edits().size() + " edit(s); the result was re-inspected. Save writes a new file (never the original).");
        }
        save.setDisable(!p.acceptable());
    }

    private void saveAs() {
        if (plan == null || !plan.acceptable()) {
            return;
        }
        String name = doc.displayName().replaceFirst("(\\.[^.]*)?$", "-" + plan.options().strategy().cliName() + "$1");
        Path out = dialogs.chooseSave(stage, "Save repaired file", doc.directory(), name, null);
        if (out == null) {
            return;
        }
        RepairPlan chosen = plan;
        Map<RepairStrategy, ImageRepairPlan> images = imagePlans;
        // what is written: the whole image around a save image's stream, else the repaired stream
        long size = images != null ? images.get(chosen.options().strategy()).newSize() : chosen.result().length;
        // the write (flushed to disk, then renamed) can take seconds for a large image: off the FX thread
        Task<Void> t = new Task<>() {
            @Override
            protected Void call() throws IOException, RepairRefusedException {
                // the platform dialog has already asked before replacing an existing file; the engine still
                // refuses the input itself, by path or by inode
                if (images != null) {
                    ImageRepairs.write(doc, images.get(chosen.options().strategy()), out, Files.exists(out));
                } else {
                    new Repairer(Inspector.standard()).write(chosen, doc.original(), out, Files.exists(out));
                }
                return null;
            }
        };
        save.setDisable(true);
        state.setText("Writing " + out + "…");
        t.setOnSucceeded(e -> {
            save.setDisable(false);
            written = out;
            state.setText("Written " + out + " (" + size + " bytes). Fixed: " + chosen.fixed().size()
                    + ", still listed: " + chosen.remaining().size() + ".");
            openResult.setVisible(true);
            compareResult.setVisible(true);
            openResult.requestFocus();
        });
        t.setOnFailed(e -> {
            save.setDisable(false);
            Throwable x = t.getException();
            state.setText(x instanceof RepairRefusedException ? "Refused: " + x.getMessage()
                    : "Cannot write " + out + ": " + IoReason.of(x));
        });
        worker.execute(t);
    }
}
