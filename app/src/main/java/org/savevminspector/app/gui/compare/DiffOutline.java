package org.savevminspector.app.gui.compare;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.savevminspector.diff.ContainerDiff;
import org.savevminspector.diff.DiffPair;
import org.savevminspector.diff.DiffResult;
import org.savevminspector.diff.FieldPair;

/**
 * The rows of a comparison list for one {@link DiffResult}: a row per pair in file order (file header, sections,
 * EOF marker, trailing and unparsed bytes) with its differing fields under it, then the container summary with its
 * facts; with "differences only", just the rows that differ. The differences one steps through with F6 are the
 * {@linkplain DiffRow#isStop stops} in that order, whatever the list shows. Rows are made once: the same row is
 * the same object wherever it is handed out.
 */
public final class DiffOutline {
    private final DiffResult result;
    private final List<DiffRow> top = new ArrayList<>();
    private final Map<DiffRow, List<DiffRow>> children = new IdentityHashMap<>();
    /**
     * By value: a comparison's section pairs are made when read (a million sections a side), equal and not the same
     * object each time.
     */
    private final Map<DiffPair, DiffRow> pairRows = new HashMap<>();
    /** Every row's place in list order (each parent followed by its children). */
    private final Map<DiffRow, Integer> position = new IdentityHashMap<>();
    private final List<DiffRow> stops = new ArrayList<>();

    public DiffOutline(DiffResult result) {
        this.result = result;
        for (DiffPair p : result.pairs()) {
            List<DiffRow> fields = new ArrayList<>();
            for (FieldPair f : p.fields()) {
                fields.add(new DiffRow.FieldRow(p, f));
            }
            DiffRow row = new DiffRow.PairRow(p);
            pairRows.put(p, row);
            add(row, fields);
        }
        ContainerDiff c = result.container();
        if (c != null) {
            add(new DiffRow.ContainerRow(c), c.facts().stream().map(f -> (DiffRow) new DiffRow.FactRow(f)).toList());
        }
    }

    private void add(DiffRow parent, List<DiffRow> kids) {
        top.add(parent);
        children.put(parent, List.copyOf(kids));
        for (DiffRow r : concat(parent, kids)) {
            position.put(r, position.size());
            if (r.isStop()) {
                stops.add(r);
            }
        }
    }

    private static List<DiffRow> concat(DiffRow parent, List<DiffRow> kids) {
        List<DiffRow> out = new ArrayList<>(kids.size() + 1);
        out.add(parent);
        out.addAll(kids);
        return out;
    }

    public DiffResult result() {
        return result;
    }

    /** The top-level rows: every pair and the container summary, or only those that differ. */
    public List<DiffRow> top(boolean differencesOnly) {
        return differencesOnly ? differing(top) : top;
    }

    /** The rows under {@code row}: a pair's differing fields; the container's facts (or only its differing ones). */
    public List<DiffRow> children(DiffRow row, boolean differencesOnly) {
        List<DiffRow> kids = children.getOrDefault(row, List.of());
        return differencesOnly ? differing(kids) : kids;
    }

    private static List<DiffRow> differing(List<DiffRow> rows) {
        return rows.stream().filter(r -> r.status().isDifference()).toList();
    }

    /** The differences in list order. */
    public List<DiffRow> stops() {
        return stops;
    }

    /**
     * The row of {@code pair} ({@code path} null), or of its differing field at {@code path}; {@code null} when
     * there is none (the field is the same on both sides).
     */
    public DiffRow rowOf(DiffPair pair, String path) {
        DiffRow row = pairRows.get(pair);
        if (row == null || path == null) {
            return row;
        }
        for (DiffRow f : children.get(row)) {
            if (((DiffRow.FieldRow) f).field().path().equals(path)) {
                return f;
            }
        }
        return null;
    }

    /**
     * Where F6 (or Shift+F6) goes from {@code current}: the next (previous) difference in list order, round the
     * end when there is none; from no row, the first (last).
     *
     * @param row     the difference
     * @param number  its number among the differences, from 1
     * @param wrapped whether the step went round the end of the list
     */
    public record Step(DiffRow row, int number, boolean wrapped) {
    }

    /** The step from {@code current} ({@code null}: no row), or {@code null} when nothing differs. */
    public Step step(DiffRow current, boolean forward) {
        if (stops.isEmpty()) {
            return null;
        }
        Integer at = current == null ? null : position.get(current);
        int last = stops.size() - 1;
        if (at == null) {
            return forward ? new Step(stops.get(0), 1, false) : new Step(stops.get(last), last + 1, false);
        }
        if (forward) {
            for (int i = 0; i <= last; i++) {
                if (position.get(stops.get(i)) > at) {
                    return new Step(stops.get(i), i + 1, false);
                }
            }
            return new Step(stops.get(0), 1, true);
        }
        for (int i = last; i >= 0; i--) {
            if (position.get(stops.get(i)) < at) {
                return new Step(stops.get(i), i + 1, false);
            }
        }
        return new Step(stops.get(last), last + 1, true);
    }
}
