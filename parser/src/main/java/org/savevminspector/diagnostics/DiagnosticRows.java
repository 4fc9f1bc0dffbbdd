package org.savevminspector.diagnostics;

import java.util.Arrays;

/**
 * The rows of a {@link DiagnosticList} as runs: run {@code r} holds rows {@code start[r] ..} of one code, length and
 * text source, each row's offset, section and number a fixed step after the row before. Never changed once built.
 */
final class DiagnosticRows {
    private static final DiagnosticCode[] CODES = DiagnosticCode.values();
    /** Rank of each code's name in alphabetical order: the last key of {@link DiagnosticList.Order#GRAVEST_FIRST}. */
    private static final int[] NAME_RANK = nameRanks();
    /** A row reference of a {@link DiagnosticList}: the part in the high bits, the row in the part below them. */
    static final int ROW_BITS = 26;
    static final int ROW_MASK = (1 << ROW_BITS) - 1;

    /** A template of rows copied from a moved list, with the coordinates they were moved to. */
    record Placed(DiagnosticList.Template template, Coordinates at) {
    }

    final int size;
    final int runs;
    final int[] start;
    final byte[] code;
    final long[] offset;
    final long[] offsetStep;
    final long[] length;
    final int[] section;
    final int[] sectionStep;
    final long[] arg;
    final long[] argStep;
    /**
     * Per run: the {@link Diagnostic} itself when its texts were given (a run of one), else a
     * {@link DiagnosticList.Template}.
     */
    final Object[] text;
    /** How the offsets in the templates' texts read. */
    final Coordinates at;
    /** The run found last: rows are mostly read in order (a hint; any thread may set it). */
    private int hint;

    DiagnosticRows(int size, int runs, int[] start, byte[] code, long[] offset, long[] offsetStep, long[] length,
         int[] section, int[] sectionStep, long[] arg, long[] argStep, Object[] text, Coordinates at) {
        this.size = size;
        this.runs = runs;
        this.start = start;
        this.code = code;
        this.offset = offset;
        this.offsetStep = offsetStep;
        this.length = length;
        this.section = section;
        this.sectionStep = sectionStep;
        this.arg = arg;
        this.argStep = argStep;
        this.text = text;
        this.at = at;
    }

    /** The run holding {@code row}. */
    int run(int row) {
        int h = hint;
        if (h < runs && start[h] <= row && (h + 1 == runs || row < start[h + 1])) {
            return h;
        }
        if (h + 1 < runs && start[h + 1] <= row && (h + 2 == runs || row < start[h + 2])) {
            hint = h + 1;
            return h + 1;
        }
        int r = Arrays.binarySearch(start, 0, runs, row);
        r = r >= 0 ? r : -r - 2;
        hint = r;
        return r;
    }

    int code(int row) {
        return code[run(row)];
    }

    long offset(int row) {
        int r = run(row);
        return offset[r] + (row - start[r]) * offsetStep[r];
    }

    long length(int row) {
        return length[run(row)];
    }

    int section(int row) {
        int r = run(row);
        return section[r] + (row - start[r]) * sectionStep[r];
    }

    Diagnostic get(int row) {
        int r = run(row);
        if (text[r] instanceof Diagnostic d) {
            return d;
        }
        int k = row - start[r];
        Coordinates at = this.at;
        DiagnosticList.Template template;
        if (text[r] instanceof Placed p) {
            template = p.template();
            at = at.moved(p.at().streamStart());
        } else {
            template = (DiagnosticList.Template) text[r];
        }
        Coordinates c0 = at;
        int s = section[r] + k * sectionStep[r];
        long a = arg[r] + k * argStep[r];
        return new Diagnostic(CODES[code[r]], offset[r] + k * offsetStep[r], length[r], s, new Diagnostic.Text() {
            @Override
            public String message(Coordinates c) {
                return template.message(s, a, c);
            }

            @Override
            public String explanation(Coordinates c) {
                return template.explanation(s, a, c);
            }
        }, c0);
    }

    /** These rows {@code delta} bytes further on, their texts' offsets read as that file's. */
    DiagnosticRows moved(long delta) {
        long[] moved = new long[runs];
        Object[] movedText = new Object[runs];
        for (int r = 0; r < runs; r++) {
            moved[r] = offset[r] + delta;
            movedText[r] = text[r] instanceof Diagnostic d ? d.moved(delta) : text[r];
        }
        return new DiagnosticRows(size, runs, start, code, moved, offsetStep, length, section, sectionStep, arg,
                argStep, movedText, at.moved(delta));
    }

    /** Compares two row references by {@code order}. */
    static int compare(DiagnosticList.Order order, DiagnosticRows[] parts, int a, int b) {
        DiagnosticRows ra = parts[a >>> ROW_BITS];
        DiagnosticRows rb = parts[b >>> ROW_BITS];
        int ia = a & ROW_MASK;
        int ib = b & ROW_MASK;
        int c = Long.compare(ra.offset(ia), rb.offset(ib));
        if (c != 0 || order == DiagnosticList.Order.OFFSET) {
            return c;
        }
        int ca = ra.code(ia);
        int cb = rb.code(ib);
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
}
