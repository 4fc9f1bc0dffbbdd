package org.savevminspector.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javafx.css.CssParser;
import javafx.css.Declaration;
import javafx.css.PseudoClass;
import javafx.css.Rule;
import javafx.css.Selector;
import javafx.css.Stylesheet;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeTableRow;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.paint.Stop;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.RadialGradient;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.savevminspector.app.gui.model.HighlightKind;
import org.savevminspector.app.gui.model.StructureNode;
import org.savevminspector.diagnostics.Severity;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 18, point 1: every text the viewer draws meets WCAG AA (4.5:1) against the background it is drawn on, in
 * both themes. The colours are not read off a screenshot: JavaFX's own CSS engine styles a specimen of every place
 * where text meets a background — each a chain of nodes with the style classes and pseudo-classes the views give
 * them (rows in every status, selected, odd; tooltips inside each view that has them; the badge in each severity;
 * the detail's text styles; dialogs) — under {@code inspector.css} and a palette, and the test computes the
 * contrast of the text's fill against the background under it (translucent fills blended, each stop of a
 * gradient). The hex pane paints its canvas from swatches: its text over every highlight layer is checked the
 * same way. So that no style escapes, the stylesheet itself is parsed: every rule that colours text, and every
 * rule that lays a background under text, must apply to at least one specimen. The last test opens real tooltips
 * in the window, where the issue found dark red on near-black.
 */
@GuiTest
class StyleContrastTest {
    /** WCAG 2.1 AA for normal text. */
    static final double AA = 4.5;

    /** Text drawn on the canvas of the hex pane, and the backgrounds it is drawn on (swatch style classes). */
    private static final String HEX_TEXT = "hex-text";
    private static final String HEX_OFFSET = "hex-offset";
    private static final String HEX_BACKGROUND = "hex-background";
    private static final String HEX_CURSOR = "hex-cursor";
    private static final String HEX_GHOST = "hex-ghost";
    private static final String HEX_GHOST_TEXT = "hex-ghost-text";
    /** The hex pane tints a range the user drags with the cursor colour at this opacity (HexPainter). */
    private static final double DRAG_TINT = 0.18;

    /** Style classes of swatches and shapes: colours that are not a background under text. */
    private static final List<String> NOT_UNDER_TEXT = List.of("hex-", "marker-", "overview-", "status-icon",
            "legend-swatch", "drop-target");

    /** Rows as the tree, the diagnostics table and the plain tables style them. */
    private static final List<String> TREE_ROWS = List.of("", ".status-error", ".status-warn", ".status-note",
            ".status-info", ".node-trailing", ".status-error.node-trailing", ".filter-match",
            ".status-error.filter-match");
    private static final List<String> DIAGNOSTIC_ROWS = List.of(".severity-error", ".severity-warn", ".severity-note",
            ".severity-info", ".severity-error.group-row", ".severity-warn.group-row", ".severity-note.group-row",
            ".severity-info.group-row");
    private static final List<String> DIFF_ROWS = List.of(".diff-same", ".diff-changed", ".diff-only-a",
            ".diff-only-b");
    private static final List<String> TABLE_ROWS = List.of("", ".severity-error", ".severity-error.port-collision",
            ".severity-warn", ".severity-note", ".severity-info");

