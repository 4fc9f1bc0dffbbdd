package org.savevminspector.app.gui;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.concurrent.Task;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.controlsfx.control.StatusBar;
import org.savevminspector.app.IoReason;
import org.savevminspector.app.cli.AppVersion;
import org.savevminspector.app.gui.model.ContainerOutline;
import org.savevminspector.app.gui.model.CopyFormats;
import org.savevminspector.app.gui.model.DataInspector;
import org.savevminspector.app.gui.model.DetailLine;
import org.savevminspector.app.gui.model.Anomalies;
import org.savevminspector.app.gui.model.HexHighlights;
import org.savevminspector.inspect.Inspection;
import org.savevminspector.inspect.Inspector;
import org.savevminspector.loader.LoaderProfile;
import org.savevminspector.app.gui.model.NodeDetail;
import org.savevminspector.app.gui.model.RecentFiles;
import org.savevminspector.app.gui.model.RepairScope;
import org.savevminspector.repair.RepairOptions;
import org.savevminspector.repair.RepairStrategy;
import org.savevminspector.repair.Repairer;
import org.savevminspector.app.gui.model.Stepper;
import org.savevminspector.app.gui.model.StructureNode;
import org.savevminspector.app.gui.model.StructureTree;
import org.savevminspector.diagnostics.Severity;
import org.savevminspector.io.AtomicFileWriter;
import org.savevminspector.io.ByteSource;
import org.savevminspector.model.Field;
import org.savevminspector.model.Hex;
import org.savevminspector.model.Section;
import org.savevminspector.report.FileInfo;
import org.savevminspector.report.JsonReport;

/**
 * The main window: section tree | hex pane over the detail / diagnostics / data-inspector tabs, a status bar,
 * menus with every command and its accelerator, drag-and-drop, and the wiring that keeps tree, hex pane, detail
 * and diagnostics on the same bytes.
 */
public final class MainWindow {
    static final String TITLE_PREFIX = "SaveVM Inspector";
    static final String SAMPLE_RESOURCE = "/org/savevminspector/ui/samples/xenserver-6.2-piix4acpi-sample.qevm";
    static final String SAMPLE_BANNER = "This is a SYNTHETIC sample (written by the project's fixture writer, not from a "
            + "real guest): XenServer 6.0–6.2 piix4acpi record labelled 2 with a version-1 body, plus 7 trailing bytes.";

