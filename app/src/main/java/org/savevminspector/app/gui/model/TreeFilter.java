package org.savevminspector.app.gui.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.savevminspector.model.Field;
import org.savevminspector.model.Section;

/**
 * The tree's filter: which nodes match a query — by name (a section's idstr, a field's name), by value text, or by
 * offset (the innermost node holding it, when the query reads as one) — and which of their ancestors must stay so
 * that they can be shown. It searches the model (sections and their field lists), not the tree's items, so it
 * finds fields of sections nobody has expanded; it builds tree nodes only for what it keeps. A file of a million
 * sections is searched on a worker thread, which {@code cancelled} stops; at most {@link #MAX_SHOWN} matches are
 * kept (the rest only counted). Page data is not searched: its batches are read from the file only when expanded.
 */
public final class TreeFilter {
    /** Matches shown at most; more are counted. */
    public static final int MAX_SHOWN = 5_000;
    /** How many sections are searched between two looks at {@code cancelled}. */
    private static final int POLL = 512;

    private final StructureTree tree;
    private final String query;
    private final BooleanSupplier cancelled;
    private final List<List<StructureNode>> shown = new ArrayList<>();
    private int total;

    /**
     * What a query keeps.
     *
     * @param query   the query as typed (trimmed)
     * @param matches the paths (top level first) of the matches kept, in file order
     * @param total   every match, also those past {@link #MAX_SHOWN}
     */
    public record Result(String query, List<List<StructureNode>> matches, int total, Set<StructureNode> matched,
                         Set<StructureNode> kept) {

        static Result of(String query, List<List<StructureNode>> paths, int total) {
            Set<StructureNode> matched = new HashSet<>();
            Set<StructureNode> kept = new HashSet<>();
            for (List<StructureNode> p : paths) {
                matched.add(p.get(p.size() - 1));
                kept.addAll(p);
            }
            return new Result(query, List.copyOf(paths), total, matched, kept);
        }

        /** Whether {@code n} is shown: it matches, or a match lies under it. */
        public boolean keeps(StructureNode n) {
            return kept.contains(n);
        }

        public boolean matches(StructureNode n) {
            return matched.contains(n);
        }

        /** Whether matches were left out (more than {@link #MAX_SHOWN}). */
        public boolean truncated() {
            return total > matches.size();
        }
    }

    private TreeFilter(StructureTree tree, String query, BooleanSupplier cancelled) {
        this.tree = tree;
        this.query = query;
        this.cancelled = cancelled;
    }

    /**
     * The nodes of {@code tree} that match {@code query}, or {@code null} when {@code cancelled} said stop. A query
     * that extends the one of {@code previous} (a complete result of the same tree) is searched among its matches
     * only: typing one more letter costs nothing however large the file.
     */
    public static Result run(StructureTree tree, String query, Result previous, BooleanSupplier cancelled) {
        String q = query.strip();
        TreeFilter f = new TreeFilter(tree, q, cancelled);
        if (previous != null && !previous.truncated() && !previous.query().isEmpty()
                && containsIgnoreCase(q, previous.query()) && offsetIn(tree, q) < 0) {
            for (List<StructureNode> p : previous.matches()) {
                if (f.textMatch(p.get(p.size() - 1))) {
                    f.add(p);
                }
            }
            return Result.of(q, f.shown, f.total);
        }
        return f.search() ? Result.of(q, f.shown, f.total) : null;
    }

    /** Whether {@code text} contains {@code part}, ignoring case, without making lower-case copies. */
    static boolean containsIgnoreCase(String text, String part) {
        if (text == null) {
            return false;
        }
        int n = part.length();
        for (int i = 0; i + n <= text.length(); i++) {
            if (text.regionMatches(true, i, part, 0, n)) {
                return true;
            }
        }
        return false;
    }

    /** The offset {@code q} names in the file (hex or decimal, not relative), or -1. */
    static long offsetIn(StructureTree tree, String q) {
        if (q.isEmpty() || q.startsWith("+") || q.startsWith("-")) {
            return -1;
        }
        try {
            return OffsetParser.parse(q, tree.inspection().parse().size());
        } catch (IllegalArgumentException notAnOffset) {
            return -1;
        }
    }

