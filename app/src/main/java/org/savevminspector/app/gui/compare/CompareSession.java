package org.savevminspector.app.gui.compare;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import org.savevminspector.app.gui.session.Document;
import org.savevminspector.app.gui.session.Selection;
import org.savevminspector.app.gui.session.ViewSession;
import org.savevminspector.diff.DiffResult;
import org.savevminspector.loader.LoaderProfile;

/**
 * Two files compared, without any view: a {@link ViewSession} per side (each followed by its own tree and hex
 * pane), the comparison's rows ({@link DiffOutline}), the row being looked at, and two switches — the list shows
 * only differences, and selections are linked. Choosing a row selects it on both sides; with linking on, what the
 * user selects on one side selects its {@linkplain Partners partner} on the other, and the row it belongs to
 * becomes the current row, so that F6 goes on from there. All of it lives on the FX thread.
 */
public final class CompareSession {
    /** What stepping says when nothing differs. */
    public static final String NO_DIFFERENCES = "No differences between the two files";

    private final ViewSession a = new ViewSession();
    private final ViewSession b = new ViewSession();
    private final ReadOnlyObjectWrapper<DiffOutline> outline = new ReadOnlyObjectWrapper<>(this, "outline");
    private final ReadOnlyObjectWrapper<DiffRow> current = new ReadOnlyObjectWrapper<>(this, "current");
    private final BooleanProperty differencesOnly = new SimpleBooleanProperty(this, "differencesOnly", true);
    private final BooleanProperty linked = new SimpleBooleanProperty(this, "linked", true);
    private Partners partners;
    /** Set while this class selects on a side itself: that selection is not the user's and is not linked back. */
    private boolean driving;

    public CompareSession() {
        a.selectionProperty().addListener((o, was, s) -> followed(true, s));
        b.selectionProperty().addListener((o, was, s) -> followed(false, s));
    }

    /** Shows two newly opened files and their comparison (the previous files' sources are closed). */
    public void open(Comparison c) {
        driving = true;
        try {
            partners = null;
            current.set(null);
            a.open(c.a());
            b.open(c.b());
        } finally {
            driving = false;
        }
        showResult(c.result());
    }

    /** The same two files compared anew (other ignore rules, another loader): new rows, no current row. */
    public void showResult(DiffResult r) {
        partners = new Partners(r);
        current.set(null);
        outline.set(new DiffOutline(r));
    }

    /**
     * Re-simulates both files with {@code profile} (the same bytes and nodes: what is selected stays); the caller
     * compares them again and {@linkplain #showResult shows} the new result.
     */
    public void useLoader(LoaderProfile profile) {
        driving = true;
        try {
            a.useLoader(profile);
            b.useLoader(profile);
        } finally {
            driving = false;
        }
    }

    /** Makes {@code row} the current row and shows it on both sides (the list was clicked, F6 stepped to it). */
    public void show(DiffRow row) {
        current.set(row);
        if (row == null || partners == null) {
            return;
        }
        driving = true;
        try {
            for (boolean first : new boolean[] {true, false}) {
                ViewSession s = side(first);
                Selection sel = s.document() == null ? null : partners.show(row, first, s.document().tree());
                if (sel != null) {
                    s.select(sel);
                }
            }
        } finally {
            driving = false;
        }
    }

    /** Shows the next difference; what to tell the user ("Difference 2 of 5"), {@code null} before a result. */
    public String next() {
        return step(true);
    }

    /** Shows the previous difference; what to tell the user, {@code null} before a result. */
    public String previous() {
        return step(false);
    }

    private String step(boolean forward) {
        DiffOutline o = outline.get();
        if (o == null) {
            return null;
        }
        DiffOutline.Step s = o.step(current.get(), forward);
        if (s == null) {
            return NO_DIFFERENCES;
        }
        show(s.row());
        String where = "Difference " + s.number() + " of " + o.stops().size();
        if (!s.wrapped()) {
            return where;
        }
        return where + (forward ? " — wrapped round to the first difference" : " — wrapped round to the last difference");
    }

    /** The user selected {@code s} on side a ({@code fromA}) or b: its row becomes current, its partner selected. */
    private void followed(boolean fromA, Selection s) {
        Document from = side(fromA).document();
        Document to = side(!fromA).document();
        if (driving || partners == null || s.node() == null || from == null || to == null) {
            return;
        }
        driving = true;
        try {
            current.set(partners.rowOf(s.node(), fromA, from.tree(), outline.get()));
            Selection partner = linked.get() ? partners.partner(s, fromA, from.tree(), to.tree()) : null;
            if (partner != null) {
                side(!fromA).select(partner);
            }
        } finally {
            driving = false;
        }
    }

    /** The window is gone: closes both files' sources. */
    public void dispose() {
        a.dispose();
        b.dispose();
    }

    public ViewSession a() {
        return a;
    }

    public ViewSession b() {
        return b;
    }

    /** Side a ({@code first}) or b. */
    public ViewSession side(boolean first) {
        return first ? a : b;
    }

    public ReadOnlyObjectProperty<DiffOutline> outlineProperty() {
        return outline.getReadOnlyProperty();
    }

    public DiffOutline outline() {
        return outline.get();
    }

    public ReadOnlyObjectProperty<DiffRow> currentProperty() {
        return current.getReadOnlyProperty();
    }

    public DiffRow current() {
        return current.get();
    }

    public BooleanProperty differencesOnlyProperty() {
        return differencesOnly;
    }

    public BooleanProperty linkedProperty() {
        return linked;
    }
}
