package org.savevminspector.app.gui;

import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.savevminspector.app.gui.compare.CompareSession;
import org.savevminspector.app.gui.compare.DiffRow;
import org.savevminspector.diff.ContentDiff;
import org.savevminspector.model.Field;
import org.savevminspector.model.Span;

/**
 * Moving through the differences of the compare window (F6 / Shift+F6, a row chosen in the list): the session
 * selects the row on both sides, a byte array's first differing byte comes into view in both hex panes, and where
 * the step went (or that there is nothing to step to) shows in the status bar.
 */
final class DifferenceSteps {
    private final CompareSession compare;
    private final SessionPane paneA;
    private final SessionPane paneB;
    private final Consumer<String> flash;
    private final BooleanSupplier ignoring;

    /** {@code ignoring}: whether ignore rules are in force, which "no differences" then says. */
    DifferenceSteps(CompareSession compare, SessionPane paneA, SessionPane paneB, Consumer<String> flash,
                    BooleanSupplier ignoring) {
        this.compare = compare;
        this.paneA = paneA;
        this.paneB = paneB;
        this.flash = flash;
        this.ignoring = ignoring;
    }

    /** A row chosen in the list: both sides show it, and a byte array's first differing byte comes into view. */
    void choose(DiffRow row) {
        compare.show(row);
        revealDifference(row);
    }

    void next() {
        say(compare.next());
        revealDifference(compare.current());
    }

    void previous() {
        say(compare.previous());
        revealDifference(compare.current());
    }

    private void revealDifference(DiffRow row) {
        if (row instanceof DiffRow.FieldRow f && f.field().content() != null) {
            reveal(paneA, f.field().a(), f.field().content());
            reveal(paneB, f.field().b(), f.field().content());
        }
    }

    private static void reveal(SessionPane pane, Field f, ContentDiff c) {
        if (f != null && !c.ranges().isEmpty()) {
            Span s = f.span();
            pane.hex().reveal(Math.min(s.end() - 1, s.offset() + c.ranges().get(0).offset()));
        }
    }

    /** What stepping says, in the status bar (with the ignore rules, "no differences" says so). */
    void say(String text) {
        if (text != null) {
            flash.accept(CompareSession.NO_DIFFERENCES.equals(text) && ignoring.getAsBoolean()
                    ? text + " (with the ignore rules)" : text);
        }
    }
}
