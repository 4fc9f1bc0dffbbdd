package org.savevminspector.loader;

/** One word per (file, loader): what {@code check --all-loaders} prints in its matrix. */
public enum LoaderVerdict {
    /** Result 0, every section read with its own length, nothing silently left out. */
    OK("OK"),
    /** Result 0, but some state is read wrongly, read into the wrong device, or not restored at all. */
    MISREAD("mis-read"),
    /** The load fails, aborts or never ends. */
    REJECTED("rejected"),
    /** The simulation cannot follow the loader to the end (no layout for a labelled version). */
    UNKNOWN("unknown");

    private final String word;

    LoaderVerdict(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    static LoaderVerdict of(LoaderReport r) {
        return switch (r.outcome()) {
            case FAILED, ABORTED, HANGS -> REJECTED;
            case INCOMPLETE -> UNKNOWN;
            case LOADED -> r.overrunBytes() > 0 || !r.misreads().isEmpty() || !r.notRestored().isEmpty()
                    ? MISREAD : OK;
        };
    }
}
