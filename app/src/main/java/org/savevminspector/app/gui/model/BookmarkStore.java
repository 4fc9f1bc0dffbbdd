package org.savevminspector.app.gui.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.savevminspector.io.AtomicFileWriter;

/**
 * Every file's bookmarks, kept beside the recent-files list in one plain UTF-8 file: one bookmark a line, five
 * tab-separated fields (the file's key, offset, length, node path, note) with {@code \\}, tab and line breaks
 * escaped. A file is known by its absolute path and its size: bookmarks of a file that has since changed size
 * stay stored but are not offered for it. Read and written off the FX thread; a store that cannot be read or
 * written only loses the convenience, never a file being opened.
 */
public final class BookmarkStore {
    private final Path file;

    public BookmarkStore(Path file) {
        this.file = file;
    }

    /** The key of a file: its absolute path and size. */
    public static String key(Path path, long size) {
        return path.toAbsolutePath().normalize() + "|" + size;
    }

    /** The bookmarks stored for {@code key}, in offset order. */
    public synchronized List<Bookmark> load(String key) {
        return Bookmarks.sorted(read().getOrDefault(key, List.of()));
    }

    /** Replaces the bookmarks of {@code key} (none: forgets the file). */
    public synchronized void save(String key, List<Bookmark> bookmarks) {
        Map<String, List<Bookmark>> all = read();
        if (bookmarks.isEmpty()) {
            all.remove(key);
        } else {
            all.put(key, List.copyOf(bookmarks));
        }
        StringBuilder text = new StringBuilder();
        all.forEach((k, list) -> {
            for (Bookmark b : list) {
                text.append(escape(k)).append('\t').append(b.offset()).append('\t').append(b.length()).append('\t')
                        .append(escape(b.label())).append('\t').append(escape(b.note())).append('\n');
            }
        });
        try {
            Files.createDirectories(file.getParent());
            AtomicFileWriter.standard().write(file, text.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // bookmarks are a convenience: a read-only config directory must not stop the viewer
        }
    }

    private Map<String, List<Bookmark>> read() {
        Map<String, List<Bookmark>> out = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return out;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] f = line.split("\t", -1);
                if (f.length != 5) {
                    continue; // a line another tool mangled: drop it rather than fail
                }
                try {
                    Bookmark b = new Bookmark(Long.parseLong(f[1]), Long.parseLong(f[2]), unescape(f[3]), unescape(f[4]));
                    out.computeIfAbsent(unescape(f[0]), k -> new ArrayList<>()).add(b);
                } catch (IllegalArgumentException mangled) {
                    // NumberFormatException or a negative range: skip the line
                }
            }
        } catch (IOException e) {
            return out;
        }
        return out;
    }

    static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    static String unescape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                out.append(n == 't' ? '\t' : n == 'n' ? '\n' : n == 'r' ? '\r' : n);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
