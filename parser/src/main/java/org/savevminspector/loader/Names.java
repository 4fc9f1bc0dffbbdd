package org.savevminspector.loader;

/**
 * A list of section names for a sentence, at most {@value #MAX} of them: a load that stops early in a stream of a
 * million sections would otherwise put a million names into one line of text. The count says how many more.
 */
final class Names {
    /** Names given in full; the rest are counted. */
    static final int MAX = 1000;

    private final StringBuilder text = new StringBuilder();
    private long count;

    void add(String name) {
        if (count < MAX) {
            text.append(count == 0 ? "" : ", ").append(name);
        }
        count++;
    }

    boolean isEmpty() {
        return count == 0;
    }

    /** {@code a, b, c}, or {@code a, b, … and 42 more} past {@value #MAX}. */
    @Override
    public String toString() {
        return count <= MAX ? text.toString() : text + " and " + (count - MAX) + " more";
    }
}
