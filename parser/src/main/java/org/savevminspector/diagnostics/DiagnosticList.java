package org.savevminspector.diagnostics;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

/**
 * Diagnostics held as columns (code, offset, length, section, one number, the texts' source): about 33 bytes per
 * diagnostic instead of an object and two strings, because a hostile stream raises one per section (a hundred
 * thousand duplicated timers, a million copies of a mislabelled section). A diagnostic is made when it is read
 * (an equal one each time: compare with {@code equals}); the texts of those a stream can raise per section are
 * rendered by a shared {@link Template} from their section and number, the others are kept as they were given.
 * Lists merged in report order ({@link #merge}) share the rows of the lists they merge: an inspection's
 * diagnostics cost 4 more bytes each than its parse's.
 */
public final class DiagnosticList extends AbstractList<Diagnostic> implements RandomAccess {
    private static final DiagnosticCode[] CODES = DiagnosticCode.values();
    /** Rank of each code's name in alphabetical order: the last key of {@link Order#GRAVEST_FIRST}. */
    private static final int[] NAME_RANK = nameRanks();
    /** A row reference: the part in the high bits, the row in the part below them. */
    private static final int ROW_BITS = 26;
    private static final int ROW_MASK = (1 << ROW_BITS) - 1;
    private static final int MAX_PARTS = 1 << (31 - ROW_BITS);

    private final Rows[] parts;
    /** Part and row of each diagnostic in order; {@code null}: the rows of the only part, in their order. */
    private final int[] refs;
    private final int size;

    /**
     * Renders the texts of one kind of diagnostic from its section and one number (an offset, an index, packed
     * facts). One instance serves every diagnostic of its kind in a stream; it reads what else it needs (the
     * section's idstr, the first copy's offset) from the stream it was made for.
     */
    public interface Template {
        String message(int section, long arg);

        String explanation(int section, long arg);
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

    /** Columns of diagnostics; never changed once built. */
    private static final class Rows {
        final byte[] codes;
        final long[] offsets;
        final long[] lengths;
        final int[] sections;
        final long[] args;
        /** Per row: the {@link Diagnostic} itself when its texts were given, else the {@link Template}. */
        final Object[] texts;

        Rows(byte[] codes, long[] offsets, long[] lengths, int[] sections, long[] args, Object[] texts) {
            this.codes = codes;
            this.offsets = offsets;
            this.lengths = lengths;
            this.sections = sections;
            this.args = args;
            this.texts = texts;
        }

        int size() {
            return codes.length;
        }

        Diagnostic get(int i) {
            Object t = texts[i];
            if (t instanceof Diagnostic d) {
                return d;
            }
            Template template = (Template) t;
            int section = sections[i];
            long arg = args[i];
            return new Diagnostic(CODES[codes[i]], offsets[i], lengths[i], section, new Diagnostic.Text() {
                @Override
                public String message() {
                    return template.message(section, arg);
                }

                @Override
                public String explanation() {
                    return template.explanation(section, arg);
                }
            });
        }

        /** These rows {@code delta} bytes further on, {@code suffix} after every message. */
        Rows moved(long delta, String suffix) {
            long[] moved = new long[offsets.length];
            Object[] movedTexts = new Object[texts.length];
            Map<Template, Template> suffixed = new IdentityHashMap<>();
            for (int i = 0; i < offsets.length; i++) {
                moved[i] = offsets[i] + delta;
                Object t = texts[i];
                movedTexts[i] = t instanceof Diagnostic d ? d.moved(delta, suffix)
                        : suffixed.computeIfAbsent((Template) t, k -> suffixed(k, suffix));
            }
            return new Rows(codes, moved, lengths, sections, args, movedTexts);
        }
    }

    private DiagnosticList(Rows[] parts, int[] refs, int size) {
        this.parts = parts;
        this.refs = refs;
        this.size = size;
    }

    /** {@code list} as a diagnostic list (itself when it is one). */
    public static DiagnosticList of(List<Diagnostic> list) {
        if (list instanceof DiagnosticList d) {
            return d;
        }
        return builder(list.size()).addAll(list).build(Order.ADDED);
    }

    /**
     * The diagnostics of all {@code lists} in {@code order}, sharing their rows (the same diagnostics in another
     * order cost a reference each).
     */
    @SafeVarargs
    public static DiagnosticList merge(Order order, List<Diagnostic>... lists) {
        List<Rows> parts = new ArrayList<>();
        int total = 0;
        for (List<Diagnostic> l : lists) {
            DiagnosticList d = of(l);
            parts.addAll(Arrays.asList(d.parts));
            total += d.size;
        }
        if (parts.size() > MAX_PARTS) {
            Builder b = builder(total);
            for (List<Diagnostic> l : lists) {
                b.addAll(l);
            }
            return b.build(order);
        }
        int[] refs = new int[total];
        int n = 0;
        int base = 0;
        for (List<Diagnostic> l : lists) {
            DiagnosticList d = of(l);
            for (int i = 0; i < d.size; i++) {
                refs[n++] = ((base + d.part(i)) << ROW_BITS) | d.row(i);
            }
            base += d.parts.length;
        }
        Rows[] p = parts.toArray(Rows[]::new);
        int[] perm = order == Order.ADDED ? null
                : IndexSort.stable(total, (a, b) -> compare(order, p, refs[a], refs[b]));
        int[] ordered = refs;
        if (perm != null) {
            ordered = new int[total];
            for (int i = 0; i < total; i++) {
                ordered[i] = refs[perm[i]];
            }
        }
        return new DiagnosticList(p, ordered, total);
    }

