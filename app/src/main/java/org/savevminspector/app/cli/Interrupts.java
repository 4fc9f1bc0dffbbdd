package org.savevminspector.app.cli;

import org.savevminspector.io.TempFiles;
import sun.misc.Signal;

/**
 * Ctrl+C (SIGINT) and SIGTERM end a command cleanly: every temporary file is removed — a half-written repaired
 * image, a private copy of a piped input — one line says {@code interrupted}, and the exit code is 128 + the
 * signal's number (130, 143), as shells expect. The JVM's own handling would run the shutdown hooks (which remove
 * the files too) but say nothing. A signal that was ignored when the process started (a background job of a
 * non-interactive shell) stays ignored: the JVM does not install handlers for it.
 */
final class Interrupts {
    private Interrupts() {
    }

    /** What to print before the process ends on a signal (a fleet check's summary so far), or nothing. */
    private static volatile Runnable last;

    /** Runs {@code r} when a signal ends the process, before the temporary files go; {@code null} removes it. */
    static void onInterrupt(Runnable r) {
        last = r;
    }

    static void install() {
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                Signal.handle(new Signal(name), Interrupts::interrupted);
            } catch (IllegalArgumentException e) {
                // not a signal on this platform: the JVM's default handling stays
            }
        }
    }

    private static void interrupted(Signal signal) {
        Runnable r = last;
        if (r != null) {
            try {
                r.run();
            } catch (RuntimeException e) {
                // the process ends anyway; the temporary files must still go
            }
        }
        // Holding standard error's lock from before the files go until the halt keeps the command's own thread
        // from reporting what their removal does to it ("cannot read -: no such file") after or instead of this line.
        synchronized (System.err) {
            TempFiles.removeAllForExit();
            System.err.println(Cli.NAME + ": interrupted");
            System.err.flush();
            Runtime.getRuntime().halt(128 + signal.getNumber());
        }
    }
}
