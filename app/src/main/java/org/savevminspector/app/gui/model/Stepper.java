package org.savevminspector.app.gui.model;

import java.util.ArrayList;
import java.util.List;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.model.Field;
import org.savevminspector.model.Section;

/**
 * Keyboard stepping through a file (Wireshark's next/previous packet and expert item): sections, leaf fields of
 * the current section, and problems (diagnostics). Every method takes the cursor offset and answers where to go,
 * or {@code -1} / {@code null} when there is nothing further in that direction.
 */
public final class Stepper {
    private final StructureTree tree;

    public Stepper(StructureTree tree) {
        this.tree = tree;
    }

    /** Index of the first section starting after {@code offset}, or -1. */
    public int nextSection(long offset) {
        int i = firstStartingAtOrAfter(offset + 1);
        return i < tree.inspection().sections().size() ? i : -1;
    }

    /** Index of the last section starting before {@code offset}, or -1. */
    public int previousSection(long offset) {
        return firstStartingAtOrAfter(offset) - 1;
    }

    /** Index of the first section whose header starts at or after {@code offset} (the count when none does). */
    private int firstStartingAtOrAfter(long offset) {
        List<Section> sections = tree.inspection().sections();
        int lo = 0;
        int hi = sections.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sections.get(mid).header().offset() < offset) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The leaf field after the one at {@code offset} within the same section, or {@code null}. */
    public Field nextField(long offset) {
        for (Field f : leaves(offset)) {
            if (f.span().offset() > offset) {
                return f;
            }
        }
        return null;
    }

    /** The leaf field before the one at {@code offset} within the same section, or {@code null}. */
    public Field previousField(long offset) {
        List<Field> leaves = leaves(offset);
        long current = offset;
        for (Field f : leaves) {
            if (f.span().contains(offset)) {
                current = f.span().offset();
            }
        }
        Field best = null;
        for (Field f : leaves) {
            if (f.span().offset() < current) {
                best = f;
            }
        }
        return best;
    }

    /** Header and body leaves of the section containing {@code offset}, in offset order. */
    private List<Field> leaves(long offset) {
        List<StructureNode> path = tree.path(offset);
        if (path.isEmpty() || path.get(0).kind() != NodeKind.SECTION) {
            return List.of();
        }
        Section s = tree.section(path.get(0));
        List<Field> out = new ArrayList<>();
        collect(s.headerFields(), out);
        collect(s.fields(), out);
        return out;
    }

    private static void collect(List<Field> fields, List<Field> out) {
        for (Field f : fields) {
            if (f.children().isEmpty()) {
                if (f.span().length() > 0) {
                    out.add(f);
                }
            } else {
                collect(f.children(), out);
            }
        }
    }

    /**
     * Index of the problem after {@code current} (a diagnostic index, or -1 for "none yet": then the first at or
     * after {@code offset}); wraps round to the first. -1 when the file has none.
     */
    public int nextProblem(int current, long offset) {
        List<Diagnostic> ds = tree.inspection().diagnostics();
        if (ds.isEmpty()) {
            return -1;
        }
        if (current >= 0) {
            return (current + 1) % ds.size();
        }
        for (int i = 0; i < ds.size(); i++) {
            if (ds.get(i).offset() >= offset) {
                return i;
            }
        }
        return 0;
    }

    /** Index of the problem before {@code current}; wraps round to the last. -1 when the file has none. */
    public int previousProblem(int current, long offset) {
        List<Diagnostic> ds = tree.inspection().diagnostics();
        if (ds.isEmpty()) {
            return -1;
        }
        if (current >= 0) {
            return (current - 1 + ds.size()) % ds.size();
        }
        for (int i = ds.size() - 1; i >= 0; i--) {
            if (ds.get(i).offset() < offset) {
                return i;
            }
        }
        return ds.size() - 1;
    }
}
