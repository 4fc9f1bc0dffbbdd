package org.savevminspector.app.gui;

import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.savevminspector.app.gui.model.BookmarkStore;
import org.savevminspector.app.gui.session.Navigator;
import org.savevminspector.app.gui.session.ProblemSteps;
import org.savevminspector.app.gui.session.ViewSession;

/**
 * What the user can do to one session's selection, as menus, keys, ticks and context menus call it: move through
 * the structure, step through the problems, copy, bookmark. Two sessions side by side have one each.
 */
record SessionActions(ViewSession session, Navigator navigate, ProblemSteps problems, ByteCopy copy,
                      BookmarkActions bookmarks) {

    /**
     * A session whose copies say nothing when done and whose bookmarks are not stored ({@code refuse}: where a
     * copy that cannot be done says why).
     */
    static SessionActions of(ViewSession session, Consumer<String> refuse) {
        return of(session, refuse, said -> { }, null, Runnable::run);
    }

    /**
     * {@code refuse}: where a copy that cannot be done says why; {@code say}: where a done one says what it did;
     * {@code store}: where bookmarks are kept ({@code null}: nowhere), read and written on {@code io}.
     */
    static SessionActions of(ViewSession session, Consumer<String> refuse, Consumer<String> say, BookmarkStore store,
                             Executor io) {
        Navigator navigate = new Navigator(session);
        ByteCopy copy = new ByteCopy(session, refuse, say);
        return new SessionActions(session, navigate, new ProblemSteps(session), copy,
                new BookmarkActions(session, navigate, store, io, copy::range));
    }
}
