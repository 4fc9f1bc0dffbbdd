package org.savevminspector.app.gui;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A part of the window made the first time it is needed (a tab shown, a bar opened), not at start-up: less to
 * build, style and lay out before the first frame. FX thread only.
 */
final class Lazy<T> implements Supplier<T> {
    private final Supplier<T> make;
    private T made;

    Lazy(Supplier<T> make) {
        this.make = make;
    }

    /** The part, made now if it was not yet. */
    @Override
    public T get() {
        if (made == null) {
            made = make.get();
        }
        return made;
    }

    /** Runs {@code c} on the part if it has been made; nothing otherwise (what is not made has nothing to undo). */
    void ifMade(Consumer<T> c) {
        if (made != null) {
            c.accept(made);
        }
    }
}
