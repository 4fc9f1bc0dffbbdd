package org.savevminspector.io;

import java.io.IOException;

/**
 * An input that must be copied before it can be read (a pipe, standard input) ran past the cap on such copies:
 * reading stopped there and the partial copy was removed.
 */
public final class InputTooLargeException extends IOException {
    private final long cap;

    public InputTooLargeException(InputName name, long cap) {
        super(name.shown() + " is longer than " + cap + " bytes, the cap on inputs read from a stream");
        this.cap = cap;
    }

    /** The cap in bytes. */
    public long cap() {
        return cap;
    }
}
