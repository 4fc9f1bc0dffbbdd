package org.savevminspector.diagnostics;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import org.savevminspector.diagnostics.DiagnosticRows.Placed;

/**
 * Diagnostics held as numbers, because a hostile stream raises one per section (a hundred thousand duplicated
 * timers, a million copies of a mislabelled section). Each row is a code, an offset, a length, a section, one
 * number and the source of its texts; rows of one kind made for consecutive sections of one size — the same
 * code, length and template, the offset, section and number each a step further — are held as one run, so a
 * million duplicates of a section cost a few dozen bytes. A diagnostic is made when it is read (an equal one each
 * time: compare with {@code equals}); the texts of those a stream can raise per section are rendered by a shared
 * {@link Template} from their section and number, the others are kept as they were given. Lists merged in report
 * order ({@link #merge}) share the rows of the lists they merge and cost 4 bytes a diagnostic more.
 */
public final class DiagnosticList extends AbstractList<Diagnostic> implements RandomAccess {
    private static final DiagnosticCode[] CODES = DiagnosticCode.values();
    private static final int ROW_BITS = DiagnosticRows.ROW_BITS;
    private static final int ROW_MASK = DiagnosticRows.ROW_MASK;
    private static final int MAX_PARTS = 1 << (31 - ROW_BITS);

    private final DiagnosticRows[] parts;
    /** Part and row of each diagnostic in order; {@code null}: the rows of the only part, in their order. */
    private final int[] refs;
    private final int size;

    /**
     * Renders the texts of one kind of diagnostic from its section and one number (an offset, an index, packed
     * facts). One instance serves every diagnostic of its kind in a stream; it reads what else it needs (the
     * section's idstr, the first copy's offset) from the stream it was made for.
     */
    public interface Template {
        default String message(int section, long arg) {
            return message(section, arg, Coordinates.FILE);
        }

        default String explanation(int section, long arg) {
            return explanation(section, arg, Coordinates.FILE);
        }

        /** The message, its offsets read by {@code at}; a template that words no offsets may ignore it. */
        default String message(int section, long arg, Coordinates at) {
            return message(section, arg);
        }

        default String explanation(int section, long arg, Coordinates at) {
            return explanation(section, arg);
        }
    }

    /** The orders a list can be built in; all are stable (equal keys keep the order they were added in). */
    public enum Order {
        /** As added. */
        ADDED,
        /** By offset. */
        OFFSET,
        /** By offset, then gravest severity first, then code name: the order reports list them in. */
        GRAVEST_FIRST
    }

    private DiagnosticList(DiagnosticRows[] parts, int[] refs, int size) {
        this.parts = parts;
        this.refs = refs;
        this.size = size;
    }

    /** {@code list} as a diagnostic list (itself when it is one). */
    public static DiagnosticList of(List<Diagnostic> list) {
        if (list instanceof DiagnosticList d) {
            return d;
        }
        return builder().addAll(list).build(Order.ADDED);
    }

    /**
     * The diagnostics of all {@code lists} in {@code order}, sharing their rows (the same diagnostics in another
     * order cost a reference each). Lists that are each in {@code order} already are merged, not sorted.
     */
    @SafeVarargs
    public static DiagnosticList merge(Order order, List<Diagnostic>... lists) {
        List<DiagnosticList> in = new ArrayList<>();
        List<DiagnosticRows> parts = new ArrayList<>();
        int total = 0;
        for (List<Diagnostic> l : lists) {
            DiagnosticList d = of(l);
            if (d.size > 0) {
                in.add(d);
                parts.addAll(Arrays.asList(d.parts));
                total += d.size;
            }
        }
        if (in.isEmpty()) {
            return builder().build(Order.ADDED);
        }
        if (in.size() == 1 && (order == Order.ADDED || in.get(0).sorted(order))) {
            return in.get(0);
        }
        if (parts.size() > MAX_PARTS) {
            Builder b = builder();
            in.forEach(b::addAll);
            return b.build(order);
        }
        DiagnosticRows[] p = parts.toArray(DiagnosticRows[]::new);
        int[][] refs = new int[in.size()][];
        int base = 0;
        for (int l = 0; l < in.size(); l++) {
            DiagnosticList d = in.get(l);
            refs[l] = new int[d.size];
            for (int i = 0; i < d.size; i++) {
                refs[l][i] = ((base + d.part(i)) << ROW_BITS) | d.row(i);
            }
            base += d.parts.length;
        }
        int[] out = new int[total];
        if (order == Order.ADDED) {
            int n = 0;
            for (int[] r : refs) {
                System.arraycopy(r, 0, out, n, r.length);
                n += r.length;
            }
        } else if (in.stream().allMatch(d -> d.sorted(order))) {
            // each in order: a stable merge, the earlier list first among equals
            int[] next = new int[refs.length];
            for (int n = 0; n < total; n++) {
                int best = -1;
                for (int l = 0; l < refs.length; l++) {
                    if (next[l] < refs[l].length && (best < 0
                            || DiagnosticRows.compare(order, p, refs[l][next[l]], refs[best][next[best]]) < 0)) {
                        best = l;
                    }
                }
                out[n] = refs[best][next[best]++];
            }
        } else {
            int[] all = new int[total];
            int n = 0;
            for (int[] r : refs) {
                System.arraycopy(r, 0, all, n, r.length);
                n += r.length;
            }
            int[] perm = IndexSort.stable(total, (a, b) -> DiagnosticRows.compare(order, p, all[a], all[b]));
            for (int i = 0; i < total; i++) {
                out[i] = all[perm == null ? i : perm[i]];
            }
        }
        return new DiagnosticList(p, out, total);
    }

