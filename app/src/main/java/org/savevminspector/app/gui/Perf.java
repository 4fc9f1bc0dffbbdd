package org.savevminspector.app.gui;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/** Start-up and paint timings on stderr, only with {@code -Dsavevm.inspector.perf=true}. */
final class Perf {
    static final boolean ON = Boolean.getBoolean("savevm.inspector.perf");

    private Perf() {
    }

    static void mark(String what) {
        if (ON) {
            long since = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            System.err.printf(Locale.ROOT, "perf: %-45s %6d ms after JVM start%n", what, since);
        }
    }

    static void log(String format, Object... args) {
        if (ON) {
            System.err.printf(Locale.ROOT, "perf: " + format + "%n", args);
        }
    }
}
