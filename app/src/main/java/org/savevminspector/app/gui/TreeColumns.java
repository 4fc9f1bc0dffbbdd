package org.savevminspector.app.gui;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.util.Callback;
import org.savevminspector.app.gui.model.NodeColumns;
import org.savevminspector.app.gui.model.StructureNode;
import org.savevminspector.app.gui.model.StructureTree;
import org.savevminspector.model.Hex;
import org.savevminspector.report.PrintableText;

/**
 * The structure tree's columns and their widths. Each column but Value is at least as wide as the widest text it
 * can hold in the open file, measured in the cells' font: Offset the offset of the file's last byte, Length the
 * longest node, Type every type word. Value takes whatever width is left; when the tree is narrower than the
 * columns need (a small window, a zoomed hex pane beside it), the columns keep their widths and the tree scrolls
 * sideways, so no offset is ever cut to "0x…".
 */
final class TreeColumns {
    /** Value never gets narrower than this; it is the one column whose text may be cut (the detail has it whole). */
    static final double VALUE_MIN = 140;
    /** A cell's padding and border, either side together, and a little air. */
    private static final double CELL_SLACK = 14;
    /** The disclosure arrow and the status icon before a name. */
    private static final double NAME_LEAD = 36;
    private static final double NAME_MAX = 280;

    final TreeTableColumn<StructureNode, StructureNode> name = column("Name");
    final TreeTableColumn<StructureNode, StructureNode> type = column("Type");
    final TreeTableColumn<StructureNode, StructureNode> inst = column("Inst");
    final TreeTableColumn<StructureNode, StructureNode> ver = column("Ver");
    final TreeTableColumn<StructureNode, StructureNode> offset = column("Offset");
    final TreeTableColumn<StructureNode, StructureNode> length = column("Length");
    final TreeTableColumn<StructureNode, StructureNode> value = column("Value");
    private final TreeTableView<StructureNode> view;
    private Font fittedFont;
    private StructureTree fittedFor;
    private long fittedSize = -1;

    TreeColumns(TreeTableView<StructureNode> view, Supplier<StructureTree> model,
                Callback<TreeTableColumn<StructureNode, StructureNode>, TreeTableCell<StructureNode, StructureNode>> nameCell) {
        this.view = view;
        name.setCellFactory(nameCell);
        type.setCellFactory(c -> textCell(n -> NodeColumns.type(model.get(), n)));
        inst.setCellFactory(c -> textCell(n -> NodeColumns.instance(model.get(), n)));
        ver.setCellFactory(c -> textCell(n -> NodeColumns.version(model.get(), n)));
        offset.setCellFactory(c -> textCell(n -> Hex.padded(n.offset())));
        length.setCellFactory(c -> textCell(n -> Long.toString(n.span().length())));
        value.setCellFactory(c -> textCell(n -> NodeColumns.value(model.get(), n)));
        view.getColumns().setAll(List.of(name, type, inst, ver, offset, length, value));
        // the widths are this class's: Value gets the rest, the tree scrolls sideways when there is none
        view.setColumnResizePolicy(TreeTableView.UNCONSTRAINED_RESIZE_POLICY);
        for (TreeTableColumn<StructureNode, StructureNode> c : fixed()) {
            c.widthProperty().addListener((o, a, b) -> view.requestLayout());
        }
        fit(null, 0, Font.font(12));
    }

    private List<TreeTableColumn<StructureNode, StructureNode>> fixed() {
        return List.of(name, type, inst, ver, offset, length);
    }

    private static TreeTableColumn<StructureNode, StructureNode> column(String title) {
        TreeTableColumn<StructureNode, StructureNode> c = new TreeTableColumn<>(title);
        c.setSortable(false);
        c.setCellValueFactory(p -> new ReadOnlyObjectWrapper<>(p.getValue().getValue()));
        return c;
    }

    private static TreeTableCell<StructureNode, StructureNode> textCell(Function<StructureNode, String> f) {
        return new TreeTableCell<>() {
            @Override
            protected void updateItem(StructureNode item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : PrintableText.escape(f.apply(item)));
            }
        };
    }

    /**
     * At each layout: the minimum widths again when the file or the cells' font changed, then Value to what is
     * left of the tree's width.
     */
    void layout(StructureTree model, long size) {
        Font font = cellFont();
        if (model != fittedFor || size != fittedSize || !font.equals(fittedFont)) {
            fit(model, size, font);
        }
        double others = 0;
        for (TreeTableColumn<StructureNode, StructureNode> c : fixed()) {
            others += c.getWidth();
        }
        double rest = Math.max(value.getMinWidth(), Math.floor(contentWidth() - others));
        if (Math.abs(value.getPrefWidth() - rest) > 0.5) {
            value.setPrefWidth(rest);
        }
    }

    /** Minimum (and starting) widths from the widest text of each column in {@code font}. */
    private void fit(StructureTree model, long size, Font font) {
        fittedFor = model;
        fittedSize = size;
        fittedFont = font;
        Font header = Font.font(font.getFamily(), FontWeight.BOLD, font.getSize());
        List<StructureNode> roots = model == null ? List.of() : model.roots();
        Set<String> types = NodeColumns.typeWords();
        List<String> names = new ArrayList<>();
        List<String> insts = new ArrayList<>();
        List<String> vers = new ArrayList<>();
        long longest = 0;
        for (StructureNode n : roots) {
            names.add(PrintableText.escape(n.name()));
            insts.add(NodeColumns.instance(model, n));
            vers.add(NodeColumns.version(model, n));
            longest = Math.max(longest, n.span().length());
        }
        set(name, Math.min(NAME_MAX, NAME_LEAD + widest(names, font)), header, 170);
        set(type, widest(types, font), header, 0);
        set(inst, widest(insts, font), header, 0);
        set(ver, widest(vers, font), header, 0);
        set(offset, width(Hex.padded(Math.max(0, size - 1)), font), header, 0);
        set(length, width(Long.toString(longest), font), header, 0);
        value.setMinWidth(Math.max(VALUE_MIN, width(value.getText(), header) + CELL_SLACK));
    }

    /** Minimum: the content or the title, whichever is wider; the width starts there, or at {@code pref}. */
    private static void set(TreeTableColumn<?, ?> c, double content, Font header, double pref) {
        double min = Math.ceil(Math.max(content, width(c.getText(), header)) + CELL_SLACK);
        c.setMinWidth(min);
        c.setPrefWidth(Math.max(min, pref));
    }

    private static double widest(Iterable<String> texts, Font font) {
        double w = 0;
        for (String t : texts) {
            w = Math.max(w, width(t, font));
        }
        return w;
    }

    static double width(String text, Font font) {
        Text probe = new Text(text);
        probe.setFont(font);
        return probe.getLayoutBounds().getWidth();
    }

    /** The font the cells are drawn in (the stylesheet's), or 12 px until a cell exists. */
    Font cellFont() {
        Node cell = view.lookup(".tree-table-cell");
        return cell instanceof TreeTableCell<?, ?> c ? c.getFont() : Font.font(12);
    }

    /** The width the columns can share without scrolling: the tree's, less its borders and vertical scroll bar. */
    private double contentWidth() {
        double w = view.getWidth() - view.snappedLeftInset() - view.snappedRightInset();
        for (Node n : view.lookupAll(".scroll-bar")) {
            if (n instanceof ScrollBar b && b.getOrientation() == Orientation.VERTICAL && b.isVisible()) {
                w -= b.getWidth();
            }
        }
        return w;
    }
}
