package org.savevminspector.app.gui;

import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import org.savevminspector.app.gui.model.Bookmark;
import org.savevminspector.app.gui.model.OffsetFormat;
import org.savevminspector.app.gui.session.ViewSession;

/**
 * The Bookmarks tab: a session's bookmarks in offset order — where, how many bytes, the node, the note (edited in
 * place). Selecting one goes there; Delete (or Remove) forgets it. Ctrl+B adds one, F4 / Shift+F4 step through them.
 */
final class BookmarksTable extends BorderPane {
    final TableView<Bookmark> table = new TableView<>();
    private boolean updating;

    BookmarksTable(ViewSession session, BookmarkActions actions) {
        setId("bookmarksPane");
        table.setId("bookmarksTable");
        table.setEditable(true);
        TableColumn<Bookmark, String> note = new TableColumn<>("Note");
        note.setCellValueFactory(p -> new ReadOnlyStringWrapper(p.getValue().note()));
        note.setCellFactory(TextFieldTableCell.forTableColumn());
        note.setOnEditCommit(e -> actions.setNote(e.getRowValue(), e.getNewValue().strip()));
        note.setPrefWidth(360);
        table.getColumns().setAll(List.of(
                Columns.text("Offset", 150, (Bookmark b) -> OffsetFormat.hexAndDecimal(b.offset())),
                Columns.text("Length", 70, b -> Long.toString(b.length())),
                Columns.text("Node", 260, Bookmark::label),
                note));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No bookmarks: Ctrl+B bookmarks the selection with a note; F4 / Shift+F4 "
                + "step through them."));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (!updating && b != null) {
                actions.show(b);
            }
        });
        Button remove = new Button("Remove");
        remove.setId("bookmarkRemove");
        remove.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> removeSelected(actions));
        table.setOnKeyPressed(e -> {
            if ((e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) && table.getEditingCell() == null) {
                removeSelected(actions);
                e.consume();
            }
        });
        HBox bar = new HBox(8, remove, new Label("Double-click a note to edit it."));
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4));
        setCenter(table);
        setBottom(bar);
        // built when its tab is first shown: it starts from the session's bookmarks
        show(session.bookmarks());
        session.bookmarksProperty().addListener((o, a, list) -> show(list));
    }

    private void show(List<Bookmark> list) {
        updating = true;
        try {
            Bookmark selected = table.getSelectionModel().getSelectedItem();
            table.getItems().setAll(list);
            int i = list.indexOf(selected);
            if (i >= 0) {
                table.getSelectionModel().select(i);
            }
        } finally {
            updating = false;
        }
    }

    private void removeSelected(BookmarkActions actions) {
        Bookmark b = table.getSelectionModel().getSelectedItem();
        if (b != null) {
            actions.remove(b);
        }
    }
}
