package org.savevminspector.app.gui.model;

import java.util.ArrayList;
import java.util.List;
import org.savevminspector.diagnostics.Severity;
import org.savevminspector.inspect.Inspection;

/**
 * Severities as the viewer says them: the badge shows how many diagnostics have the gravest severity
 * ({@code 3 errors}), its tooltip the whole breakdown ({@code 3 errors, 1 warning, 2 notes}).
 */
public final class SeverityWords {
    private SeverityWords() {
    }

    /** {@code 1 error}, {@code 3 errors}, {@code 1 warning}, {@code 2 notes}, {@code 2 info}. */
    public static String count(long n, Severity s) {
        String word = switch (s) {
            case ERROR -> "error";
            case WARN -> "warning";
            case NOTE -> "note";
            case INFO -> "info";
        };
        return n + " " + word + (n == 1 || s == Severity.INFO ? "" : "s");
    }

    /** The badge: the count of the gravest severity present, or {@code ok} when there is no diagnostic. */
    public static String badge(Inspection in) {
        Severity s = in.highestSeverity();
        return s == null ? "ok" : count(in.count(s), s);
    }

    /** Every severity present, gravest first: {@code 3 errors, 1 warning, 2 notes}; {@code No diagnostics}. */
    public static String breakdown(Inspection in) {
        List<String> parts = new ArrayList<>();
        Severity[] all = Severity.values();
        for (int i = all.length - 1; i >= 0; i--) {
            int n = in.count(all[i]);
            if (n > 0) {
                parts.add(count(n, all[i]));
            }
        }
        return parts.isEmpty() ? "No diagnostics" : String.join(", ", parts);
    }
}