    /** Whether this list is in {@code order} already. */
    private boolean sorted(Order order) {
        if (order == Order.ADDED) {
            return true;
        }
        for (int i = 1; i < size; i++) {
            if (DiagnosticRows.compare(order, parts, ref(i - 1), ref(i)) > 0) {
                return false;
            }
        }
        return true;
    }

    public static Builder builder() {
        return new Builder();
    }

    private int part(int i) {
        return refs == null ? 0 : refs[i] >>> ROW_BITS;
    }

    private int row(int i) {
        return refs == null ? i : refs[i] & ROW_MASK;
    }

    private int ref(int i) {
        return refs == null ? i : refs[i];
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Diagnostic get(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("diagnostic " + i + " of " + size);
        }
        return parts[part(i)].get(row(i));
    }

    /** The code of diagnostic {@code i}, without making it. */
    public DiagnosticCode code(int i) {
        return CODES[parts[part(i)].code(row(i))];
    }

    public long offset(int i) {
        return parts[part(i)].offset(row(i));
    }

    public long length(int i) {
        return parts[part(i)].length(row(i));
    }

    public int section(int i) {
        return parts[part(i)].section(row(i));
    }

    /**
     * The same diagnostics {@code delta} bytes further on, their texts' offsets read as that file's (an embedded
     * stream's findings at image offsets: see {@link Coordinates}).
     */
    public DiagnosticList moved(long delta) {
        DiagnosticRows[] moved = new DiagnosticRows[parts.length];
        for (int p = 0; p < parts.length; p++) {
            moved[p] = parts[p].moved(delta);
        }
        return new DiagnosticList(moved, refs, size);
    }

    /**
     * These diagnostics in data of {@code size} bytes: those about a position past the end are anchored at the end
     * of the data, with length 0 (see {@link Diagnostic#anchoredWithin}); this list when none is.
     */
    public DiagnosticList anchoredWithin(long size) {
        boolean any = false;
        for (int i = 0; i < this.size && !any; i++) {
            any = offset(i) > size;
        }
        if (!any) {
            return this;
        }
        Builder b = builder();
        for (int i = 0; i < this.size; i++) {
            DiagnosticRows r = parts[part(i)];
            int row = row(i);
            int run = r.run(row);
            int k = row - r.start[run];
            boolean past = r.offset(row) > size;
            Object text = past && r.text[run] instanceof Diagnostic d ? d.anchoredWithin(size) : b.textOf(r, run);
            b.row(r.code[run], past ? size : r.offset(row), past ? 0 : r.length[run], r.section(row),
                    r.arg[run] + k * r.argStep[run], text);
        }
        return b.build(Order.ADDED);
    }

    /** Collects diagnostics, then builds the list in one of the {@link Order}s. */
    public static final class Builder {
        private int size;
        private int runs;
        private int[] start = new int[8];
        private byte[] code = new byte[8];
        private long[] offset = new long[8];
        private long[] offsetStep = new long[8];
        private long[] length = new long[8];
        private int[] section = new int[8];
        private int[] sectionStep = new int[8];
        private long[] arg = new long[8];
        private long[] argStep = new long[8];
        private Object[] text = new Object[8];
        private final Map<Placed, Placed> placed = new HashMap<>();

        private Builder() {
        }

        public int size() {
            return size;
        }

        /** Adds a diagnostic whose texts it already has. */
        public Builder add(Diagnostic d) {
            row(d.code().ordinal(), d.offset(), d.length(), d.section(), 0, d);
            return this;
        }

