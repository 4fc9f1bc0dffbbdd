package org.savevminspector.app.gui;

import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import org.savevminspector.app.gui.hex.HexView;
import org.savevminspector.app.gui.session.Document;
import org.savevminspector.app.gui.session.ViewSession;

/**
 * One session's tree (with its filter box) and hex pane, side by side, with the ticks beside both scroll bars and
 * the right-click menus: everything that shows a file's structure and bytes. A window holds one; a comparison holds
 * two, each with its own session and {@linkplain #stack stacked} (tree over hex pane), so that the two fit side by
 * side.
 */
final class SessionPane extends SplitPane {
    final StructureTreeView tree;
    final TreeFilterBar filter;
    final MarkerStrip treeMarkers = new MarkerStrip();
    final HexPane hexPane;
    private final SessionActions actions;

    SessionPane(SessionActions actions) {
        this.actions = actions;
        ViewSession session = actions.session();
        tree = new StructureTreeView(session);
        filter = new TreeFilterBar(session, tree);
        hexPane = new HexPane(session, actions.problems());
        BorderPane treePane = new BorderPane(tree);
        treePane.setTop(filter);
        treePane.setRight(treeMarkers);
        treePane.setMinWidth(260);
        getItems().setAll(treePane, hexPane);
        // the hex pane has a natural width (its columns): a wider window widens the tree, where the text is
        SplitPane.setResizableWithParent(hexPane, false);

        treeMarkers.setOnMarkClicked(actions.problems()::show);
        // expanding or collapsing rows moves the sections the tree ticks stand for
        tree.expandedItemCountProperty().addListener((o, a, b) -> updateTreeMarks());
        tree.rootProperty().addListener((o, a, b) -> updateTreeMarks());
        tree.heightProperty().addListener((o, a, b) -> updateTreeMarks());
        session.documentProperty().addListener((o, a, b) -> updateTreeMarks());
        tree.setContextMenu(ContextMenus.of(actions, this::goToOffset, "treeMenu"));
        hex().setContextMenu(ContextMenus.of(actions, this::goToOffset, "hexMenu"));
        // a copy from the tree takes the node's bytes, whatever range the hex pane shows
        actions.copy().setTreeFocused(tree::isFocused);
    }

    /** Tree over hex pane, sharing the height: each as wide as the pane (a comparison shows two side by side). */
    void stack() {
        setOrientation(Orientation.VERTICAL);
        SplitPane.setResizableWithParent(hexPane, true);
        setDividerPositions(0.4);
    }

    HexView hex() {
        return hexPane.hex;
    }

    /** What the tree shows while no file is open (the window's drop target). */
    void setEmptyState(Node n) {
        tree.setEmptyPlaceholder(n);
    }

    /** Edit → Filter Tree: the focus in the filter box, its text selected. */
    void focusFilter() {
        filter.field.requestFocus();
        filter.field.selectAll();
    }

    /** Go → Go to offset: asks for an offset in the open file (checked as it is typed) and goes there. */
    void goToOffset() {
        Document d = actions.session().document();
        if (d != null) {
            new GoToOffsetDialog(getScene().getWindow(), d.displayName(), d.size(), actions.session().caret())
                    .showAndWait().ifPresent(actions.navigate()::goTo);
        }
    }

    private void updateTreeMarks() {
        Node header = tree.lookup(".column-header-background");
        double headerHeight = header == null ? 24 : header.getLayoutBounds().getHeight();
        treeMarkers.setMarks(ProblemTicks.forTree(actions.session().document(), tree), headerHeight + 14, 14);
    }
}
