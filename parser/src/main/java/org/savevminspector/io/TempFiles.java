package org.savevminspector.io;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Every temporary file the process has made and not yet renamed or removed — the atomic writer's
 * {@code .NAME.<random>.tmp} and the private copies of piped inputs — so that none outlives the process: they are
 * removed by their owners, by a shutdown hook on a normal exit, and by {@link #removeAllForExit()} when a signal
 * handler ends the process (an interrupted multi-GiB write would otherwise leave gigabytes behind).
 *
 * <p>Creating and renaming happen under the same lock as {@link #removeAllForExit()}, so once it has run no
 * temporary file can appear or be renamed into place: an interrupted write leaves its target as it was.
 */
public final class TempFiles {
    /** A step on the file system that may fail. */
    @FunctionalInterface
    public interface IoStep<T> {
        T run() throws IOException;
    }

    private static final Object LOCK = new Object();
    private static final Set<Path> LIVE = new LinkedHashSet<>();
    private static boolean exiting;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(TempFiles::removeAllForExit, "temporary-file cleanup"));
    }

    private TempFiles() {
    }

    /** Registers {@code p}, then runs {@code create} (which makes it); refused once the process is exiting. */
    static <T> T create(Path p, IoStep<T> create) throws IOException {
        synchronized (LOCK) {
            if (exiting) {
                throw new InterruptedIOException("interrupted");
            }
            LIVE.add(p);
            try {
                return create.run();
            } catch (IOException | RuntimeException | Error e) {
                LIVE.remove(p);
                throw e;
            }
        }
    }

    /** Runs {@code rename}, which moves {@code p} to its final name, and forgets {@code p}. */
    static void commit(Path p, IoStep<?> rename) throws IOException {
        synchronized (LOCK) {
            if (exiting) {
                throw new InterruptedIOException("interrupted");
            }
            rename.run();
            LIVE.remove(p);
        }
    }

    /** Removes {@code p} if it exists and forgets it; one that cannot be removed is tried again at exit. */
    static void delete(Path p) throws IOException {
        synchronized (LOCK) {
            Files.deleteIfExists(p);
            LIVE.remove(p);
        }
    }

    /** The temporary files that exist now (tests). */
    static List<Path> live() {
        synchronized (LOCK) {
            return new ArrayList<>(LIVE);
        }
    }

    /**
     * Removes every temporary file and refuses new ones: for a signal handler about to end the process, and the
     * shutdown hook. Best effort: a file that cannot be removed stays, nothing is thrown.
     */
    public static void removeAllForExit() {
        synchronized (LOCK) {
            exiting = true;
            for (Path p : LIVE) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException | RuntimeException e) {
                    // the process is ending; there is nobody left to tell
                }
            }
            LIVE.clear();
        }
    }
}