        /** Adds a diagnostic whose texts {@code template} renders from {@code section} and {@code arg}. */
        public Builder add(DiagnosticCode code, long offset, long length, int section, Template template, long arg) {
            row(code.ordinal(), offset, length, section, arg, template);
            return this;
        }

        /** Adds every diagnostic of {@code list}; the rows of a {@link DiagnosticList} are copied as they are. */
        public Builder addAll(List<Diagnostic> list) {
            for (int i = 0; i < list.size(); i++) {
                addFrom(list, i);
            }
            return this;
        }

        /** Adds diagnostic {@code i} of {@code list}; a row of a {@link DiagnosticList} is copied as it is. */
        public Builder addFrom(List<Diagnostic> list, int i) {
            if (list instanceof DiagnosticList d) {
                DiagnosticRows r = d.parts[d.part(i)];
                int row = d.row(i);
                int run = r.run(row);
                int k = row - r.start[run];
                row(r.code[run], r.offset(row), r.length[run], r.section(row), r.arg[run] + k * r.argStep[run],
                        textOf(r, run));
                return this;
            }
            return add(list.get(i));
        }

        /**
         * The texts of run {@code run} of {@code r} as this builder holds them: a template of moved rows with the
         * coordinates it was moved to, one object for all its rows (so that they still form runs).
         */
        private Object textOf(DiagnosticRows r, int run) {
            Object t = r.text[run];
            if (t instanceof Diagnostic || !r.at.embedded()) {
                return t;
            }
            Placed p = t instanceof Placed q ? new Placed(q.template(), q.at().moved(r.at.streamStart()))
                    : new Placed((Template) t, r.at);
            return placed.computeIfAbsent(p, x -> x);
        }

        private void row(int c, long off, long len, int sec, long a, Object t) {
            if (size > ROW_MASK) {
                throw new IllegalStateException(size + " diagnostics: more than one list holds");
            }
            if (runs > 0 && extends_(c, off, len, sec, a, t)) {
                size++;
                return;
            }
            if (runs == start.length) {
                int n = runs * 2;
                start = Arrays.copyOf(start, n);
                code = Arrays.copyOf(code, n);
                offset = Arrays.copyOf(offset, n);
                offsetStep = Arrays.copyOf(offsetStep, n);
                length = Arrays.copyOf(length, n);
                section = Arrays.copyOf(section, n);
                sectionStep = Arrays.copyOf(sectionStep, n);
                arg = Arrays.copyOf(arg, n);
                argStep = Arrays.copyOf(argStep, n);
                text = Arrays.copyOf(text, n);
            }
            start[runs] = size;
            code[runs] = (byte) c;
            offset[runs] = off;
            offsetStep[runs] = 0;
            length[runs] = len;
            section[runs] = sec;
            sectionStep[runs] = 0;
            arg[runs] = a;
            argStep[runs] = 0;
            text[runs] = t;
            runs++;
            size++;
        }

        /** Whether the row continues the last run (its first step sets the run's steps). */
        private boolean extends_(int c, long off, long len, int sec, long a, Object t) {
            int r = runs - 1;
            if (code[r] != c || length[r] != len || text[r] != t || t instanceof Diagnostic) {
                return false;
            }
            int k = size - start[r];
            if (k == 1) {
                offsetStep[r] = off - offset[r];
                sectionStep[r] = sec - section[r];
                argStep[r] = a - arg[r];
                return true;
            }
            return off == offset[r] + k * offsetStep[r] && sec == section[r] + k * sectionStep[r]
                    && a == arg[r] + k * argStep[r];
        }

        /** The list in {@code order}; the builder must not be used afterwards. */
        public DiagnosticList build(Order order) {
            DiagnosticRows rows = new DiagnosticRows(size, runs, Arrays.copyOf(start, runs), Arrays.copyOf(code, runs),
                    Arrays.copyOf(offset, runs), Arrays.copyOf(offsetStep, runs), Arrays.copyOf(length, runs),
                    Arrays.copyOf(section, runs), Arrays.copyOf(sectionStep, runs), Arrays.copyOf(arg, runs),
                    Arrays.copyOf(argStep, runs), Arrays.copyOf(text, runs), Coordinates.FILE);
            DiagnosticRows[] one = {rows};
            int[] perm = order == Order.ADDED ? null
                    : IndexSort.stable(size, (a, b) -> DiagnosticRows.compare(order, one, a, b));
            return new DiagnosticList(one, perm, size);
        }
    }
}