    private void add(List<StructureNode> path) {
        total++;
        if (shown.size() < MAX_SHOWN) {
            shown.add(List.copyOf(path));
        }
    }

    /** False when cancelled. */
    private boolean search() {
        if (query.isEmpty()) {
            return true;
        }
        long at = offsetIn(tree, query);
        List<StructureNode> byOffset = at < 0 ? List.of() : tree.path(at);
        boolean offsetAdded = byOffset.isEmpty();
        int polled = 0;
        List<StructureNode> stack = new ArrayList<>();
        for (StructureNode n : tree.roots()) {
            if (!walk(n, stack)) {
                return false;
            }
            if (++polled % POLL == 0 && cancelled.getAsBoolean()) {
                return false;
            }
        }
        if (!offsetAdded && !shownEndsWith(byOffset)) {
            add(byOffset);
        }
        return true;
    }

    private boolean shownEndsWith(List<StructureNode> path) {
        StructureNode last = path.get(path.size() - 1);
        for (List<StructureNode> p : shown) {
            if (p.get(p.size() - 1).equals(last)) {
                return true;
            }
        }
        return false;
    }

    /** Searches {@code n} and what lies under it; false when cancelled. */
    private boolean walk(StructureNode n, List<StructureNode> stack) {
        stack.add(n);
        try {
            if (n.kind() == NodeKind.SECTION) {
                searchSection(n, stack);
                return true;
            }
            if (textMatch(n)) {
                add(stack);
            }
            if (descends(n)) {
                int i = 0;
                for (StructureNode c : tree.children(n)) {
                    if (!walk(c, stack) || (++i % POLL == 0 && cancelled.getAsBoolean())) {
                        return false;
                    }
                }
            }
            return true;
        } finally {
            stack.remove(stack.size() - 1);
        }
    }

    /** Containers are entered; page runs are not (their batches are read from the file). */
    private boolean descends(StructureNode n) {
        return !tree.isLeaf(n) && n.kind() != NodeKind.PAGE_RUN;
    }

    /** A section by its name and summary, then its header and body fields, from the model. */
    private void searchSection(StructureNode sn, List<StructureNode> stack) {
        if (textMatch(sn)) {
            add(stack);
        }
        Section s = tree.section(sn);
        List<Field> hits = new ArrayList<>();
        collect(s.headerFields(), hits);
        collect(s.fields(), hits);
        for (Field f : hits) {
            List<StructureNode> path = fieldPath(sn, f, stack);
            if (path != null) {
                add(path);
            }
        }
    }

    private void collect(List<Field> fields, List<Field> hits) {
        for (Field f : fields) {
            if (f.span().length() > 0 && (containsIgnoreCase(f.name(), query) || containsIgnoreCase(f.display(), query))) {
                hits.add(f);
            }
            collect(f.children(), hits);
        }
    }

    /** The tree path to field {@code f} of section node {@code sn}, found by descending the section's children. */
    private List<StructureNode> fieldPath(StructureNode sn, Field f, List<StructureNode> stack) {
        List<StructureNode> path = new ArrayList<>(stack);
        StructureNode at = sn;
        while (!tree.isLeaf(at)) {
            StructureNode next = null;
            for (StructureNode c : tree.children(at)) {
                if (f.equals(c.field())) {
                    path.add(c);
                    return path;
                }
                if (c.span().offset() <= f.span().offset() && f.span().end() <= c.span().end() && !tree.isLeaf(c)) {
                    next = c;
                    break;
                }
            }
            if (next == null) {
                return null;
            }
            path.add(next);
            at = next;
        }
        return null;
    }

    /** Name or value text holds the query (the offset is matched separately). */
    private boolean textMatch(StructureNode n) {
        if (containsIgnoreCase(n.name(), query)) {
            return true;
        }
        String value = n.kind() == NodeKind.SECTION ? NodeColumns.sectionSummary(tree.section(n))
                : NodeColumns.value(tree, n);
        return containsIgnoreCase(value, query);
    }
}
