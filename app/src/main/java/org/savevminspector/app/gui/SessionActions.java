package org.savevminspector.app.gui;

import java.util.function.Consumer;
import org.savevminspector.app.gui.session.Navigator;
import org.savevminspector.app.gui.session.ProblemSteps;
import org.savevminspector.app.gui.session.ViewSession;

/**
 * What the user can do to one session's selection, as menus, keys, ticks and context menus call it: move through
 * the structure, step through the problems, copy. Two sessions side by side have one each.
 */
record SessionActions(ViewSession session, Navigator navigate, ProblemSteps problems, ByteCopy copy) {

    /** {@code refuse}: where a copy that cannot be done says why. */
    static SessionActions of(ViewSession session, Consumer<String> refuse) {
        return new SessionActions(session, new Navigator(session), new ProblemSteps(session), new ByteCopy(session, refuse));
    }
}
