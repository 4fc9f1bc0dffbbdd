package org.savevminspector.inspect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.diagnostics.DiagnosticCode;
import org.savevminspector.diagnostics.DiagnosticList;
import org.savevminspector.diagnostics.Severity;
import org.savevminspector.io.ByteSource;
import org.savevminspector.loader.LoaderReport;
import org.savevminspector.model.Section;
import org.savevminspector.stream.ParseResult;

/**
 * Everything the tool knows about one file: the shape walk, the loader simulation and all diagnostics, in
 * offset order. The GUI, the CLI and the repair verifier all work from this one value.
 *
 * <p>A value with the accessors of a record: {@code parse} (the structure as found), {@code loader} (the upstream
 * loader simulation — {@link Inspector} always runs it, also on files that are no QEVM stream; {@code null} only
 * in an inspection built without one) and {@code diagnostics} (every diagnostic, parse and loader, sorted by
 * offset, then severity, gravest first). What reports ask per section (its status, its diagnostics) is indexed
 * once, on first use, so that a report of a million sections is not a million scans of the diagnostics.
 */
public final class Inspection {
    private static final Severity[] SEVERITIES = Severity.values();

    private final ParseResult parse;
    private final LoaderReport loader;
    private final List<Diagnostic> diagnostics;
    /** Per section, 1 + the ordinal of its gravest diagnostic's severity, 0 for none; made on first use. */
    private volatile byte[] status;
    /** Diagnostics per severity ordinal; made on first use. */
    private volatile int[] counts;
    /** The diagnostics naming each section: {@code bySection[first[s] .. first[s + 1])}; made on first use. */
    private volatile int[][] index;

    public Inspection(ParseResult parse, LoaderReport loader, List<Diagnostic> diagnostics) {
        this.parse = parse;
        this.loader = loader;
        this.diagnostics = diagnostics instanceof DiagnosticList ? diagnostics : List.copyOf(diagnostics);
    }

    public ParseResult parse() {
        return parse;
    }

    public LoaderReport loader() {
        return loader;
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    public List<Section> sections() {
        return parse.sections();
    }

    /** This inspection with its sections' fields decoded from {@code src} (see {@link ParseResult#readingFrom}). */
    public Inspection readingFrom(ByteSource src) {
        return new Inspection(parse.readingFrom(src), loader, diagnostics);
    }

    private DiagnosticCode code(int i) {
        return diagnostics instanceof DiagnosticList d ? d.code(i) : diagnostics.get(i).code();
    }

    private int section(int i) {
        return diagnostics instanceof DiagnosticList d ? d.section(i) : diagnostics.get(i).section();
    }

    /** The gravest severity present, or {@code null} for a clean file. */
    public Severity highestSeverity() {
        int[] c = counts();
        for (int s = c.length - 1; s >= 0; s--) {
            if (c[s] > 0) {
                return SEVERITIES[s];
            }
        }
        return null;
    }

    /** How many diagnostics have {@code severity}. */
    public int count(Severity severity) {
        return counts()[severity.ordinal()];
    }

    private int[] counts() {
        int[] c = counts;
        if (c == null) {
            c = new int[SEVERITIES.length];
            for (int i = 0; i < diagnostics.size(); i++) {
                c[code(i).severity().ordinal()]++;
            }
            counts = c;
        }
        return c;
    }

    public List<Diagnostic> diagnosticsFor(int sectionIndex) {
        List<Diagnostic> out = new ArrayList<>();
        for (int i : diagnosticIndexesFor(sectionIndex)) {
            out.add(diagnostics.get(i));
        }
        return out;
    }

    /** Where the diagnostics naming section {@code sectionIndex} are in {@link #diagnostics()}, ascending. */
    public int[] diagnosticIndexesFor(int sectionIndex) {
        int[][] ix = index();
        if (sectionIndex < 0 || sectionIndex + 1 >= ix[0].length) {
            return new int[0];
        }
        return Arrays.copyOfRange(ix[1], ix[0][sectionIndex], ix[0][sectionIndex + 1]);
    }

    /** The diagnostics of each section, in list order, as index ranges: one counting pass and one filling pass. */
    private int[][] index() {
        int[][] ix = index;
        if (ix == null) {
            int n = sections().size();
            int[] first = new int[n + 1];
            int named = 0;
            for (int i = 0; i < diagnostics.size(); i++) {
                int s = section(i);
                if (s >= 0 && s < n) {
                    first[s + 1]++;
                    named++;
                }
            }
            for (int s = 0; s < n; s++) {
                first[s + 1] += first[s];
            }
            int[] fill = first.clone();
            int[] bySection = new int[named];
            for (int i = 0; i < diagnostics.size(); i++) {
                int s = section(i);
                if (s >= 0 && s < n) {
                    bySection[fill[s]++] = i;
                }
            }
            ix = new int[][] {first, bySection};
            index = ix;
        }
        return ix;
    }

    /** Gravest severity among the section's diagnostics, or {@code null} when it has none ("ok"). */
    public Severity sectionStatus(int sectionIndex) {
        byte[] st = status;
        if (st == null) {
            st = new byte[sections().size()];
            for (int i = 0; i < diagnostics.size(); i++) {
                int s = section(i);
                if (s >= 0 && s < st.length) {
                    st[s] = (byte) Math.max(st[s], code(i).severity().ordinal() + 1);
                }
            }
            status = st;
        }
        if (sectionIndex < 0 || sectionIndex >= st.length) {
            // a diagnostic may name a section the list does not have (a hand-made inspection): scan for it
            Severity max = null;
            for (int i = 0; i < diagnostics.size(); i++) {
                if (section(i) == sectionIndex && (max == null || code(i).severity().atLeast(max))) {
                    max = code(i).severity();
                }
            }
            return max;
        }
        return st[sectionIndex] == 0 ? null : SEVERITIES[st[sectionIndex] - 1];
    }

    public boolean has(DiagnosticCode code) {
        for (int i = 0; i < diagnostics.size(); i++) {
            if (code(i) == code) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || (o instanceof Inspection in && parse.equals(in.parse) && Objects.equals(loader, in.loader)
                && diagnostics.equals(in.diagnostics));
    }

    @Override
    public int hashCode() {
        return Objects.hash(parse, loader, diagnostics.size());
    }

    @Override
    public String toString() {
        return "Inspection[parse=" + parse + ", loader=" + (loader == null ? null : loader.outcome()) + ", diagnostics="
                + diagnostics.size() + "]";
    }
}
