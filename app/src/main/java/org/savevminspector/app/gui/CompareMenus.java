package org.savevminspector.app.gui;

import static org.savevminspector.app.gui.Commands.ALT;
import static org.savevminspector.app.gui.Commands.SHIFT;
import static org.savevminspector.app.gui.Commands.SHORTCUT;
import static org.savevminspector.app.gui.Commands.item;
import static org.savevminspector.app.gui.Commands.key;
import static org.savevminspector.app.gui.Commands.tool;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import org.savevminspector.app.gui.compare.CompareSession;
import org.savevminspector.diff.IgnoreRules;
import org.savevminspector.diff.VolatileField;
import org.savevminspector.diff.VolatileFields;
import org.savevminspector.loader.LoaderProfile;
import org.savevminspector.loader.LoaderProfiles;

/**
 * Every command of the compare window with its key, and its switches: F6 / Shift+F6 step through the differences;
 * "Differences only" filters the list; "Linked" makes a selection on one side select its partner on the other;
 * the ignore globs, "Ignore volatile" and the Loader menu compare the files again. Copy, Go to offset and the
 * section and field steps act on the side whose tree or hex pane had the focus last (with linking, the other side
 * follows).
 */
final class CompareMenus {
    private final CompareWindow window;
    private final CompareSession compare;
    private final SessionActions actionsA;
    private final SessionActions actionsB;
    private final ThemeItem theme = new ThemeItem("_Dark Theme");
    private final ToggleGroup loaders = new ToggleGroup();
    final BooleanProperty ignoreVolatile = new SimpleBooleanProperty(this, "ignoreVolatile");
    final TextField ignore = new TextField();
    final CheckBox differencesOnly = new CheckBox("Differences only");
    final CheckBox linked = new CheckBox("Linked selection");
    final CheckBox volatileBox = new CheckBox("Ignore volatile");

    CompareMenus(CompareWindow window, CompareSession compare, SessionActions actionsA, SessionActions actionsB) {
        this.window = window;
        this.compare = compare;
        this.actionsA = actionsA;
        this.actionsB = actionsB;
        differencesOnly.setId("differencesOnly");
        differencesOnly.selectedProperty().bindBidirectional(compare.differencesOnlyProperty());
        differencesOnly.setTooltip(new Tooltip("List only what differs; off: every section, identical ones too"));
        linked.setId("linkedSelection");
        linked.selectedProperty().bindBidirectional(compare.linkedProperty());
        linked.setTooltip(new Tooltip("Selecting a field, section or byte on one side selects the same field on the other"));
        volatileBox.setId("ignoreVolatile");
        volatileBox.selectedProperty().bindBidirectional(ignoreVolatile);
        volatileBox.setTooltip(new Tooltip("Leave out what changes between any two saves of a running guest:\n"
                + VolatileFields.ALL.stream().map(CompareMenus::describe).collect(Collectors.joining("\n"))));
        ignoreVolatile.addListener((o, a, b) -> apply());
        ignore.setId("ignoreGlobs");
        ignore.setPrefColumnCount(24);
        ignore.setPromptText("globs, e.g. timer.*, rtl8139.tally.*");
        ignore.setTooltip(new Tooltip("Fields to leave out, as IDSTR.PATH globs separated by commas (* any "
                + "characters, ? one); a section or group name covers everything inside it. Enter applies."));
        ignore.setOnAction(e -> apply());
    }

    private static String describe(VolatileField v) {
        return String.join(", ", v.globs()) + ": " + v.why();
    }

    MenuBar menuBar() {
        MenuBar bar = new MenuBar(file(), edit(), go(), view(), loader());
        bar.setId("compareMenuBar");
        return bar;
    }

    private Menu file() {
        return new Menu("_File", null,
                item("Compare _Again (reread both files)", key(KeyCode.F5), window::compareAgain),
                item("Export Comparison as _JSON…", key(KeyCode.J, SHORTCUT, SHIFT), window::exportJson),
                new SeparatorMenuItem(),
                item("_Close Window", key(KeyCode.W, SHORTCUT), () -> window.stage().close()));
    }

    private Menu edit() {
        return new Menu("_Edit", null,
                item("Copy as _Hex", key(KeyCode.C, SHORTCUT), () -> active().copy().bytes(ByteCopy.Form.HEX)),
                item("Copy as _C Array", key(KeyCode.C, SHORTCUT, SHIFT), () -> active().copy().bytes(ByteCopy.Form.C)),
                item("Copy as _Python Bytes", key(KeyCode.C, SHORTCUT, ALT), () -> active().copy().bytes(ByteCopy.Form.PYTHON)),
                item("Copy Node _Value", key(KeyCode.V, SHORTCUT, ALT), () -> active().copy().value()));
    }

