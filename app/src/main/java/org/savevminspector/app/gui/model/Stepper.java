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

    /**
     * Index of the first section whose header starts at or after {@code offset} (the count when none does): the
     * parse's own search, which reads the compact table's offsets instead of making a section per probe.
     */
    private int firstStartingAtOrAfter(long offset) {
        return tree.inspection().parse().firstSectionAtOrAfter(offset);
    }

    /** The leaf field after the one at {@code offset} within the same section, or {@code null}. */
    public Field nextField(long offset) {
        return nextField(offset, false);
    }

    /**
     * The leaf field after the one at {@code offset} within the same section; with {@code fromContainer} (a
     * section or other non-leaf row is selected, the cursor on its first byte) the first leaf at or after it, so
     * that F7 on a section row enters it instead of skipping its first field. {@code null} when there is none.
     */
    public Field nextField(long offset, boolean fromContainer) {
        for (Field f : leaves(offset)) {
            if (f.span().offset() > offset || (fromContainer && f.span().offset() == offset)) {
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
        StructureNode sec = StructureTree.sectionOf(path);
        if (sec == null) {
            return List.of();
        }
        Section s = tree.section(sec);
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

    /** Where problem stepping lands: a diagnostic index, and whether it went round the end of the list. */
    public record ProblemStep(int index, boolean wrapped) {
        static final ProblemStep NONE = new ProblemStep(-1, false);
    }

    /**
     * The problem after the cursor. {@code current} (the problem last stepped to, or -1) only counts while the
     * cursor still sits on it: then stepping goes on to the next diagnostic, which may share its offset; once the
     * cursor has moved, stepping continues from the cursor. Goes round to the first problem at the end.
     */
    public ProblemStep nextProblem(int current, long cursor) {
        List<Diagnostic> ds = tree.inspection().diagnostics();
        if (ds.isEmpty()) {
            return ProblemStep.NONE;
        }
        if (onProblem(current, cursor)) {
            return current + 1 < ds.size() ? new ProblemStep(current + 1, false) : new ProblemStep(0, true);
        }
        for (int i = 0; i < ds.size(); i++) {
            if (anchor(ds.get(i)) > cursor) {
                return new ProblemStep(i, false);
            }
        }
        return new ProblemStep(0, true);
    }

    /** The problem before the cursor (see {@link #nextProblem}); goes round to the last one at the start. */
    public ProblemStep previousProblem(int current, long cursor) {
        List<Diagnostic> ds = tree.inspection().diagnostics();
        if (ds.isEmpty()) {
            return ProblemStep.NONE;
        }
        if (onProblem(current, cursor)) {
            return current > 0 ? new ProblemStep(current - 1, false) : new ProblemStep(ds.size() - 1, true);
        }
        for (int i = ds.size() - 1; i >= 0; i--) {
            if (anchor(ds.get(i)) < cursor) {
                return new ProblemStep(i, false);
            }
        }
        return new ProblemStep(ds.size() - 1, true);
    }

    private boolean onProblem(int current, long cursor) {
        List<Diagnostic> ds = tree.inspection().diagnostics();
        return current >= 0 && current < ds.size() && anchor(ds.get(current)) == cursor;
    }

    /**
     * The byte the cursor goes to for {@code d}: its offset, or the last byte of the file for a diagnostic that
     * points at the end (a truncated file, a missing EOF marker).
     */
    public long anchor(Diagnostic d) {
        long size = tree.inspection().parse().size();
        return Math.max(0, Math.min(d.offset(), size - 1));
    }

    /** Index of the first diagnostic of the gravest severity (the one to show when a file opens), or -1. */
    public int firstGravest() {
        List<Diagnostic> ds = tree.inspection().diagnostics();
        int best = -1;
        for (int i = 0; i < ds.size(); i++) {
            if (best < 0 || ds.get(i).severity().compareTo(ds.get(best).severity()) > 0) {
                best = i;
            }
        }
        return best;
    }
}
