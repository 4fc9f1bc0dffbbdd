package org.savevminspector.app.gui;

import java.util.List;
import javafx.collections.ObservableList;
import javafx.scene.control.TreeItem;
import org.savevminspector.app.gui.model.StructureNode;
import org.savevminspector.app.gui.model.StructureTree;
import org.savevminspector.app.gui.model.TreeFilter;

/**
 * A tree item whose children are made from {@code model} when first asked for, keeping only what
 * {@code filter} keeps ({@code null}: all; under a match: all). It keeps the model it came from (a
 * re-simulation has the same nodes; a table being emptied may still ask a replaced item).
 */
final class LazyTreeItem extends TreeItem<StructureNode> {
    private final StructureTree model;
    private final TreeFilter.Result filter;
    private boolean loaded;

    LazyTreeItem(StructureTree model, StructureNode node, TreeFilter.Result filter) {
        super(node);
        this.model = model;
        this.filter = filter;
    }

    @Override
    public boolean isLeaf() {
        return model.isLeaf(getValue());
    }

    @Override
    public ObservableList<TreeItem<StructureNode>> getChildren() {
        if (!loaded) {
            loaded = true;
            TreeFilter.Result f = filter == null || filter.matches(getValue()) ? null : filter;
            super.getChildren().setAll(items(model, model.children(getValue()), f));
        }
        return super.getChildren();
    }

    @SuppressWarnings("unchecked")
    /** Items for {@code nodes}, those {@code filter} keeps ({@code null}: all). */
    static TreeItem<StructureNode>[] items(StructureTree model, List<StructureNode> nodes, TreeFilter.Result filter) {
        List<StructureNode> shown = filter == null ? nodes : nodes.stream().filter(filter::keeps).toList();
        TreeItem<StructureNode>[] out = new TreeItem[shown.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = new LazyTreeItem(model, shown.get(i), filter);
        }
        return out;
    }
}