    private final Stage stage;
    private final FileDialogs dialogs;
    private final RecentFiles recent;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "inspector-worker");
        t.setDaemon(true);
        return t;
    });

    final StructureTreeView tree = new StructureTreeView();
    final HexView hex = new HexView();
    final DetailPane detail = new DetailPane();
    final DiagnosticsTable diagnostics = new DiagnosticsTable();
    final TableView<DataInspector.Value> dataTable = new TableView<>();
    final StatusLine statusLine = new StatusLine(this::showDiagnostics, this::cancelLoading);
    final StatusBar status = statusLine.bar;
    final Banner banner = new Banner();
    final ProblemNavigator problems;
    final SplitPane top;
    final SplitPane main;
    private final LayoutMemory layoutMemory;
    private final SplitLayout splitLayout;
    final FindBar findBar;
    private final TabPane bottomTabs = new TabPane();
    private final Tab detailTab = new Tab("Detail");
    private final Tab diagnosticsTab = new Tab("Diagnostics");
    private final Tab dataTab = new Tab("Data inspector");
    private final Tab loaderTab = new Tab("Loader");
    final LoaderPane loaderPane = new LoaderPane();
    private final Tab containerTab = new Tab("Container");
    final ContainerPane containerPane = new ContainerPane();
    private final Menu recentMenu = new Menu("Open _Recent");
    private final CheckMenuItem darkItem = new CheckMenuItem("_Dark theme");
    private final BorderPane root = new BorderPane();

    private Document doc;
    /** The sample's temporary copy, once made. */
    private Path sampleCopy;
    private Task<Document> loading;
    private Runnable afterShow = () -> { };

    public MainWindow(Stage stage, FileDialogs dialogs, RecentFiles recent) {
        this(stage, dialogs, recent, LayoutMemory.standardStore());
    }

    MainWindow(Stage stage, FileDialogs dialogs, RecentFiles recent, LayoutMemory.Store layoutStore) {
        this.stage = stage;
        this.dialogs = dialogs;
        this.recent = recent;
        this.layoutMemory = new LayoutMemory(layoutStore);
        this.findBar = new FindBar(this);
        this.problems = new ProblemNavigator(this);

        Perf.mark("window: controls created");
        BorderPane treePane = new BorderPane(tree);
        treePane.setRight(problems.treeMarkers);
        treePane.setMinWidth(260);
        VBox hexBox = new VBox(hex, new HexLegend());
        VBox.setVgrow(hex, Priority.ALWAYS);
        top = new SplitPane(treePane, hexBox);
        // the hex pane has a natural width (its columns): a wider window widens the tree, where the text is
        SplitPane.setResizableWithParent(hexBox, false);
        detailTab.setContent(detail);
        // the other tabs join the scene graph when first shown: less CSS and layout before the first frame
        lazyContent(diagnosticsTab, diagnostics);
        lazyContent(dataTab, dataTable);
        lazyContent(loaderTab, loaderPane);
        loaderPane.setOnSelect(r -> {
            if (doc != null && r.headerOffset() < doc.size()) {
                hex.select(r.headerOffset(), Math.max(1, r.bodyOffset() + r.bytesRead() - r.headerOffset()));
                onHexCursor(r.headerOffset());
            }
        });
        loaderPane.setOnProfile(this::switchLoader);
        buildDataTable();
        lazyContent(containerTab, containerPane);
        containerPane.setOnSelect(this::goTo);
        containerPane.setOnOpenEmbedded(at -> {
            if (doc != null) {
                load(new FileLoadTask(doc.path(), doc.displayName() + " @" + at, doc.synthetic(), at));
            }
        });
        bottomTabs.getTabs().setAll(detailTab, diagnosticsTab, dataTab, loaderTab, containerTab);
        bottomTabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        bottomTabs.setId("bottomTabs");
        main = new SplitPane(top, bottomTabs);
        main.setOrientation(Orientation.VERTICAL);
        main.setDividerPositions(0.66);
        VBox.setVgrow(main, Priority.ALWAYS);
        VBox center = new VBox(banner, main);

        Perf.mark("window: layout built");
        VBox topBox = new VBox(buildMenus(), buildToolBar());
        VBox bottomBox = new VBox(findBar, status);
        root.setTop(topBox);
        root.setCenter(center);
        root.setBottom(bottomBox);
        root.getStyleClass().add("inspector-root");

        tree.setOnUserSelect(this::onTreeSelect);
        hex.setOnUserCursor(this::onHexCursor);
        hex.setTooltipText(this::hexTooltip);
        hex.selectionStartProperty().addListener((o, a, b) -> updateSelectionStatus());
        hex.selectionLengthProperty().addListener((o, a, b) -> updateSelectionStatus());
        hex.caretProperty().addListener((o, a, b) -> updateCursorStatus());
        diagnostics.setOnUserSelect(problems::show);
        ContextMenus.install(this);

        LayoutMemory.Saved saved = layoutMemory.load();
        double[] size = LayoutMemory.sceneSize(saved, Screen.getPrimary().getVisualBounds());
        Scene scene = new Scene(root, size[0], size[1]);
        Perf.mark("window: scene");
        darkItem.setSelected(Themes.initialDark());
        Perf.mark("window: theme preference read");
        Themes.apply(scene, darkItem.isSelected());
        installDragAndDrop(scene);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.DOWN, KeyCombination.ALT_DOWN), this::nextSection);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.UP, KeyCombination.ALT_DOWN), this::previousSection);
        installZoomKeys(scene);
        KeyRouter.install(scene);
        splitLayout = new SplitLayout(top, main, hex, layoutMemory, saved);
        stage.setScene(scene);
        stage.setTitle(TITLE_PREFIX);
        stage.setOnHidden(e -> {
            saveLayout();
            dispose();
        });
        refreshRecent();
        showDocument(null);
    }

    /** Whether the tree/hex divider follows the hex pane's width (the user has not moved it). */
    boolean hexFitted() {
        return splitLayout.hexFitted();
    }

    void saveLayout() {
        splitLayout.save(stage);
    }

    private void installZoomKeys(Scene scene) {
        KeyCombination.Modifier sc = KeyCombination.SHORTCUT_DOWN;
        KeyCombination.Modifier anyShift = KeyCombination.SHIFT_ANY;
        // Ctrl+plus is Ctrl+Shift+= on many keyboards, and the keypad has its own keys
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.PLUS, sc, anyShift), this::zoomIn);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.EQUALS, sc, KeyCombination.SHIFT_DOWN), this::zoomIn);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ADD, sc), this::zoomIn);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.SUBTRACT, sc), this::zoomOut);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.NUMPAD0, sc), this::zoomReset);
    }

    void zoomIn() {
        hex.zoomIn();
    }

    void zoomOut() {
        hex.zoomOut();
    }

    void zoomReset() {
        hex.zoomReset();
    }

    private static void lazyContent(Tab tab, Node content) {
        tab.selectedProperty().addListener((o, was, is) -> {
            if (is && tab.getContent() == null) {
                tab.setContent(content);
            }
        });
    }

    private void buildDataTable() {
        dataTable.setId("dataInspector");
        dataTable.getColumns().setAll(List.of(
                Columns.text("Type", 90, DataInspector.Value::label),
                Columns.text("Value at cursor", 400, DataInspector.Value::value)));
        dataTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    }

    // ------------------------------------------------------------------ menus

    private static MenuItem item(String text, KeyCombination key, Runnable action) {
        MenuItem m = new MenuItem(text);
        if (key != null) {
            m.setAccelerator(key);
        }
        m.setOnAction(e -> action.run());
        return m;
    }

    private static KeyCombination key(KeyCode code, KeyCombination.Modifier... mods) {
        return new KeyCodeCombination(code, mods);
    }

    private MenuBar buildMenus() {
        KeyCombination.Modifier sc = KeyCombination.SHORTCUT_DOWN;
        KeyCombination.Modifier sh = KeyCombination.SHIFT_DOWN;
        KeyCombination.Modifier alt = KeyCombination.ALT_DOWN;
        Menu file = new Menu("_File", null,
                item("_Open…", key(KeyCode.O, sc), this::openWithChooser),
                recentMenu,
                item("Open _Sample", key(KeyCode.O, sc, sh), this::openSample),
                new SeparatorMenuItem(),
                item("_Export Repaired File…", key(KeyCode.E, sc), this::exportRepaired),
                item("Export Report as _JSON…", key(KeyCode.J, sc, sh), this::exportJson),
                item("P_roperties…", null, this::showProperties),
                new SeparatorMenuItem(),
                item("_Close File", key(KeyCode.W, sc), () -> showDocument(null)),
                item("_Quit", key(KeyCode.Q, sc), stage::close));
        Menu edit = new Menu("_Edit", null,
                item("Copy as _Hex", key(KeyCode.C, sc), () -> copy(Copy.HEX)),
                item("Copy as _C Array", key(KeyCode.C, sc, sh), () -> copy(Copy.C)),
                item("Copy as _Python Bytes", key(KeyCode.C, sc, alt), () -> copy(Copy.PYTHON)),
                item("Copy Node _Value", key(KeyCode.V, sc, alt), this::copyValue),
                new SeparatorMenuItem(),
                item("_Find…", key(KeyCode.F, sc), findBar::open),
                item("Find _Next", key(KeyCode.F3), findBar::findNext),
                item("Find Pre_vious", key(KeyCode.F3, sh), findBar::findPrevious));
        Menu go = new Menu("_Go", null,
                item("_Go to Offset…", key(KeyCode.G, sc), this::goToOffset),
                new SeparatorMenuItem(),
                item("Next _Section (also Alt+Down)", key(KeyCode.F8), this::nextSection),
                item("Previous S_ection (also Alt+Up)", key(KeyCode.F8, sh), this::previousSection),
                item("Next _Field", key(KeyCode.F7), this::nextField),
                item("Previous F_ield", key(KeyCode.F7, sh), this::previousField),
                item("Next _Problem", key(KeyCode.F2), this::nextProblem),
                item("Previous P_roblem", key(KeyCode.F2, sh), this::previousProblem),
                new SeparatorMenuItem(),
                item("Select Se_ction of the Cursor", null, this::selectSectionAtCursor));
        darkItem.setAccelerator(key(KeyCode.T, sc, sh));
        darkItem.setOnAction(e -> setDark(darkItem.isSelected()));
        Menu view = new Menu("_View", null,
                darkItem,
                item("Show _Diagnostics", key(KeyCode.D, sc), this::showDiagnostics),
                item("Show De_tail", key(KeyCode.I, sc), () -> bottomTabs.getSelectionModel().select(detailTab)),
                item("Show Data _Inspector", key(KeyCode.I, sc, sh), () -> bottomTabs.getSelectionModel().select(dataTab)),
                item("Show _Loader Simulation", key(KeyCode.L, sc), () -> bottomTabs.getSelectionModel().select(loaderTab)),
                item("Focus _Tree", key(KeyCode.DIGIT1, sc), tree::requestFocus),
                item("Focus _Hex Pane", key(KeyCode.DIGIT2, sc), hex::requestFocus),
                new SeparatorMenuItem(),
                item("Zoom _In (also Ctrl+plus)", key(KeyCode.EQUALS, sc), this::zoomIn),
                item("Zoom _Out", key(KeyCode.MINUS, sc), this::zoomOut),
                item("_Reset Zoom", key(KeyCode.DIGIT0, sc), this::zoomReset));
        Menu help = new Menu("_Help", null,
                item("_Checks…", null, () -> ChecksDialog.show(stage, doc == null ? null : doc.inspection().sections())),
                item("_About SaveVM Inspector", key(KeyCode.F1), () -> AboutDialog.show(stage)));
        MenuBar bar = new MenuBar(file, edit, go, view, help);
        bar.setId("menuBar");
        return bar;
    }

    private ToolBar buildToolBar() {
        ToolBar tb = new ToolBar(
                tool("Open", "Open a file (Ctrl+O)", this::openWithChooser, "openButton"),
                tool("◀ Section", "Previous section (Shift+F8, Alt+Up)", this::previousSection, "prevSectionButton"),
                tool("Section ▶", "Next section (F8, Alt+Down)", this::nextSection, "nextSectionButton"),
                tool("◀ Field", "Previous field (Shift+F7)", this::previousField, "prevFieldButton"),
                tool("Field ▶", "Next field (F7)", this::nextField, "nextFieldButton"),
                tool("◀ Problem", "Previous problem (Shift+F2)", this::previousProblem, "prevProblemButton"),
                tool("Problem ▶", "Next problem (F2)", this::nextProblem, "nextProblemButton"),
                tool("Go to…", "Go to offset (Ctrl+G)", this::goToOffset, "gotoButton"),
                tool("Find…", "Find hex bytes or text (Ctrl+F)", findBar::open, "findButton"),
                tool("Export repaired…", "Export a repaired copy (Ctrl+E)", this::exportRepaired, "exportButton"));
        tb.setId("toolBar");
        return tb;
    }

    private static Button tool(String text, String tip, Runnable action, String id) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setFocusTraversable(false);
        b.setOnAction(e -> action.run());
        return b;
    }

    // ------------------------------------------------------------------ opening

    private void installDragAndDrop(Scene scene) {
        scene.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        scene.setOnDragEntered(e -> {
            if (e.getDragboard().hasFiles()) {
                root.getStyleClass().add("drop-target");
            }
        });
        scene.setOnDragExited(e -> root.getStyleClass().remove("drop-target"));
        scene.setOnDragDropped(this::onDragDropped);
    }

    private void onDragDropped(DragEvent e) {
        root.getStyleClass().remove("drop-target");
        boolean ok = e.getDragboard().hasFiles() && handleDrop(e.getDragboard().getFiles());
        e.setDropCompleted(ok);
        e.consume();
    }

    /** Opens the one dropped file; says clearly why not for a directory, an unreadable file or several files. */
    boolean handleDrop(List<File> files) {
        if (files.size() != 1) {
            notifyError("Drop one file at a time (" + files.size() + " were dropped).");
            return false;
        }
        return open(files.get(0).toPath());
    }

    /** Starts opening {@code path}; false (with a notification) when it cannot be read at all. */
    public boolean open(Path path) {
        String why = IoReason.unreadable(path);
        if (why != null) {
            notifyError("Cannot open " + path + ": " + why + ".");
            return false;
        }
        load(new FileLoadTask(path, path.getFileName().toString(), false));
        return true;
    }

    /**
     * Opens the bundled synthetic sample from a temporary copy (the engine reads files through FileChannel),
     * made once per session and deleted at exit.
     */
    public void openSample() {
        try {
            if (sampleCopy == null || !Files.isRegularFile(sampleCopy)) {
                sampleCopy = unpackSample();
            }
            if (sampleCopy != null) {
                load(new FileLoadTask(sampleCopy, sampleCopy.getFileName().toString(), true));
            }
        } catch (IOException e) {
            notifyError("Cannot unpack the bundled sample: " + IoReason.of(e));
        }
    }

    /** The temporary copy of the sample, or {@code null} (with a notification) when the build lacks it. */
    private Path unpackSample() throws IOException {
        try (InputStream in = MainWindow.class.getResourceAsStream(SAMPLE_RESOURCE)) {
            if (in == null) {
                notifyError("The bundled sample is missing from this build (" + SAMPLE_RESOURCE + ").");
                return null;
            }
            Path tmp = Files.createTempDirectory("savevm-inspector-sample");
            // deleteOnExit works in reverse order of registration: the file must go before its directory
            tmp.toFile().deleteOnExit();
            Path file = tmp.resolve(Path.of(SAMPLE_RESOURCE).getFileName().toString());
            file.toFile().deleteOnExit();
            AtomicFileWriter.standard().write(file, in::transferTo);
            return file;
        }
    }

    private void openWithChooser() {
        Path dir = doc == null ? null : doc.directory();
        Path p = dialogs.chooseOpen(stage, dir);
        if (p != null) {
            open(p);
        }
    }

    private void load(FileLoadTask task) {
        cancelLoading();
        findBar.reset(); // a search over a large file would keep the single worker from the new file
        loading = task;
        status.progressProperty().bind(task.progressProperty());
        status.textProperty().bind(task.messageProperty());
        statusLine.cancel.setVisible(true);
        task.setOnSucceeded(e -> {
            Perf.mark("file inspected");
            finishLoading();
            showDocument(task.getValue());
        });
        task.setOnFailed(e -> {
            finishLoading();
            notifyError("Cannot open " + task.displayName + ": " + IoReason.of(task.getException()));
        });
        task.setOnCancelled(e -> finishLoading());
        worker.submit(task);
    }

    private void finishLoading() {
        status.progressProperty().unbind();
        status.textProperty().unbind();
        status.setProgress(0);
        status.setText("");
        statusLine.cancel.setVisible(false);
        loading = null;
    }

    private void cancelLoading() {
        if (loading != null) {
            loading.cancel();
        }
    }

    /** Whether a file is being opened (tests wait on it). */
    boolean isLoading() {
        return loading != null;
    }

    void setAfterShow(Runnable r) {
        this.afterShow = r;
    }

    private void showDocument(Document d) {
        Document old = this.doc;
        this.doc = d;
        findBar.reset();
        statusLine.clear();
        if (d == null) {
            stage.setTitle(TITLE_PREFIX);
            tree.setStructure(null);
            hex.setSource(null, 0, null);
            diagnostics.show(null);
            detail.show(List.of());
            dataTable.getItems().clear();
            loaderPane.show(null);
            containerPane.show(null, null);
            banner.hide();
            problems.reset();
        } else {
            stage.setTitle(TITLE_PREFIX + " — " + d.displayName());
            long t0 = System.nanoTime();
            tree.setStructure(d.tree());
            long treeNanos = System.nanoTime() - t0;
            Perf.log("tree population %.2f ms (%d top-level nodes)", treeNanos / 1e6, d.tree().roots().size());
            hex.setSource(d.hexSource(), d.anomalies().ghostBytes(), HexHighlights.of(d.anomalies()));
            diagnostics.show(d.inspection());
            loaderPane.show(d.inspection().loader());
            containerPane.show(d.container() == null ? null : new ContainerOutline(d.container()), d.hexSource());
            statusLine.showFile(d);
            detail.show(fileSummary(d));
            if (d.synthetic()) {
                banner.show(SAMPLE_BANNER, "info");
            } else {
                banner.hide();
                recent.add(d.path());
                refreshRecent();
            }
            problems.reset();
            // the anomaly is what one opens such a file for: select it, with its bytes and its explanation
            problems.showFirst();
            updateCursorStatus();
            afterShow.run();
        }
        updateSelectionStatus();
        if (old != null) {
            old.close();
        }
    }

    /**
     * Re-simulates the open file with another loader profile (same shape walk, same hex source): the loader pane,
     * the diagnostics, the tree's statuses, the selected node's detail and the hex pane's anomaly layer follow the
     * chosen loader. The tree keeps its nodes, so what is expanded and selected stays.
     */
    private void switchLoader(LoaderProfile profile) {
        if (doc == null) {
            return;
        }
        Inspection in = Inspector.standard().withLoader(doc.inspection(), doc.hexSource(), profile);
        Anomalies anomalies = Anomalies.of(in);
        StructureTree statuses = doc.tree().withInspection(in);
        doc = new Document(doc.path(), doc.displayName(), doc.synthetic(), in, statuses, anomalies, doc.hexSource(),
                doc.container());
        tree.setStatuses(statuses);
        hex.setHighlights(HexHighlights.of(anomalies));
        diagnostics.show(in);
        problems.reset(); // other diagnostics: other ticks, and no "current" problem among the old ones
        loaderPane.show(in.loader());
        StructureNode selected = tree.selectedNode();
        if (selected != null) {
            select(selected, false); // its detail lists the diagnostics of the new simulation
        }
    }

    private static List<DetailLine> fileSummary(Document d) {
        List<DetailLine> out = new ArrayList<>();
        out.add(new DetailLine("File", d.displayName(), "title"));
        out.add(new DetailLine("Size", d.size() + " bytes", ""));
        out.add(new DetailLine("Format", d.inspection().parse().format().json(), ""));
        out.add(new DetailLine("Sections", Integer.toString(d.inspection().sections().size()), ""));
        if (d.inspection().loader() != null) {
            out.add(NodeDetail.loader("Upstream loader", d.inspection().loader(), ""));
        }
        Severity s = d.inspection().highestSeverity();
        out.add(new DetailLine("Diagnostics", d.inspection().diagnostics().size()
                + (s == null ? "" : " (highest: " + s.json() + ")") + " — F2 steps through them", s == null ? "" : s.json()));
        return out;
    }

    private void refreshRecent() {
        List<Path> files = recent.list();
        recentMenu.getItems().clear();
        for (int i = 0; i < files.size(); i++) {
            Path p = files.get(i);
            MenuItem m = new MenuItem((i + 1) % 10 + "  " + p);
            m.setMnemonicParsing(false);
            m.setOnAction(e -> open(p));
            recentMenu.getItems().add(m);
        }
        recentMenu.setDisable(files.isEmpty());
    }

    void notifyError(String message) {
        banner.show(message, "error");
    }

    // ------------------------------------------------------------------ linking

    private void onTreeSelect(StructureNode node) {
        if (doc == null) {
            return;
        }
        select(node, true);
    }

    /** Selects {@code node}: highlight layers, hex selection + scroll, detail, status. */
    void select(StructureNode node, boolean moveHex) {
        hex.setHighlights(hex.highlights().select(doc.tree(), node));
        if (moveHex) {
            hex.select(node.offset(), Math.max(1, node.span().length()));
        }
        detail.show(NodeDetail.of(doc.tree(), node, doc.hexSource()));
        statusLine.path.setText(node.path());
    }

    private void onHexCursor(long offset) {
        if (doc == null) {
            return;
        }
        List<StructureNode> path = doc.tree().path(offset);
        if (path.isEmpty()) {
            return;
        }
        StructureNode n = path.get(path.size() - 1);
        tree.reveal(path);
        select(n, false);
    }

    private String hexTooltip(long offset) {
        if (doc == null) {
            return null;
        }
        if (offset >= doc.size()) {
            return "Past the end of the file: a loader trusting the labels reads these bytes as zeros.";
        }
        StructureNode n = doc.tree().nodeAt(offset);
        String anomaly = doc.anomalies().tooltipAt(offset);
        String base = n == null ? Hex.plain(offset)
                : n.path() + (n.field() != null ? " = " + n.field().display() : "");
        return anomaly == null ? base : base + "\n" + anomaly;
    }

    private void updateCursorStatus() {
        if (doc == null) {
            return;
        }
        long c = hex.cursor();
        statusLine.showCursor(doc, c);
        dataTable.getItems().setAll(DataInspector.at(doc.hexSource(), c));
    }

    private void updateSelectionStatus() {
        if (doc != null) {
            statusLine.showSelection(hex.selectionStartProperty().get(), hex.selectionLengthProperty().get());
        }
    }

    // ------------------------------------------------------------------ stepping

    /** Runs {@code move} with a stepper over the open file; stepping keys do nothing without one. */
    private void step(Consumer<Stepper> move) {
        if (doc != null) {
            move.accept(new Stepper(doc.tree()));
        }
    }

    void nextSection() {
        step(s -> selectSection(s.nextSection(hex.cursor())));
    }

    void previousSection() {
        step(s -> selectSection(s.previousSection(hex.cursor())));
    }

    private void selectSection(int index) {
        if (index < 0) {
            return;
        }
        Section sec = doc.inspection().sections().get(index);
        List<StructureNode> path = doc.tree().path(sec.header().offset());
        StructureNode n = StructureTree.sectionOf(path);
        if (n != null) {
            tree.reveal(path.subList(0, path.indexOf(n) + 1));
            select(n, true);
        }
    }

    void nextField() {
        // on a section (or other non-leaf) row with the cursor on its first byte, F7 enters it
        StructureNode sel = tree.selectedNode();
        boolean fromContainer = doc != null && sel != null && sel.offset() == hex.cursor() && !doc.tree().isLeaf(sel);
        step(s -> selectField(s.nextField(hex.cursor(), fromContainer)));
    }

    void previousField() {
        step(s -> selectField(s.previousField(hex.cursor())));
    }

    private void selectField(Field f) {
        if (f == null) {
            return;
        }
        List<StructureNode> path = doc.tree().path(f.span().offset());
        if (!path.isEmpty()) {
            tree.reveal(path);
            select(path.get(path.size() - 1), true);
        }
    }

    void nextProblem() {
        problems.next();
    }

    void previousProblem() {
        problems.previous();
    }

    /** Selects the whole section (or other top-level node) holding the cursor. */
    void selectSectionAtCursor() {
        if (doc == null) {
            return;
        }
        List<StructureNode> path = doc.tree().path(hex.cursor());
        if (!path.isEmpty()) {
            // in a save image the section sits inside the device-model record: select it, not the whole record
            StructureNode n = StructureTree.sectionOf(path);
            List<StructureNode> to = n == null ? path.subList(0, 1) : path.subList(0, path.indexOf(n) + 1);
            tree.reveal(to);
            select(to.get(to.size() - 1), true);
        }
    }

    void goToOffset() {
        if (doc == null) {
            return;
        }
        new GoToOffsetDialog(stage, doc.displayName(), doc.size(), hex.cursor()).showAndWait().ifPresent(this::goTo);
    }

    /** Moves the cursor to {@code offset} and selects its node, as a click there would. */
    void goTo(long offset) {
        hex.select(offset, 1);
        onHexCursor(offset);
    }

    void showDiagnostics() {
        bottomTabs.getSelectionModel().select(diagnosticsTab);
        diagnostics.requestFocus();
    }

    // ------------------------------------------------------------------ copy, export

    /** The text forms Edit → Copy offers for the selected bytes. */
    enum Copy { HEX, C, PYTHON }

    void copy(Copy how) {
        if (doc == null) {
            return;
        }
        long len = Math.max(1, hex.selectionLengthProperty().get());
        if (len > CopyFormats.MAX_COPY) {
            notifyError("The selection is " + len + " bytes; copying is limited to " + CopyFormats.MAX_COPY + " bytes.");
            return;
        }
        byte[] b = doc.hexSource().bytes(hex.selectionStartProperty().get(), (int) len);
        String text = switch (how) {
            case HEX -> CopyFormats.hex(b);
            case C -> CopyFormats.cArray(b, "data");
            case PYTHON -> CopyFormats.pythonBytes(b);
        };
        putClipboard(text);
    }

    void copyValue() {
        StructureNode n = tree.selectedNode();
        if (n != null) {
            putClipboard(n.field() != null ? n.field().display() : n.path());
        }
    }

    static void putClipboard(String text) {
        ClipboardContent c = new ClipboardContent();
        c.putString(text);
        Clipboard.getSystemClipboard().setContent(c);
    }

    void exportRepaired() {
        if (doc == null) {
            notifyError("Open a file first: there is nothing to repair.");
            return;
        }
        if (doc.container() != null && doc.container().isContainer()) {
            // a save image: the dialog plans on the whole image (ImageRepairs)
            new RepairDialog(stage, doc, dialogs, this::open, worker).show();
            return;
        }
        String notStream = RepairScope.notAStream(doc.inspection(), doc.displayName());
        if (notStream != null) {
            banner.show(notStream, "info");
            return;
        }
        // every strategy is planned (re-inspecting the result) before saying there is nothing to do: off the FX thread
        Document d = doc;
        Task<Boolean> anyEdit = new Task<>() {
            @Override
            protected Boolean call() throws IOException {
                try (ByteSource src = ByteSource.open(d.path())) {
                    Repairer repairer = new Repairer(Inspector.standard());
                    for (RepairStrategy s : RepairStrategy.values()) {
                        if (repairer.plan(src, d.inspection(), new RepairOptions(s, true)).hasEdits()) {
                            return true;
                        }
                    }
                }
                return false;
            }
        };
        anyEdit.setOnSucceeded(e -> {
            if (doc != d) {
                return;
            }
            if (anyEdit.getValue()) {
                new RepairDialog(stage, d, dialogs, this::open, worker).show();
            } else {
                banner.show(RepairScope.nothingSentence(d.inspection(), d.displayName()), "info");
            }
        });
        anyEdit.setOnFailed(e -> notifyError("Cannot plan a repair of " + d.displayName() + ": " + IoReason.of(anyEdit.getException())));
        worker.submit(anyEdit);
    }

    /** File → Properties: size, time, container and the hashes of the open file (the whole file's on demand). */
    void showProperties() {
        if (doc != null) {
            FilePropertiesDialog.show(stage, doc.path(), doc.displayName(), doc.container());
        }
    }

    /** Writes the same JSON as {@code inspect --format json} for the open file. */
    void exportJson() {
        if (doc == null) {
            return;
        }
        String base = doc.displayName().replaceFirst("\\.[^.]*$", "");
        Path out = dialogs.chooseSave(stage, "Export report as JSON",
                doc.directory(), base + ".json", "json");
        if (out != null) {
            writeJson(out);
        }
    }

    /**
     * Writes the report on the worker thread, reading raw bytes from a source of its own: the hex pane's may only
     * be used on the FX thread. Like the CLI's, it carries the QEVM stream's hash, not a save image's (File →
     * Properties hashes the whole file).
     */
    void writeJson(Path out) {
        Document d = doc;
        Task<Void> t = new Task<>() {
            @Override
            protected Void call() throws IOException {
                try (ByteSource src = ByteSource.open(d.path())) {
                    FileInfo info = FileInfo.describe(d.path(), src, d.container(), false, null);
                    // complete or absent: a full disk must not leave half a report that looks like a whole one
                    AtomicFileWriter.standard().write(out, o -> {
                        Writer w = new OutputStreamWriter(o, StandardCharsets.UTF_8);
                        new JsonReport(AppVersion.toolInfo()).write(d.inspection(), info, src, w, d.container());
                        w.flush();
                    });
                }
                return null;
            }
        };
        t.setOnSucceeded(e -> banner.show("Report written to " + out, "info"));
        t.setOnFailed(e -> notifyError("Cannot export the report to " + out + ": " + IoReason.of(t.getException())));
        worker.submit(t);
    }

    private void setDark(boolean d) {
        darkItem.setSelected(d);
        Themes.apply(stage.getScene(), d);
        Themes.save(d);
    }

    void toggleTheme() {
        setDark(!darkItem.isSelected());
    }

    Document document() {
        return doc;
    }

    Stage stage() {
        return stage;
    }

    ExecutorService worker() {
        return worker;
    }

    private void dispose() {
        cancelLoading();
        worker.shutdownNow();
        if (doc != null) {
            doc.close();
        }
    }

    /** For the startup log: runs {@code r} once the next frame has been laid out and rendered. */
    void onNextFrame(Runnable r) {
        Scene scene = stage.getScene();
        Runnable[] self = new Runnable[1];
        self[0] = () -> {
            scene.removePostLayoutPulseListener(self[0]);
            Platform.runLater(r);
        };
        scene.addPostLayoutPulseListener(self[0]);
    }
}
