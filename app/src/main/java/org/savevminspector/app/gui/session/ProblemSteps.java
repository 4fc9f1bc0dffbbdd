package org.savevminspector.app.gui.session;

import java.util.List;
import org.savevminspector.app.gui.model.Stepper;
import org.savevminspector.app.gui.model.StructureNode;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.diagnostics.Severity;

/**
 * Problems, as an IDE steps through them: the gravest one shown when a file opens, next and previous from the
 * caret (saying so when it goes round the end), one shown on request (a click in the diagnostics or on a tick).
 * Showing a problem selects its bytes and the node holding them and explains it; nothing here knows of views.
 */
public final class ProblemSteps {
    private final ViewSession session;

    public ProblemSteps(ViewSession session) {
        this.session = session;
    }

    /** On open: shows the first of the gravest problems, if it is a warning or an error. */
    public void showFirst() {
        Document d = session.document();
        if (d == null) {
            return;
        }
        int i = new Stepper(d.tree()).firstGravest();
        if (i >= 0 && d.inspection().diagnostics().get(i).severity().atLeast(Severity.WARN)) {
            show(i);
        }
    }

    /** Shows the next problem; returns what to tell the user ("Problem 2 of 6"), {@code null} with no file. */
    public String next() {
        return step(true);
    }

    /** Shows the previous problem; returns what to tell the user, {@code null} with no file. */
    public String previous() {
        return step(false);
    }

    private String step(boolean forward) {
        Document d = session.document();
        if (d == null) {
            return null;
        }
        List<Diagnostic> ds = d.inspection().diagnostics();
        if (ds.isEmpty()) {
            return "No problems in this file.";
        }
        Stepper s = new Stepper(d.tree());
        int current = indexOf(ds, session.problem());
        Stepper.ProblemStep step = forward ? s.nextProblem(current, session.caret()) : s.previousProblem(current, session.caret());
        show(step.index());
        String where = "Problem " + (step.index() + 1) + " of " + ds.size();
        return step.wrapped()
                ? where + (forward ? " — wrapped round to the first problem" : " — wrapped round to the last problem")
                : where;
    }

    /** Shows {@code d} when it is one of the open file's diagnostics. */
    public void show(Diagnostic d) {
        Document doc = session.document();
        if (doc != null) {
            int i = doc.inspection().diagnostics().indexOf(d);
            if (i >= 0) {
                show(i);
            }
        }
    }

    /** Shows problem {@code index}: its bytes, the node holding its first byte, its explanation. */
    private void show(int index) {
        Document doc = session.document();
        Diagnostic d = doc.inspection().diagnostics().get(index);
        long off = new Stepper(doc.tree()).anchor(d);
        List<StructureNode> path = doc.tree().path(off);
        session.showProblem(d, path, off, Math.max(1, Math.min(d.length(), doc.size() - off)));
    }

    private static int indexOf(List<Diagnostic> ds, Diagnostic d) {
        for (int i = 0; i < ds.size(); i++) {
            if (ds.get(i) == d) {
                return i;
            }
        }
        return -1;
    }
}
