package org.savevminspector.app.gui.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.savevminspector.io.AtomicFileWriter;

/**
 * The ten most recently opened files, newest first, kept in a plain UTF-8 file (one absolute path a line) under
 * the user's config directory. Files that no longer exist are dropped when the list is read.
 */
public final class RecentFiles {
    public static final int MAX = 10;
    private final Path store;

    public RecentFiles(Path store) {
        this.store = store;
    }

    /** {@code $XDG_CONFIG_HOME/savevm-inspector/recent-files} or {@code ~/.config/savevm-inspector/recent-files}. */
    public static RecentFiles standard() {
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return new RecentFiles(base.resolve("savevm-inspector").resolve("recent-files"));
    }

    /** A file of the viewer's own beside this list (the bookmarks'), in the same directory. */
    public Path beside(String name) {
        return store.resolveSibling(name);
    }

    /** The existing files, newest first (missing ones pruned from the store too). */
    public List<Path> list() {
        List<Path> stored = read();
        List<Path> existing = new ArrayList<>();
        for (Path p : stored) {
            if (Files.isRegularFile(p) && !existing.contains(p)) {
                existing.add(p);
            }
        }
        if (existing.size() != stored.size()) {
            write(existing);
        }
        return existing.size() > MAX ? List.copyOf(existing.subList(0, MAX)) : List.copyOf(existing);
    }

    /** Puts {@code file} first (once) and keeps at most {@link #MAX}. */
    public void add(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        List<Path> list = new ArrayList<>(list());
        list.remove(abs);
        list.add(0, abs);
        while (list.size() > MAX) {
            list.remove(list.size() - 1);
        }
        write(list);
    }

    private List<Path> read() {
        List<Path> out = new ArrayList<>();
        if (!Files.isRegularFile(store)) {
            return out;
        }
        try {
            for (String line : Files.readAllLines(store, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    try {
                        out.add(Path.of(line.strip()));
                    } catch (InvalidPathException ignored) {
                        // a line another tool mangled: drop it rather than fail the menu
                    }
                }
            }
        } catch (IOException e) {
            return out;
        }
        return out;
    }

    private void write(List<Path> list) {
        try {
            Files.createDirectories(store.getParent());
            StringBuilder text = new StringBuilder();
            for (Path p : list) {
                text.append(p).append('\n');
            }
            // two viewers closing at once, or a crash mid-write, must not leave a truncated list
            AtomicFileWriter.standard().write(store, text.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // the recent list is a convenience: a read-only config dir must not stop files from opening
        }
    }
}