    /**
     * Every place where text meets a background, as a chain of nodes from the window's root down: each level its
     * style classes and pseudo-classes ({@code .tree-table-row-cell.status-error:selected}), the last level the
     * text, made as the control after {@code @}.
     */
    static List<String> specimens() {
        List<String> s = new ArrayList<>();
        String flow = " .virtual-flow .clipped-container .sheet ";
        rows(s, ".tree-table-view.structure-tree" + flow + ".tree-table-row-cell", TREE_ROWS, ".tree-table-cell",
                List.of("", ":selected"));
        s.add(".tree-table-view.structure-tree .placeholder .label@label");
        rows(s, ".tree-table-view.diagnostics-table" + flow + ".tree-table-row-cell", DIAGNOSTIC_ROWS,
                ".tree-table-cell", List.of(""));
        s.add(".tree-table-view.diagnostics-table .placeholder .label@label");
        String table = ".table-view" + flow;
        rows(s, table + ".table-row-cell", TABLE_ROWS, ".table-cell", List.of());
        s.add(table + ".table-row-cell .table-cell .text-field@textfield"); // a bookmark's note being edited
        s.add(".table-view .placeholder .label@label");
        s.add(".table-view .column-header-background .column-header .label@label");
        s.add(".tree-table-view .column-header-background .column-header .label@label");
        // the window: menus, toolbar, tabs, filter box, legend, empty state, banner, find bar, status bar
        s.add(".menu-bar .menu .label@label");
        s.add(".context-menu .menu-item .label@label");
        s.add(".tool-bar .button@button");
        s.add(".tool-bar .button .tooltip@tooltip");
        s.add(".tab-pane .tab-header-area .headers-region .tab .tab-container .tab-label@label");
        s.add(".tab-pane .tab-header-area .headers-region .tab:selected .tab-container .tab-label@label");
        s.add(".tab-pane .tab-content-area .label@label");
        s.add(".tab-pane .tab-content-area .button@button");
        s.add(".tree-filter .text-field@textfield");
        s.add(".tree-filter .text-field@prompt"); // "Filter: name, idstr, value or offset" in the empty box
        s.add(".tree-filter .label@label");
        s.add(".tree-filter .button@button");
        s.add(".tree-filter .text-field .tooltip@tooltip");
        s.add(".hex-legend .label.legend-entry@label");
        s.add(".hex-legend .label.legend-entry .tooltip@tooltip");
        s.add(".hex-view .tooltip@tooltip");
        s.add(".marker-strip .tooltip@tooltip");
        s.add(".overview-strip .tooltip@tooltip");
        s.add(".empty-state .label@label");
        s.add(".empty-state .button@button");
        s.add(".empty-state .hyperlink.empty-hint@hyperlink");
        for (String kind : List.of("info", "error")) {
            s.add(".banner." + kind + " .label@label");
            s.add(".banner." + kind + " .button.banner-close@button");
        }
        s.add(".find-bar .label@label");
        s.add(".find-bar .label.find-detected@label");
        s.add(".find-bar .label.find-result@label");
        s.add(".find-bar .label.find-result .tooltip@tooltip");
        s.add(".find-bar .text-field@textfield");
        s.add(".find-bar .text-field@prompt");
        s.add(".find-bar .button@button");
        s.add(".status-bar.inspector-status .label@label");
        s.add(".status-bar.inspector-status .label.status-label@label");
        s.add(".status-bar.inspector-status .label.status-label .tooltip@tooltip");
        s.add(".status-bar.inspector-status .button@button");
        for (String badge : List.of("error", "warn", "note", "info", "ok", "none")) {
            s.add(".status-bar.inspector-status .button.severity-indicator." + badge + "@button");
        }
        s.add(".status-bar.inspector-status .button.severity-indicator.error .tooltip@tooltip");
        // the Detail tab: labelled fields, then the problems and the explanation in RichTextFX
        for (String value : List.of("", ".detail-value", ".detail-value.detail-title", ".detail-value.detail-mono",
                ".detail-value.detail-error", ".detail-value.detail-warn", ".detail-value.detail-ok",
                ".detail-field-label")) {
            s.add(".detail-fields .label" + value + "@label");
        }
        for (String style : List.of("", ".detail-label", ".detail-title", ".detail-mono", ".detail-error",
                ".detail-warn", ".detail-note", ".detail-info", ".detail-ok", ".detail-heading.detail-error",
                ".detail-heading.detail-warn", ".detail-heading.detail-note", ".detail-heading.detail-info",
                ".detail-explanation")) {
            s.add(".detail-pane .virtual-flow .paragraph-box .paragraph-text .text.detail-text" + style + "@text");
        }
        // the Loader tab's summary
        s.add(".loader-info .label@label");
        s.add(".loader-info .label.loader-summary@label");
        s.add(".loader-info .combo-box@combobox");
        s.add(".loader-info .combo-box .tooltip@tooltip");
        // dialogs: Go to offset, Add bookmark, Export repaired file (and its detail pane)
        s.add(".dialog-pane.goto-dialog .label@label");
        s.add(".dialog-pane.goto-dialog .label.goto-error@label");
        s.add(".dialog-pane.goto-dialog .label.goto-ok@label");
        s.add(".dialog-pane.goto-dialog .text-field@textfield");
        s.add(".dialog-pane:header .header-panel .label@label");
        s.add(".dialog-pane .content .label@label");
        s.add(".dialog-pane .button-bar .button@button");
        s.add(".repair-dialog .label@label");
        s.add(".repair-dialog .label.explanation@label");
        s.add(".repair-dialog .label.repair-answer@label");
        s.add(".repair-dialog .radio-button@radiobutton");
        s.add(".repair-dialog .titled-pane@titledpane");
        s.add(".repair-dialog .titled-pane .content .label@label");
        s.add(".repair-dialog .titled-pane .content .label.explanation@label");
        s.add(".repair-dialog .button@button");
        s.add(".repair-dialog .detail-pane .virtual-flow .paragraph-box .paragraph-text .text.detail-text.detail-ok@text");
        s.add(".repair-dialog .detail-pane .virtual-flow .paragraph-box .paragraph-text .text.detail-text.detail-error@text");
        // the compare window: its comparison list, the sides' headers, the summary line
        rows(s, ".tree-table-view.diff-list" + flow + ".tree-table-row-cell", DIFF_ROWS, ".tree-table-cell",
                List.of());
        s.add(".label.compare-side-header@label");
        s.add(".label.compare-summary@label");
        s.add(".label@label"); // a label on the window's own background (the bookmark tab's hint, the loader's "Loader:")
        return s;
    }

