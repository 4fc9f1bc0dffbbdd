package org.savevminspector.app.gui.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One file's bookmarks, in offset order, and F4 / Shift+F4 through them from the caret, going round the ends
 * (as problem stepping does).
 */
public final class Bookmarks {
    private Bookmarks() {
    }

    /** {@code list} in offset order (then length), without duplicates of a place. */
    public static List<Bookmark> sorted(List<Bookmark> list) {
        List<Bookmark> out = new ArrayList<>();
        for (Bookmark b : list) {
            out.removeIf(o -> o.offset() == b.offset() && o.length() == b.length());
            out.add(b);
        }
        out.sort(Comparator.comparingLong(Bookmark::offset).thenComparingLong(Bookmark::length));
        return List.copyOf(out);
    }

    /** Index of the first bookmark starting after {@code caret}, or of the first one (wrapped); -1 when none. */
    public static int next(List<Bookmark> sorted, long caret) {
        for (int i = 0; i < sorted.size(); i++) {
            if (sorted.get(i).offset() > caret) {
                return i;
            }
        }
        return sorted.isEmpty() ? -1 : 0;
    }

    /** Index of the last bookmark starting before {@code caret}, or of the last one (wrapped); -1 when none. */
    public static int previous(List<Bookmark> sorted, long caret) {
        for (int i = sorted.size() - 1; i >= 0; i--) {
            if (sorted.get(i).offset() < caret) {
                return i;
            }
        }
        return sorted.size() - 1;
    }

    /** Whether stepping from {@code caret} to bookmark {@code i} went round the end of the file. */
    public static boolean wrapped(List<Bookmark> sorted, int i, long caret, boolean forward) {
        return i >= 0 && (forward ? sorted.get(i).offset() <= caret : sorted.get(i).offset() >= caret);
    }
}
