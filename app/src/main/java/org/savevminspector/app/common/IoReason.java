package org.savevminspector.app.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.savevminspector.io.FileType;

/**
 * Says in a few words why a file operation failed, for the CLI's one-line errors ({@code cannot read X: why})
 * and the viewer's banners alike: the Java exception types and the paths they repeat in their messages are not
 * for people, and neither is a {@code null} message.
 */
public final class IoReason {
    private IoReason() {
    }

    /**
     * Why {@code p} cannot be read as an input file, or {@code null} when it can: the check both front ends make
     * before they open a file, so that they refuse the same paths with the same words.
     */
    public static String unreadable(Path p) {
        try {
            if (FileType.of(p) == FileType.DIRECTORY) {
                return "it is a directory, not a file";
            }
        } catch (IOException e) {
            return of(e); // no such file, too many levels of symbolic links, …
        }
        if (!Files.isReadable(p)) {
            return "permission denied";
        }
        return null;
    }

    /** The reason, e.g. {@code no such file}; anything that is not an I/O failure is called an internal error. */
    public static String of(Throwable t) {
        Throwable e = t instanceof UncheckedIOException && t.getCause() != null ? t.getCause() : t;
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "the file already exists";
        }
        if (e instanceof FileSystemException f) {
            // its message repeats the path in front of the reason
            if (f.getReason() != null && f.getReason().startsWith("Too many levels of symbolic links")) {
                return FileType.LOOP; // Java adds "or unable to access attributes of symbolic link"
            }
            return f.getReason() != null ? f.getReason() : e.getClass().getSimpleName();
        }
        if (e instanceof IOException) {
            return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        if (e instanceof OutOfMemoryError) {
            // not a bug and not the file's fault: the heap the JVM was given is too small for this input
            return "out of memory: the Java heap (at most " + (Runtime.getRuntime().maxMemory() >> 20) + " MiB) is "
                    + "too small for this input; run again with a larger one, e.g. JAVA_TOOL_OPTIONS=-Xmx1g (read by "
                    + "java and by the installed launcher alike)";
        }
        // a bug in this tool, not a problem with the file: say so plainly
        return "internal error (" + e.getClass().getName() + (e.getMessage() == null ? ")" : "): " + e.getMessage());
    }
}