    /**
     * A row in each style and state (plain, odd, selected, both), its cell's text, and the tooltip a row shows in
     * each of {@code tipStates}.
     */
    private static void rows(List<String> s, String row, List<String> styles, String cell, List<String> tipStates) {
        for (String style : styles) {
            for (String state : List.of("", ":odd", ":selected", ":selected:odd")) {
                s.add(row + style + state + " " + cell + "@label");
            }
            for (String state : tipStates) {
                s.add(row + style + state + " .tooltip@tooltip");
            }
        }
    }

    @TempDir
    static Path tmp;

    private GuiHarness window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = GuiHarness.show(stage, tmp);
    }

    // ---------------------------------------------------------------- colour arithmetic

    /** WCAG relative luminance of an opaque colour. */
    static double luminance(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    private static double linear(double v) {
        return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    /** WCAG contrast ratio, 1 … 21. */
    static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    /** {@code top} over {@code under}, as its alpha lets it show. */
    static Color over(Color top, Color under) {
        double a = top.getOpacity();
        return Color.color(top.getRed() * a + under.getRed() * (1 - a), top.getGreen() * a + under.getGreen() * (1 - a),
                top.getBlue() * a + under.getBlue() * (1 - a));
    }

    /** The colours a paint can show: a colour, or each stop of a gradient. */
    private static List<Color> colours(Paint p) {
        if (p instanceof Color c) {
            return List.of(c);
        }
        List<Stop> stops = p instanceof LinearGradient l ? l.getStops() : p instanceof RadialGradient r ? r.getStops() : List.of();
        return stops.stream().map(Stop::getColor).toList();
    }

    /**
     * The colours that can lie under {@code text}: every region from the scene's root down to it lays its topmost
     * fill over what is below (the window is white under everything, as the scene's fill).
     */
    private static List<Color> backgroundsUnder(Node text) {
        List<Region> chain = new ArrayList<>();
        for (Node n = text; n != null; n = n.getParent()) {
            if (n instanceof Region r) {
                chain.add(0, r);
            }
        }
        List<Color> under = List.of(Color.WHITE);
        for (Region r : chain) {
            if (r.getBackground() == null || r.getBackground().getFills().isEmpty()) {
                continue;
            }
            List<BackgroundFill> fills = r.getBackground().getFills();
            List<Color> top = colours(fills.get(fills.size() - 1).getFill());
            List<Color> next = new ArrayList<>();
            for (Color t : top) {
                for (Color u : under) {
                    next.add(over(t, u));
                }
            }
            under = next;
        }
        return under;
    }

    // ---------------------------------------------------------------- specimens

    /** The stylesheets of one theme on a scene of specimens; {@link #text} finds each one's text. */
    private static final class Specimens {
        final Scene scene;
        final Map<String, Node> leaves = new LinkedHashMap<>();
        final List<Node> all = new ArrayList<>();

        Specimens(boolean dark) {
            VBox root = new VBox();
            root.getStyleClass().addAll("inspector-root", dark ? "theme-dark" : "theme-light");
            for (String spec : specimens()) {
                root.getChildren().add(build(spec));
            }
            scene = new Scene(root, 800, 600);
            scene.getStylesheets().setAll(Themes.url(Themes.BASE), Themes.url(dark ? Themes.DARK : Themes.LIGHT));
            root.applyCss();
            root.layout();
        }

        private Node build(String spec) {
            String[] levels = spec.substring(0, spec.indexOf('@')).trim().split(" +");
            String kind = spec.substring(spec.indexOf('@') + 1);
            Node leaf = leaf(kind);
            style(leaf, levels[levels.length - 1], kind);
            if (leaf instanceof Region r) {
                r.setMaxWidth(Double.MAX_VALUE); // the message areas prefer no width: they take the room they get
            }
            Node n = leaf;
            for (int i = levels.length - 2; i >= 0; i--) {
                StackPane p = new StackPane(n);
                style(p, levels[i], "");
                all.add(p);
                n = p;
            }
            all.add(leaf);
            leaves.put(spec, leaf);
            return n;
        }

        private static Node leaf(String kind) {
            String t = "Sample text 0x1C2B";
            return switch (kind) {
                case "label", "tooltip" -> new Label(t);
                case "button" -> new Button(t);
                case "hyperlink" -> new Hyperlink(t);
                case "textfield" -> new TextField(t);
                case "prompt" -> {
                    TextField f = new TextField();
                    f.setPromptText(t);
                    yield f;
                }
                case "radiobutton" -> new RadioButton(t);
                case "titledpane" -> new TitledPane(t, new Label());
                case "combobox" -> {
                    ComboBox<String> c = new ComboBox<>();
                    c.getItems().add(t);
                    c.setValue(t);
                    yield c;
                }
                case "text" -> new Text(t);
                default -> throw new IllegalArgumentException(kind);
            };
        }

        /** Gives {@code n} the classes and pseudo-classes of {@code level} ({@code .a.b:selected}). */
        private static void style(Node n, String level, String kind) {
            List<String> classes = new ArrayList<>();
            List<String> pseudo = new ArrayList<>();
            for (String part : level.split("(?=[.:])")) {
                if (part.startsWith(".")) {
                    classes.add(part.substring(1));
                } else if (part.startsWith(":")) {
                    pseudo.add(part.substring(1));
                }
            }
            if (kind.equals("tooltip") || kind.equals("label") && !classes.contains("label")) {
                n.getStyleClass().setAll(classes); // a tooltip's label has the tooltip's classes only; so has a cell
            } else {
                n.getStyleClass().addAll(classes.stream().filter(c -> !n.getStyleClass().contains(c)).toList());
            }
            for (String p : pseudo) {
                n.pseudoClassStateChanged(PseudoClass.getPseudoClass(p), true);
            }
        }

        /** The node that draws {@code spec}'s text. */
        Text text(String spec) {
            Node leaf = leaves.get(spec);
            if (leaf instanceof Text t) {
                return t;
            }
            for (Node n : leaf.lookupAll(".text")) {
                if (n instanceof Text t && t.getText() != null && !t.getText().isBlank()) {
                    return t;
                }
            }
            throw new AssertionError("no text drawn in " + spec);
        }
    }

    /** One failing pair, for the message that lists them all. */
    private static String pair(String theme, String where, Color text, Color back, double ratio) {
        return String.format(Locale.ROOT, "%s: %s — text %s on %s: %.2f:1", theme, where, hex(text), hex(back), ratio);
    }

    private static String hex(Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255),
                Math.round(c.getBlue() * 255));
    }

    // ---------------------------------------------------------------- the tests

    @Test
    void everyTextStyleMeetsAaAgainstEveryBackgroundItCanBeDrawnOnInBothThemes(FxRobot robot) {
        List<String> failures = new ArrayList<>();
        int[] pairs = new int[1];
        for (boolean dark : new boolean[] {false, true}) {
            String theme = dark ? "dark" : "light";
            robot.interact(() -> {
                Specimens sp = new Specimens(dark);
                for (String spec : specimens()) {
                    Text t = sp.text(spec);
                    Color fill = (Color) t.getFill();
                    for (Color back : backgroundsUnder(t)) {
                        Color text = over(fill, back);
                        double r = contrast(text, back);
                        pairs[0]++;
                        if (r < AA) {
                            failures.add(pair(theme, spec, text, back, r));
                        }
                    }
                }
            });
        }
        assertTrue(failures.isEmpty(), failures.size() + " of " + pairs[0] + " pairs below " + AA + ":1\n"
                + String.join("\n", failures));
    }

    @Test
    void theHexPaneTextMeetsAaOnEveryLayerItPaintsUnderTextInBothThemes(FxRobot robot) {
        List<String> failures = new ArrayList<>();
        for (boolean dark : new boolean[] {false, true}) {
            String theme = dark ? "dark" : "light";
            robot.interact(() -> {
                Map<String, Color> c = swatches(dark);
                Color back = c.get(HEX_BACKGROUND);
                Color cursor = c.get(HEX_CURSOR);
                List<String> under = new ArrayList<>();
                for (HighlightKind k : HighlightKind.values()) {
                    // the ghost cells have their own text colour; marks and underlines are not under the text
                    if (k != HighlightKind.GHOST && HexPane.look(k) == org.savevminspector.app.gui.hex.StyledRange.Look.FILL) {
                        under.add(k.styleClass());
                    }
                }
                check(failures, theme, "hex bytes on the background", c.get(HEX_TEXT), back);
                check(failures, theme, "hex bytes on a dragged range", c.get(HEX_TEXT),
                        over(cursor.deriveColor(0, 1, 1, DRAG_TINT), back));
                check(failures, theme, "offsets and the column header", c.get(HEX_OFFSET), back);
                check(failures, theme, "ghost bytes past the end", c.get(HEX_GHOST_TEXT), over(c.get(HEX_GHOST), back));
                for (String layer : under) {
                    Color fill = over(c.get(layer), back);
                    check(failures, theme, "hex bytes on " + layer, c.get(HEX_TEXT), fill);
                    check(failures, theme, "hex bytes on a dragged range over " + layer, c.get(HEX_TEXT),
                            over(cursor.deriveColor(0, 1, 1, DRAG_TINT), fill));
                }
                assertTrue(under.size() >= 10, "layers under text: " + under);
            });
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    private static void check(List<String> failures, String theme, String where, Color text, Color back) {
        double r = contrast(over(text, back), back);
        if (r < AA) {
            failures.add(pair(theme, where, text, back, r));
        }
    }

    /** The fill of every hex swatch class in one theme (styled as the hex pane's invisible swatches are). */
    private static Map<String, Color> swatches(boolean dark) {
        Set<String> names = new TreeSet<>(List.of(HEX_TEXT, HEX_OFFSET, HEX_BACKGROUND, HEX_CURSOR, HEX_GHOST,
                HEX_GHOST_TEXT));
        for (HighlightKind k : HighlightKind.values()) {
            names.add(k.styleClass());
        }
        VBox root = new VBox();
        root.getStyleClass().add(dark ? "theme-dark" : "theme-light");
        Map<String, Region> regions = new LinkedHashMap<>();
        for (String n : names) {
            Region r = new Region();
            r.getStyleClass().add(n);
            regions.put(n, r);
            root.getChildren().add(r);
        }
        Scene scene = new Scene(root);
        scene.getStylesheets().setAll(Themes.url(Themes.BASE), Themes.url(dark ? Themes.DARK : Themes.LIGHT));
        root.applyCss();
        Map<String, Color> out = new LinkedHashMap<>();
        regions.forEach((n, r) -> {
            assertNotNull(r.getBackground(), "no colour for ." + n);
            out.put(n, (Color) r.getBackground().getFills().get(0).getFill());
        });
        return out;
    }

    /**
     * No rule escapes the specimens: every rule of inspector.css that colours text applies to the text of at least
     * one specimen, and every rule that lays a background (other than a swatch or a shape) to one of their nodes.
     */
    @Test
    void everyRuleThatColoursTextOrItsBackgroundHasASpecimen(FxRobot robot) throws Exception {
        URL css = Themes.class.getResource(Themes.BASE);
        Stylesheet sheet = new CssParser().parse(css);
        List<String> missing = new ArrayList<>();
        int[] textRules = new int[1];
        robot.interact(() -> {
            Specimens sp = new Specimens(false);
            List<Node> texts = new ArrayList<>();
            for (String spec : specimens()) {
                texts.add(sp.text(spec));
                texts.add(sp.leaves.get(spec));
            }
            for (Rule rule : sheet.getRules()) {
                Set<String> props = new TreeSet<>();
                for (Declaration d : rule.getDeclarations()) {
                    props.add(d.getProperty());
                }
                boolean coloursText = props.contains("-fx-fill") || props.contains("-fx-text-fill");
                boolean laysBackground = props.contains("-fx-background-color");
                for (Selector sel : rule.getSelectors()) {
                    String s = sel.toString();
                    if (coloursText && !s.equals("*.root")) {
                        textRules[0]++;
                        if (texts.stream().noneMatch(n -> matches(sel, n))) {
                            missing.add("text: " + s);
                        }
                    }
                    if (laysBackground && NOT_UNDER_TEXT.stream().noneMatch(s::contains)
                            && sp.all.stream().noneMatch(n -> matches(sel, n))) {
                        missing.add("background: " + s);
                    }
                }
            }
        });
        assertTrue(textRules[0] >= 60, "text rules found: " + textRules[0]);
        assertTrue(missing.isEmpty(), "rules without a specimen:\n" + String.join("\n", missing));
    }

    private static boolean matches(Selector sel, Node n) {
        return sel.applies(n) && sel.stateMatches(n, n.getPseudoClassStates());
    }

    // ---------------------------------------------------------------- real tooltips in the window

    /** The tooltip shown from {@code owner}: its text's fill against its box, in the window's theme. */
    private double tooltipContrast(FxRobot robot, Node owner, Tooltip tip) {
        robot.interact(() -> {
            javafx.geometry.Point2D p = owner.localToScreen(4, 4);
            tip.show(owner, p.getX(), p.getY());
        });
        WaitForAsyncUtils.waitForFxEvents();
        double[] r = new double[1];
        robot.interact(() -> {
            Parent skin = tip.getScene().getRoot();
            Text text = skin.lookupAll(".text").stream().filter(n -> n instanceof Text t && !t.getText().isBlank())
                    .map(n -> (Text) n).findFirst().orElseThrow(() -> new AssertionError("no text in the tooltip"));
            List<Color> backs = backgroundsUnder(text);
            r[0] = backs.stream().mapToDouble(b -> contrast(over((Color) text.getFill(), b), b)).min().orElseThrow();
            tip.hide();
        });
        return r[0];
    }

    @Test
    void theTooltipsTheIssueFoundUnreadableAreReadableInTheWindowInBothThemes(FxRobot robot) {
        window.loadSample(robot);
        for (boolean dark : new boolean[] {false, true}) {
            String theme = dark ? "dark" : "light";
            if (dark) {
                robot.interact(window::toggleTheme);
            }
            robot.interact(window::showDiagnostics);
            WaitForAsyncUtils.waitForFxEvents();
            TreeTableRow<?> error = robot.from(window.diagnostics()).lookup(".tree-table-row-cell").match((TreeTableRow<?> r) ->
                    r.getItem() instanceof DiagnosticsTable.Row d && d.diagnostic() != null
                            && d.diagnostic().severity() == Severity.ERROR).query();
            assertTrue(error.getStyleClass().contains("severity-error"));
            double diag = tooltipContrast(robot, error, error.getTooltip());
            assertTrue(diag >= AA, theme + ": a diagnostic's tooltip " + diag + ":1");
            // the tree's error row (selected and not), the badge
            for (boolean selected : new boolean[] {true, false}) {
                robot.interact(() -> {
                    if (!selected) {
                        window.tree.getSelectionModel().clearSelection();
                    }
                });
                TreeTableRow<?> row = robot.from(window.tree).lookup(".tree-table-row-cell").match((TreeTableRow<?> r) ->
                        r.getItem() instanceof StructureNode n && n.name().equals("version_id")).query();
                assertEquals(selected, row.isSelected());
                assertTrue(row.getStyleClass().contains("status-error"));
                double t = tooltipContrast(robot, row, row.getTooltip());
                assertTrue(t >= AA, theme + ": the tree's error row tooltip " + t + ":1 (selected " + selected + ")");
                robot.interact(() -> window.select(window.document().tree().nodeAt(7230)));
            }
            Control badge = window.statusLine.severity;
            double b = tooltipContrast(robot, badge, badge.getTooltip());
            assertTrue(b >= AA, theme + ": the badge's tooltip " + b + ":1");
        }
        robot.interact(window::toggleTheme);
    }
}
