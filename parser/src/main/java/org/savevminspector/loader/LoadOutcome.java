package org.savevminspector.loader;

/** How a simulated load ends. */
public enum LoadOutcome {
    /** {@code qemu_loadvm_state} returns 0 (possibly having stopped early: see {@link LoaderReport#stoppedAt()}). */
    LOADED("loaded"),
    /** It returns a negative errno (-22, -5, -95) and qemu-dm logs the error. */
    FAILED("failed"),
    /** The process dies inside a load function ({@code hw_error} → {@code abort()}, or a crash). */
    ABORTED("aborted");

    private final String json;

    LoadOutcome(String json) {
        this.json = json;
    }

    public String json() {
        return json;
    }
}
