package org.savevminspector.app.gui;

import java.nio.file.Path;
import javafx.stage.Stage;
import org.savevminspector.app.gui.session.Document;
import org.savevminspector.app.gui.session.ViewSession;

/**
 * How the viewer opens a compare window: on two files it was given (dropped, or the original and a repaired copy),
 * on the open file and one more (a drop with Ctrl+Shift held, File → Compare With…), or on two files chosen now
 * when none is open. The window simulates both with the loader the viewer's session uses.
 */
final class CompareOpener {
    private final Stage owner;
    private final FileDialogs dialogs;
    private final Banner banner;
    private final ViewSession session;

    CompareOpener(Stage owner, FileDialogs dialogs, Banner banner, ViewSession session) {
        this.owner = owner;
        this.dialogs = dialogs;
        this.banner = banner;
        this.session = session;
    }

    /** File → Compare With…: the open file against one chosen now; with nothing open, both are chosen now. */
    void withChosen() {
        Document d = session.document();
        CompareSide a = d != null ? CompareSide.of(d) : chosen("Compare: the first file (a)", null);
        if (a == null) {
            return;
        }
        CompareSide b = chosen("Compare " + a.displayName() + " with…",
                d != null ? d.directory() : a.path().getParent());
        if (b != null) {
            compare(a, b);
        }
    }

    private CompareSide chosen(String title, Path dir) {
        Path p = dialogs.chooseOpen(owner, title, dir);
        return p == null ? null : CompareSide.of(p);
    }

    /** The open file (a; one is open) against {@code other} (b). */
    boolean withOpen(Path other) {
        return compare(CompareSide.of(session.document()), CompareSide.of(other));
    }

    /** {@code original} (a) against the repaired copy written from it (b). */
    void withOriginal(Document original, Path written) {
        compare(CompareSide.of(original), CompareSide.of(written));
    }

    /** Opens a compare window on {@code a} and {@code b}; false (with a notification) when either cannot be read. */
    boolean compare(CompareSide a, CompareSide b) {
        String why = CompareWindow.unreadable(a, b);
        if (why != null) {
            banner.error(why);
            return false;
        }
        // the loader the viewer simulates with, so that the comparison speaks of the same qemu-dm
        CompareWindow.open(new Stage(), a, b, dialogs, session.loaderProperty().get());
        return true;
    }
}
