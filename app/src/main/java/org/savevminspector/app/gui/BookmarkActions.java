package org.savevminspector.app.gui;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.control.TextInputDialog;
import javafx.stage.Window;
import org.savevminspector.app.gui.model.Bookmark;
import org.savevminspector.app.gui.model.BookmarkStore;
import org.savevminspector.app.gui.model.Bookmarks;
import org.savevminspector.app.gui.model.OffsetFormat;
import org.savevminspector.app.gui.model.StructureNode;
import org.savevminspector.app.gui.session.Document;
import org.savevminspector.app.gui.session.Navigator;
import org.savevminspector.app.gui.session.ViewSession;
import org.savevminspector.model.Span;

/**
 * A session's bookmarks: add one with a note on the bytes a copy would take (the selected node with the tree
 * focused, the selected range elsewhere), change its note, remove it, F4 / Shift+F4 through them from the caret.
 * They are read from the {@link BookmarkStore} when a file opens and written back after each change, on the I/O
 * executor; a session without a store keeps them for as long as the file is open.
 */
final class BookmarkActions {
    private final ViewSession session;
    private final BookmarkStore store;
    private final Executor io;
    private final Supplier<Span> range;
    private final Navigator navigate;

    /** {@code store} may be {@code null}; {@code range}: the bytes a new bookmark marks. */
    BookmarkActions(ViewSession session, Navigator navigate, BookmarkStore store, Executor io, Supplier<Span> range) {
        this.session = session;
        this.navigate = navigate;
        this.store = store;
        this.io = io;
        this.range = range;
        session.documentProperty().addListener((o, was, now) -> {
            if (now != null && !now.sameFile(was)) {
                load(now);
            }
        });
    }

    private static String key(Document d) {
        // the bundled sample is unpacked to a new temporary folder each run: it is known by its name
        return d.synthetic() ? "bundled sample " + d.displayName() + "|" + d.size() : BookmarkStore.key(d.path(), d.size());
    }

    private void load(Document d) {
        if (store == null) {
            return;
        }
        String key = key(d);
        io.execute(() -> {
            List<Bookmark> list = store.load(key);
            Platform.runLater(() -> {
                if (session.document() == d && session.bookmarks().isEmpty()) {
                    session.setBookmarks(list);
                }
            });
        });
    }

    private void changed(List<Bookmark> list) {
        Document d = session.document();
        session.setBookmarks(list);
        if (store != null && d != null) {
            String key = key(d);
            List<Bookmark> saved = session.bookmarks();
            io.execute(() -> store.save(key, saved));
        }
    }

    /** Bookmarks the bytes a copy would take now, with {@code note}; {@code null} without a file. */
    Bookmark add(String note) {
        Span r = range.get();
        if (r == null) {
            return null;
        }
        StructureNode n = session.selection().node();
        String label = n != null && n.span().equals(r) ? n.path() : "";
        Bookmark b = new Bookmark(r.offset(), r.length(), label, note.strip());
        List<Bookmark> list = new ArrayList<>(session.bookmarks());
        list.add(b);
        changed(list);
        return b;
    }

    /** Go → Add Bookmark: asks for a note, then bookmarks. Says what it did, or why not. */
    String addWithNote(Window owner) {
        Span r = range.get();
        if (r == null) {
            return null;
        }
        TextInputDialog ask = new TextInputDialog();
        ask.initOwner(owner);
        ask.setTitle("Add bookmark");
        ask.setHeaderText("Bookmark " + r.length() + (r.length() == 1 ? " byte" : " bytes") + " at "
                + OffsetFormat.hexAndDecimal(r.offset()));
        ask.setContentText("Note:");
        ask.getEditor().setId("bookmarkNote");
        if (owner != null && owner.getScene() != null) {
            ask.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
            ask.getDialogPane().getStyleClass().addAll(owner.getScene().getRoot().getStyleClass());
        }
        return ask.showAndWait().map(note -> "Bookmarked " + add(note).title() + " — F4 steps through the bookmarks")
                .orElse(null);
    }

    void remove(Bookmark b) {
        List<Bookmark> list = new ArrayList<>(session.bookmarks());
        if (list.remove(b)) {
            changed(list);
        }
    }

    void setNote(Bookmark b, String note) {
        List<Bookmark> list = new ArrayList<>(session.bookmarks());
        int i = list.indexOf(b);
        if (i >= 0 && !b.note().equals(note)) {
            list.set(i, b.withNote(note));
            changed(list);
        }
    }

    /** Goes to a bookmark: selects its bytes. */
    void show(Bookmark b) {
        navigate.selectBytes(b.offset(), b.length());
    }

    /** F4: the next bookmark after the caret; says which ("Bookmark 2 of 3: …"), or that there is none. */
    String next() {
        return step(true);
    }

    /** Shift+F4: the previous bookmark. */
    String previous() {
        return step(false);
    }

    private String step(boolean forward) {
        if (session.document() == null) {
            return null;
        }
        List<Bookmark> list = session.bookmarks();
        if (list.isEmpty()) {
            return "No bookmarks in this file: Ctrl+B bookmarks the selection.";
        }
        long caret = session.caret();
        int i = forward ? Bookmarks.next(list, caret) : Bookmarks.previous(list, caret);
        show(list.get(i));
        return "Bookmark " + (i + 1) + " of " + list.size() + ": " + list.get(i).title()
                + (Bookmarks.wrapped(list, i, caret, forward) ? " — wrapped round" : "");
    }
}
