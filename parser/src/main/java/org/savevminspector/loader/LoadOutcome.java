package org.savevminspector.loader;

/** How a simulated load ends. */
public enum LoadOutcome {
    /** {@code qemu_loadvm_state} returns 0 (possibly having stopped early: see {@link LoaderReport#stoppedAt()}). */
    LOADED("loaded"),
    /** It returns a negative errno (-22, -5, -95) and qemu-dm logs the error. */
    FAILED("failed"),
    /** The process dies inside a load function ({@code hw_error} → {@code abort()}, or a crash). */
    ABORTED("aborted"),
    /** {@code qemu_loadvm_state} never returns: the v2-compat loop revisits a position (a record_len of 0 or
     *  negative, or a total length past the data), so qemu-dm spins forever. */
    HANGS("hangs"),
    /** The simulation cannot follow qemu further: a load function's byte count for the labelled version is not
     *  known (no layout in the catalogue). {@code result} is then {@code null}. */
    INCOMPLETE("incomplete");

    private final String json;

    LoadOutcome(String json) {
        this.json = json;
    }

    public String json() {
        return json;
    }
}
