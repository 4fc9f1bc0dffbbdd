package org.savevminspector.io;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where an output goes, decided before anything is written: a symbolic link is followed, then
 * <ul>
 *   <li>nothing there, or a regular file: a file, written atomically (temporary file, sync, rename) — replacing
 *       the link's target, never the link;
 *   <li>standard output ({@code -}), a FIFO or a character device other than a terminal ({@code /dev/null},
 *       {@code /dev/full}): a stream, written to directly — there is no file to rename onto;
 *   <li>anything else is refused with one sentence: a directory, a block device (a disk is never overwritten), a
 *       socket, a terminal (binary data would garble it), a link to nothing or a link loop.
 * </ul>
 * So an output never replaces anything that is not a regular file.
 */
public final class OutputTarget {

    public enum Kind {
        /** A file that does not exist yet. */
        NEW_FILE,
        /** An existing regular file (a link's target), replaced atomically. */
        REPLACE_FILE,
        /** A FIFO or a character device, written to directly. */
        STREAM,
        /** The process's standard output, written to directly. */
        STANDARD_OUTPUT,
        /** Not writable; {@link #refusal()} says why. */
        REFUSED
    }

    /** The argument that means standard output. */
    public static final String STDOUT = "-";

    private static final Path STDOUT_FD = Path.of("/proc/self/fd/1");

    private final String shown;
    private final Path path;
    private final Kind kind;
    private final String refusal;

    private OutputTarget(String shown, Path path, Kind kind, String refusal) {
        this.shown = Objects.requireNonNull(shown, "shown");
        this.path = path;
        this.kind = kind;
        this.refusal = refusal;
    }

    /** Standard output, unless it is a terminal (then refused: binary data would garble it). */
    public static OutputTarget standardOutput() {
        try {
            if (FileType.of(STDOUT_FD) == FileType.TERMINAL) {
                return new OutputTarget(STDOUT, null, Kind.REFUSED, "standard output is a terminal, which is not "
                        + "written binary data; redirect it to a file or a pipe");
            }
        } catch (IOException e) {
            // no procfs: nothing to go by, write as asked
        }
        return new OutputTarget(STDOUT, null, Kind.STANDARD_OUTPUT, null);
    }

    /** The target {@code requested} names, shown as {@code requested}. */
    public static OutputTarget of(Path requested) {
        return of(requested, requested.toString());
    }

    /** The target {@code requested} names, shown in messages as {@code shown} (the argument as given). */
    public static OutputTarget of(Path requested, String shown) {
        Path abs = requested.toAbsolutePath().normalize();
        FileType type;
        try {
            type = FileType.of(abs);
        } catch (NoSuchFileException e) {
            if (FileType.isDanglingLink(abs)) {
                return refused(shown, shown + " is a symbolic link to the missing " + linkTarget(abs)
                        + ", which is not written through; give a file name");
            }
            return new OutputTarget(shown, abs, Kind.NEW_FILE, null);
        } catch (FileSystemException e) {
            return refused(shown, shown + ": " + (e.getReason() != null ? e.getReason() : e.getMessage()));
        } catch (IOException e) {
            return refused(shown, shown + ": " + e.getMessage());
        }
        switch (type) {
            case REGULAR_FILE:
                return new OutputTarget(shown, realPath(abs), Kind.REPLACE_FILE, null);
            case FIFO:
            case CHARACTER_DEVICE:
                return new OutputTarget(shown, abs, Kind.STREAM, null);
            case DIRECTORY:
                return refused(shown, shown + " is a directory; give a file name");
            case TERMINAL:
                return refused(shown, shown + " is a terminal, which is not written binary data; give a file name "
                        + "or a pipe");
            case BLOCK_DEVICE:
                return refused(shown, shown + " is a block device, which is never written to; give a file name");
            default:
                return refused(shown, shown + " is " + type.words() + ", which cannot be written to; give a file "
                        + "name");
        }
    }

    private static OutputTarget refused(String shown, String why) {
        return new OutputTarget(shown, null, Kind.REFUSED, why);
    }

    private static Path realPath(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p;
        }
    }

    private static String linkTarget(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException | UnsupportedOperationException e) {
            return "file";
        }
    }

    /** The output as the user named it. */
    public String shown() {
        return shown;
    }

    /**
     * The file written or replaced (absolute; a link's target), or the stream's path; {@code null} for standard
     * output and refused targets.
     */
    public Path path() {
        return path;
    }

    public Kind kind() {
        return kind;
    }

    /** Why it is refused: one sentence naming it; {@code null} unless {@link Kind#REFUSED}. */
    public String refusal() {
        return refusal;
    }

    /** Whether the output is written as it goes (no temporary file, no rename). */
    public boolean isStream() {
        return kind == Kind.STREAM || kind == Kind.STANDARD_OUTPUT;
    }

    @Override
    public String toString() {
        return shown;
    }
}
