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

    /** Runs every check on every decoded section it applies to. */
    public Run run(List<Section> sections) {
        List<Diagnostic> all = new ArrayList<>();
        List<Result> results = new ArrayList<>(checks.size());
        for (SectionCheck c : checks) {
            int checked = 0;
            int before = all.size();
            for (Section s : sections) {
                if (s.decoded() && c.appliesTo(s)) {
                    checked++;
                    c.check(s, all);
                }
            }
            results.add(new Result(c, checked, all.size() - before));
        }
        return new Run(all, results);
    }

    private static final class Holder {
        static final CheckCatalog STANDARD = new CheckCatalog(
                ServiceLoader.load(SectionCheck.class, CheckCatalog.class.getClassLoader()).stream()
                        .map(ServiceLoader.Provider::get).map(SectionCheck.class::cast).toList());
    }
}