    private Menu go() {
        return new Menu("_Go", null,
                item("Next _Difference", key(KeyCode.F6), window::nextDifference),
                item("Previous D_ifference", key(KeyCode.F6, SHIFT), window::previousDifference),
                new SeparatorMenuItem(),
                item("_Go to Offset…", key(KeyCode.G, SHORTCUT), () -> window.activePane().goToOffset()),
                item("Next _Section", key(KeyCode.F8), () -> active().navigate().nextSection()),
                item("Previous S_ection", key(KeyCode.F8, SHIFT), () -> active().navigate().previousSection()),
                item("Next _Field", key(KeyCode.F7), () -> active().navigate().nextField()),
                item("Previous F_ield", key(KeyCode.F7, SHIFT), () -> active().navigate().previousField()));
    }

    private Menu view() {
        CheckMenuItem only = new CheckMenuItem("Differences _Only");
        only.selectedProperty().bindBidirectional(compare.differencesOnlyProperty());
        CheckMenuItem link = new CheckMenuItem("_Linked Selection");
        link.selectedProperty().bindBidirectional(compare.linkedProperty());
        CheckMenuItem vol = new CheckMenuItem("Ignore _Volatile Fields");
        vol.selectedProperty().bindBidirectional(ignoreVolatile);
        return new Menu("_View", null,
                only, link, vol,
                new SeparatorMenuItem(),
                theme.item(),
                item("Focus Side _a", key(KeyCode.DIGIT1, SHORTCUT), () -> window.paneA.tree.requestFocus()),
                item("Focus Side _b", key(KeyCode.DIGIT2, SHORTCUT), () -> window.paneB.tree.requestFocus()),
                item("Focus the Li_st", key(KeyCode.DIGIT3, SHORTCUT), () -> window.list.requestFocus()),
                new SeparatorMenuItem(),
                item("Zoom _In", key(KeyCode.EQUALS, SHORTCUT), () -> bothHex(p -> p.hex().zoomIn())),
                item("Zoom _Out", key(KeyCode.MINUS, SHORTCUT), () -> bothHex(p -> p.hex().zoomOut())),
                item("_Reset Zoom", key(KeyCode.DIGIT0, SHORTCUT), () -> bothHex(p -> p.hex().zoomReset())));
    }

    /** Whose qemu-dm simulates both files (the loader outcomes of the summary line): one of the loader profiles. */
    private Menu loader() {
        Menu m = new Menu("_Loader");
        for (LoaderProfile p : LoaderProfiles.all()) {
            RadioMenuItem item = new RadioMenuItem(p.name());
            item.setToggleGroup(loaders);
            item.setUserData(p.name());
            item.setSelected(p.name().equals(LoaderProfiles.upstream().name()));
            item.setOnAction(e -> window.setLoader(p));
            m.getItems().add(item);
        }
        return m;
    }

    /** Marks {@code profile} as the loader in use. */
    void showLoader(LoaderProfile profile) {
        loaders.getToggles().forEach(t -> t.setSelected(profile.name().equals(t.getUserData())));
    }

    ToolBar toolBar() {
        ToolBar tb = new ToolBar(
                tool("◀ Difference", "Previous difference (Shift+F6)", window::previousDifference, "prevDifference"),
                tool("Difference ▶", "Next difference (F6)", window::nextDifference, "nextDifference"),
                new Separator(Orientation.VERTICAL),
                differencesOnly, linked,
                new Separator(Orientation.VERTICAL),
                volatileBox, new Label("Ignore:"), ignore,
                tool("Apply", "Compare again without the fields the globs name", this::apply, "applyIgnore"));
        tb.setId("compareToolBar");
        return tb;
    }

    /** The theme, the keys of both hex panes' zoom, and the routing that makes every key work wherever the focus is. */
    void install(Scene scene) {
        theme.install(scene);
        var keys = scene.getAccelerators();
        keys.put(key(KeyCode.PLUS, SHORTCUT, KeyCombination.SHIFT_ANY), () -> bothHex(p -> p.hex().zoomIn()));
        keys.put(key(KeyCode.ADD, SHORTCUT), () -> bothHex(p -> p.hex().zoomIn()));
        keys.put(key(KeyCode.SUBTRACT, SHORTCUT), () -> bothHex(p -> p.hex().zoomOut()));
        KeyRouter.install(scene);
    }

    void toggleTheme() {
        theme.toggle();
    }

    /** The globs typed, in order, blank entries left out. */
    List<String> globs() {
        return Arrays.stream(ignore.getText().split(",")).map(String::trim).filter(g -> !g.isEmpty()).toList();
    }

    /** What is left out, for the summary line: {@code ignoring timer.*, the volatile set}. */
    String rulesText() {
        List<String> parts = new ArrayList<>(globs());
        if (ignoreVolatile.get()) {
            parts.add("the volatile set");
        }
        return parts.isEmpty() ? "" : "ignoring " + String.join(", ", parts);
    }

    /** Compares again with the rules as they now stand. */
    private void apply() {
        window.setRules(IgnoreRules.of(globs(), ignoreVolatile.get()));
    }

    private SessionActions active() {
        return window.activePane() == window.paneA ? actionsA : actionsB;
    }

    private void bothHex(Consumer<SessionPane> zoom) {
        zoom.accept(window.paneA);
        zoom.accept(window.paneB);
    }
}