    public static Builder builder() {
        return new Builder(16);
    }

    public static Builder builder(int expected) {
        return new Builder(expected);
    }

    private int part(int i) {
        return refs == null ? 0 : refs[i] >>> ROW_BITS;
    }

    private int row(int i) {
        return refs == null ? i : refs[i] & ROW_MASK;
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
        return CODES[parts[part(i)].codes[row(i)]];
    }

    public long offset(int i) {
        return parts[part(i)].offsets[row(i)];
    }

    public long length(int i) {
        return parts[part(i)].lengths[row(i)];
    }

    public int section(int i) {
        return parts[part(i)].sections[row(i)];
    }

    /**
     * The same diagnostics {@code delta} bytes further on, with {@code suffix} after every message (an embedded
     * stream's findings at image offsets). Shares every column but the offsets and the texts' sources.
     */
    public DiagnosticList moved(long delta, String suffix) {
        Rows[] moved = new Rows[parts.length];
        for (int p = 0; p < parts.length; p++) {
            moved[p] = parts[p].moved(delta, suffix);
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
        Builder b = builder(this.size);
        for (int i = 0; i < this.size; i++) {
            Rows r = parts[part(i)];
            int k = row(i);
            boolean past = r.offsets[k] > size;
            Object text = past && r.texts[k] instanceof Diagnostic d ? d.anchoredWithin(size) : r.texts[k];
            b.row(r.codes[k], past ? size : r.offsets[k], past ? 0 : r.lengths[k], r.sections[k], r.args[k], text);
        }
        return b.build(Order.ADDED);
    }

    private static Template suffixed(Template t, String suffix) {
        if (suffix.isEmpty()) {
            return t;
        }
        return new Template() {
            @Override
            public String message(int section, long arg) {
                return t.message(section, arg) + suffix;
            }

            @Override
            public String explanation(int section, long arg) {
                return t.explanation(section, arg);
            }
        };
    }

    /** Compares two row references by {@code order}. */
    private static int compare(Order order, Rows[] parts, int a, int b) {
        Rows ra = parts[a >>> ROW_BITS];
        Rows rb = parts[b >>> ROW_BITS];
        int ia = a & ROW_MASK;
        int ib = b & ROW_MASK;
        int c = Long.compare(ra.offsets[ia], rb.offsets[ib]);
        if (c != 0 || order == Order.OFFSET) {
            return c;
        }
        int ca = ra.codes[ia];
        int cb = rb.codes[ib];
        c = Integer.compare(CODES[cb].severity().ordinal(), CODES[ca].severity().ordinal());
        return c != 0 ? c : Integer.compare(NAME_RANK[ca], NAME_RANK[cb]);
    }

    private static int[] nameRanks() {
        DiagnosticCode[] byName = CODES.clone();
        Arrays.sort(byName, (a, b) -> a.name().compareTo(b.name()));
        int[] rank = new int[CODES.length];
        for (int r = 0; r < byName.length; r++) {
            rank[byName[r].ordinal()] = r;
        }
        return rank;
    }

    /** Collects diagnostics, then builds the list in one of the {@link Order}s. */
    public static final class Builder {
        private byte[] codes;
        private long[] offsets;
        private long[] lengths;
        private int[] sections;
        private long[] args;
        private Object[] texts;
        private int size;

        private Builder(int expected) {
            int n = Math.max(4, expected);
            codes = new byte[n];
            offsets = new long[n];
            lengths = new long[n];
            sections = new int[n];
            args = new long[n];
            texts = new Object[n];
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
            if (list instanceof DiagnosticList d) {
                for (int i = 0; i < d.size; i++) {
                    Rows r = d.parts[d.part(i)];
                    int k = d.row(i);
                    row(r.codes[k], r.offsets[k], r.lengths[k], r.sections[k], r.args[k], r.texts[k]);
                }
            } else {
                for (Diagnostic x : list) {
                    add(x);
                }
            }
            return this;
        }

        private void row(int code, long offset, long length, int section, long arg, Object text) {
            if (size == codes.length) {
                int n = size + (size >> 1) + 1;
                codes = Arrays.copyOf(codes, n);
                offsets = Arrays.copyOf(offsets, n);
                lengths = Arrays.copyOf(lengths, n);
                sections = Arrays.copyOf(sections, n);
                args = Arrays.copyOf(args, n);
                texts = Arrays.copyOf(texts, n);
            }
            codes[size] = (byte) code;
            offsets[size] = offset;
            lengths[size] = length;
            sections[size] = section;
            args[size] = arg;
            texts[size] = text;
            size++;
        }

        /** The list in {@code order}; the builder must not be used afterwards. */
        public DiagnosticList build(Order order) {
            if (size > ROW_MASK) {
                throw new IllegalStateException(size + " diagnostics: more than one list holds");
            }
            Rows rows = new Rows(Arrays.copyOf(codes, size), Arrays.copyOf(offsets, size), Arrays.copyOf(lengths, size),
                    Arrays.copyOf(sections, size), Arrays.copyOf(args, size), Arrays.copyOf(texts, size));
            codes = null;
            Rows[] one = {rows};
            int[] perm = order == Order.ADDED ? null
                    : IndexSort.stable(size, (a, b) -> compare(order, one, a, b));
            return new DiagnosticList(one, perm, size);
        }
    }
}
