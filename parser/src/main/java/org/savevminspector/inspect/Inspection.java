package org.savevminspector.inspect;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.diagnostics.DiagnosticCode;
import org.savevminspector.diagnostics.Severity;
import org.savevminspector.loader.LoaderReport;
import org.savevminspector.model.Section;
import org.savevminspector.stream.ParseResult;

/**
 * Everything the tool knows about one file: the shape walk, the loader simulation and all diagnostics, in
 * offset order. The GUI, the CLI and the repair verifier all work from this one value.
 *
 * @param parse       the structure as found
 * @param loader      the upstream loader simulation ({@link Inspector} always runs it, also on files that are
 *                    no QEVM stream); {@code null} only in an inspection built without one
 * @param diagnostics every diagnostic (parse and loader), sorted by offset, then severity (gravest first)
 */
public record Inspection(ParseResult parse, LoaderReport loader, List<Diagnostic> diagnostics) {

    public Inspection {
        diagnostics = List.copyOf(diagnostics);
    }

    public List<Section> sections() {
        return parse.sections();
    }

    /** The gravest severity present, or {@code null} for a clean file. */
    public Severity highestSeverity() {
        return gravest(d -> true);
    }

    /** How many diagnostics have {@code severity}. */
    public int count(Severity severity) {
        int n = 0;
        for (Diagnostic d : diagnostics) {
            if (d.severity() == severity) {
                n++;
            }
        }
        return n;
    }

    public List<Diagnostic> diagnosticsFor(int sectionIndex) {
        List<Diagnostic> out = new ArrayList<>();
        for (Diagnostic d : diagnostics) {
            if (d.section() == sectionIndex) {
                out.add(d);
            }
        }
        return out;
    }

    /** Gravest severity among the section's diagnostics, or {@code null} when it has none ("ok"). */
    public Severity sectionStatus(int sectionIndex) {
        return gravest(d -> d.section() == sectionIndex);
    }

    private Severity gravest(Predicate<Diagnostic> which) {
        Severity max = null;
        for (Diagnostic d : diagnostics) {
            if (which.test(d) && (max == null || d.severity().atLeast(max))) {
                max = d.severity();
            }
        }
        return max;
    }

    public boolean has(DiagnosticCode code) {
        for (Diagnostic d : diagnostics) {
            if (d.code() == code) {
                return true;
            }
        }
        return false;
    }
}
