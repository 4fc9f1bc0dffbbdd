package org.savevminspector.diff;

/** How a pair compares; {@link #json()} is the diff JSON's name. */
public enum DiffStatus {
    SAME("same"),
    CHANGED("changed"),
    /** Present in the first file only. */
    ONLY_A("onlyA"),
    /** Present in the second file only. */
    ONLY_B("onlyB");

    private final String json;

    DiffStatus(String json) {
        this.json = json;
    }

    public String json() {
        return json;
    }

    public boolean isDifference() {
        return this != SAME;
    }

    /** {@link #ONLY_A} or {@link #ONLY_B} for a pair with one side missing, else {@code SAME}/{@code CHANGED}. */
    static DiffStatus of(Object a, Object b, boolean differs) {
        if (a == null) {
            return ONLY_B;
        }
        if (b == null) {
            return ONLY_A;
        }
        return differs ? CHANGED : SAME;
    }
}
