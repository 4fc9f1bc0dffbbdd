package org.savevminspector.model;

/**
 * Turns a raw scalar into what it means for the emulated hardware, e.g. {@code 0x0001 -> SCI_EN}.
 * Returns {@code null} when there is nothing to add to the number.
 */
@FunctionalInterface
public interface Meaning {
    String describe(long value);
}
