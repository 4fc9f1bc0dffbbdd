package org.savevminspector.devices.checks;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.model.Section;

/**
 * Every {@link SectionCheck}, found with {@link ServiceLoader}; runs them over a stream's sections and says, per
 * check, how many sections it looked at and how many findings it made.
 */
public final class CheckCatalog {
    private final List<SectionCheck> checks;

    public CheckCatalog(List<SectionCheck> checks) {
        List<SectionCheck> sorted = new ArrayList<>(checks);
        sorted.sort(Comparator.comparing(SectionCheck::id));
        this.checks = List.copyOf(sorted);
    }

    public static CheckCatalog standard() {
        return Holder.STANDARD;
    }

    public List<SectionCheck> checks() {
        return checks;
    }

    /** One check's part in a run. */
    public record Result(SectionCheck check, int sectionsChecked, int findings) {
        /** Whether it looked at anything in this file. */
        public boolean ran() {
            return sectionsChecked > 0;
        }
    }

    /** The findings of a run and what each check did. */
    public record Run(List<Diagnostic> diagnostics, List<Result> results) {
        public Run {
            diagnostics = List.copyOf(diagnostics);
            results = List.copyOf(results);
        }
    }

    /**
     * Runs every check on every decoded section it applies to. Section by section, so that each section's fields
     * are decoded once for all checks; the findings are listed check by check, as the checks are sorted.
     */
    public Run run(List<Section> sections) {
        Collector c = collector();
        for (Section s : sections) {
            c.accept(s);
        }
        return c.finish();
    }

    /** A run fed section by section (the parser's own pass over the sections feeds it). */
    public Collector collector() {
        return new Collector();
    }

    /** Collects the findings of every check, section by section; {@link #finish} says what each did. */
    public final class Collector {
        private final List<List<Diagnostic>> found = new ArrayList<>(checks.size());
        private final int[] checked = new int[checks.size()];

        private Collector() {
            for (int c = 0; c < checks.size(); c++) {
                found.add(new ArrayList<>());
            }
        }

        public void accept(Section s) {
            if (!s.decoded()) {
                return;
            }
            for (int c = 0; c < checks.size(); c++) {
                SectionCheck check = checks.get(c);
                if (check.appliesTo(s)) {
                    checked[c]++;
                    check.check(s, found.get(c));
                }
            }
        }

        public Run finish() {
            List<Diagnostic> all = new ArrayList<>();
            List<Result> results = new ArrayList<>(checks.size());
            for (int c = 0; c < checks.size(); c++) {
                all.addAll(found.get(c));
                results.add(new Result(checks.get(c), checked[c], found.get(c).size()));
            }
            return new Run(all, results);
        }
    }

    private static final class Holder {
        static final CheckCatalog STANDARD = new CheckCatalog(
                ServiceLoader.load(SectionCheck.class, CheckCatalog.class.getClassLoader()).stream()
                        .map(ServiceLoader.Provider::get).map(SectionCheck.class::cast).toList());
    }
}
