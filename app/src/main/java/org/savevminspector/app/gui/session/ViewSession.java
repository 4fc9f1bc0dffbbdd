package org.savevminspector.app.gui.session;

import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.savevminspector.app.gui.model.Bookmark;
import org.savevminspector.app.gui.model.Bookmarks;
import org.savevminspector.app.gui.model.StructureNode;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.loader.LoaderProfile;
import org.savevminspector.model.Span;

/**
 * One file being looked at: the document, what is selected in it (node, bytes, caret), the loader profile it is
 * simulated with, the current find match, the problem last shown and the file's bookmarks. Views subscribe to these properties and
 * write back only through this class; actions (stepping, find, copy, go to) take a session, never a window. Two
 * sessions in one window are two independent files side by side: nothing is shared.
 *
 * <p>The selection always belongs to the current document. A new document comes with {@link Selection#NONE}
 * (set before the document changes, so a view reading the selection while it takes the new document never meets
 * a node of the old one); the same file {@linkplain Document#withLoader re-simulated} keeps its selection, whose
 * nodes it still has. All of it lives on the FX thread.
 */
public final class ViewSession {
    private final ReadOnlyObjectWrapper<Document> document = new ReadOnlyObjectWrapper<>(this, "document");
    private final ReadOnlyObjectWrapper<Selection> selection = new ReadOnlyObjectWrapper<>(this, "selection", Selection.NONE);
    private final ReadOnlyObjectWrapper<LoaderProfile> loader = new ReadOnlyObjectWrapper<>(this, "loader");
    private final ReadOnlyObjectWrapper<Span> match = new ReadOnlyObjectWrapper<>(this, "match");
    private final ReadOnlyObjectWrapper<Diagnostic> problem = new ReadOnlyObjectWrapper<>(this, "problem");
    private final ReadOnlyObjectWrapper<List<Bookmark>> bookmarks =
            new ReadOnlyObjectWrapper<>(this, "bookmarks", List.of());

    /**
     * Shows {@code d} (null: nothing), simulated with the loader the user chose for an earlier file, if any, and
     * closes the previous document's byte source.
     */
    public void open(Document d) {
        Document old = document.get();
        LoaderProfile chosen = loader.get();
        Document shown = d;
        if (d != null && chosen != null && d.inspection().loader() != null
                && !chosen.name().equals(d.inspection().loader().profile())) {
            shown = d.withLoader(chosen);
        }
        match.set(null);
        problem.set(null);
        selection.set(Selection.NONE);
        bookmarks.set(List.of());
        document.set(shown);
        if (old != null && !old.sameFile(shown)) {
            old.close();
        }
    }

    /**
     * Re-simulates the open file with {@code profile} and keeps it for the files opened after it: diagnostics,
     * statuses and anomalies follow; what is expanded and selected stays (the selection without its problem).
     */
    public void useLoader(LoaderProfile profile) {
        loader.set(profile);
        Document d = document.get();
        if (d == null) {
            return;
        }
        Selection kept = selection.get().withoutProblem();
        match.set(null);
        problem.set(null);
        document.set(d.withLoader(profile));
        selection.set(kept);
    }

    /** The window is gone: closes the document's byte source and tells no view (they are being torn down). */
    public void dispose() {
        Document d = document.get();
        if (d != null) {
            d.close();
        }
    }

    /**
     * Selects {@code s}, which must belong to the current document; its bytes are cut to the file, as the hex pane
     * shows them (a loader's read may run past the end).
     */
    public void select(Selection s) {
        Document d = document.get();
        if (d == null) {
            return;
        }
        long last = Math.max(0, d.size() - 1);
        long start = Math.max(0, Math.min(s.start(), last));
        long caret = Math.max(0, Math.min(s.caret(), last));
        long length = Math.max(0, Math.min(s.length(), d.size() - start));
        selection.set(start == s.start() && caret == s.caret() && length == s.length() ? s
                : new Selection(s.path(), start, length, caret, s.problem()));
    }

    /** Selects the node at the end of {@code path} and its bytes (at least one), caret on its first byte. */
    public void selectNode(List<StructureNode> path) {
        StructureNode n = path.get(path.size() - 1);
        select(new Selection(path, n.offset(), Math.max(1, n.span().length()), n.offset(), null));
    }

    /**
     * Selects {@code [start, start+length)} with the caret at {@code caret} and the innermost node holding the
     * caret (none outside the file).
     */
    public void selectBytes(long start, long length, long caret) {
        Document d = document.get();
        if (d != null) {
            select(new Selection(d.tree().path(caret), start, length, caret, null));
        }
    }

    /** Shows problem {@code d}: its bytes, the node holding its first byte, its explanation. */
    public void showProblem(Diagnostic d, List<StructureNode> path, long start, long length) {
        problem.set(d);
        select(new Selection(path, start, length, start, d));
    }

    /** The open file's bookmarks (they are kept in offset order); none without a file. */
    public void setBookmarks(List<Bookmark> list) {
        bookmarks.set(document.get() == null ? List.of() : Bookmarks.sorted(list));
    }

    /** The find match to show ({@code null}: none). */
    public void setMatch(Span m) {
        match.set(m);
    }

    public ReadOnlyObjectProperty<Document> documentProperty() {
        return document.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Selection> selectionProperty() {
        return selection.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<LoaderProfile> loaderProperty() {
        return loader.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Span> matchProperty() {
        return match.getReadOnlyProperty();
    }

    /** The problem last stepped to or clicked: stepping goes on from it while the caret stays on its byte. */
    public ReadOnlyObjectProperty<Diagnostic> problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<Bookmark>> bookmarksProperty() {
        return bookmarks.getReadOnlyProperty();
    }

    public List<Bookmark> bookmarks() {
        return bookmarks.get();
    }

    public Document document() {
        return document.get();
    }

    public Selection selection() {
        return selection.get();
    }

    /** The caret's offset (0 when nothing is open). */
    public long caret() {
        return selection.get().caret();
    }

    public Span match() {
        return match.get();
    }

    public Diagnostic problem() {
        return problem.get();
    }
}
