package org.savevminspector.app.cli;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.savevminspector.app.common.IoReason;
import org.savevminspector.io.FileType;
import org.savevminspector.io.InputName;

/**
 * The files {@code check} looks at, in a stable order: each argument as given, and with {@code --recursive} every
 * regular file under an argument that is a directory, depth first, names sorted within each directory (one
 * directory listing in memory at a time). Symbolic links to files are followed; links to directories are not
 * (a link loop would never end). A directory that cannot be listed is a target of its own that cannot be read.
 */
final class CheckTargets implements Iterator<CheckTargets.Target> {

    /**
     * One file to check.
     *
     * @param argument as it reaches {@link FileArguments#open}
     * @param named    named on the command line (never skipped by the signature sniff)
     * @param problem  why it cannot be read before it is opened (a directory that cannot be listed), else null
     */
    record Target(String argument, boolean named, String problem) {
    }

    private final Iterator<String> arguments;
    private final boolean recursive;
    private final Deque<Iterator<Path>> stack = new ArrayDeque<>();
    private Target next;

    CheckTargets(List<String> arguments, boolean recursive) {
        this.arguments = arguments.iterator();
        this.recursive = recursive;
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            next = advance();
        }
        return next != null;
    }

    @Override
    public Target next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Target t = next;
        next = null;
        return t;
    }

    private Target advance() {
        while (true) {
            while (!stack.isEmpty()) {
                Iterator<Path> top = stack.peek();
                if (!top.hasNext()) {
                    stack.pop();
                    continue;
                }
                Path p = top.next();
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    Target t = enter(p);
                    if (t != null) {
                        return t;
                    }
                } else if (isRegularFile(p)) {
                    return new Target(p.toString(), false, null);
                }
            }
            if (!arguments.hasNext()) {
                return null;
            }
            String a = arguments.next();
            Path p = pathOf(a);
            if (recursive && p != null && Files.isDirectory(p)) {
                Target t = enter(p);
                if (t != null) {
                    return t;
                }
                continue;
            }
            return new Target(a, true, null);
        }
    }

    /** Lists {@code dir} (sorted) onto the stack; a directory that cannot be listed comes back as a target. */
    private Target enter(Path dir) {
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path c : ds) {
                children.add(c);
            }
        } catch (IOException e) {
            return new Target(dir.toString(), false, "cannot list the directory: " + IoReason.of(e));
        }
        children.sort(null);
        stack.push(children.iterator());
        return null;
    }

    private static Path pathOf(String argument) {
        if (InputName.STDIN.equals(argument)) {
            return null;
        }
        try {
            return Path.of(argument);
        } catch (InvalidPathException e) {
            return null;
        }
    }

    /** Regular files, and symbolic links to them; FIFOs, devices and sockets inside a tree are not save files. */
    private static boolean isRegularFile(Path p) {
        try {
            return FileType.of(p) == FileType.REGULAR_FILE;
        } catch (IOException e) {
            return Files.isSymbolicLink(p); // a dangling link or a loop: checked, so that it is reported
        }
    }
}
