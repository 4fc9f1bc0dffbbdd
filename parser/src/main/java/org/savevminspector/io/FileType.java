package org.savevminspector.io;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;

/**
 * What a path names, by {@code stat(2)} (symbolic links followed): the one question both sides of the tool ask
 * before they touch a file — an input that is a pipe must be read exactly once, a character device never
 * (it may not end), and an output that is not a regular file must never be replaced by one.
 */
public enum FileType {
    REGULAR_FILE("a regular file"),
    DIRECTORY("a directory"),
    BLOCK_DEVICE("a block device"),
    /** A character device that is no terminal: {@code /dev/null}, {@code /dev/zero}, {@code /dev/full}, … */
    CHARACTER_DEVICE("a character device"),
    /** A character device of the terminal drivers (tty, console, pseudo-terminal). */
    TERMINAL("a terminal"),
    FIFO("a pipe"),
    SOCKET("a socket"),
    OTHER("a special file");

    /** {@code S_IFMT} and the file-type values of {@code <sys/stat.h>}. */
    private static final int S_IFMT = 0170000;
    private static final int S_IFSOCK = 0140000;
    private static final int S_IFREG = 0100000;
    private static final int S_IFBLK = 0060000;
    private static final int S_IFDIR = 0040000;
    private static final int S_IFCHR = 0020000;
    private static final int S_IFIFO = 0010000;

    /** What the kernel says when a path resolves through too many links ({@code ELOOP}), as Java words it. */
    private static final String ELOOP_PREFIX = "Too many levels of symbolic links";

    private final String words;

    FileType(String words) {
        this.words = words;
    }

    /** {@code a character device}: for sentences such as "X is a character device, not a save file". */
    public String words() {
        return words;
    }

    /**
     * The type of what {@code p} names after its symbolic links are followed.
     *
     * @throws java.nio.file.NoSuchFileException when nothing is there (also for a link to nothing)
     * @throws FileSystemException               with the reason {@code too many levels of symbolic links} for a
     *                                           link loop, or the operating system's reason otherwise
     */
    public static FileType of(Path p) throws IOException {
        try {
            Map<String, Object> a = Files.readAttributes(p, "unix:mode,rdev");
            return of((Integer) a.get("mode"), (Long) a.get("rdev"));
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            // a file system without the unix view: all it can tell is file, directory or something else
            BasicFileAttributes b = Files.readAttributes(p, BasicFileAttributes.class);
            return b.isRegularFile() ? REGULAR_FILE : b.isDirectory() ? DIRECTORY : OTHER;
        } catch (FileSystemException e) {
            throw translate(p, e);
        }
    }

    /** Whether {@code p} itself is a symbolic link to nothing (a link loop is not dangling: {@link #of} says so). */
    public static boolean isDanglingLink(Path p) {
        if (!Files.isSymbolicLink(p)) {
            return false;
        }
        try {
            of(p);
            return false;
        } catch (NoSuchFileException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The reason {@link #of} gives for a symbolic-link loop. */
    public static final String LOOP = "too many levels of symbolic links";

    static FileType of(int mode, long rdev) {
        switch (mode & S_IFMT) {
            case S_IFREG:
                return REGULAR_FILE;
            case S_IFDIR:
                return DIRECTORY;
            case S_IFBLK:
                return BLOCK_DEVICE;
            case S_IFCHR:
                return isTerminal(rdev) ? TERMINAL : CHARACTER_DEVICE;
            case S_IFIFO:
                return FIFO;
            case S_IFSOCK:
                return SOCKET;
            default:
                return OTHER;
        }
    }

    /**
     * Linux's terminal majors (Documentation/admin-guide/devices.txt): 4 virtual consoles and serial ports, 5
     * {@code /dev/tty}, {@code /dev/console} and {@code /dev/ptmx}, 136–143 the Unix98 pseudo-terminal slaves.
     */
    private static boolean isTerminal(long rdev) {
        long major = ((rdev >>> 8) & 0xFFF) | ((rdev >>> 32) & ~0xFFFL);
        return major == 4 || major == 5 || (major >= 136 && major <= 143);
    }

    /** Java words ELOOP as "Too many levels … or unable to access attributes of symbolic link": say just that. */
    private static IOException translate(Path p, FileSystemException e) {
        if (e.getReason() != null && e.getReason().startsWith(ELOOP_PREFIX)) {
            FileSystemException loop = new FileSystemException(p.toString(), null, LOOP);
            loop.initCause(e);
            return loop;
        }
        return e;
    }
}
