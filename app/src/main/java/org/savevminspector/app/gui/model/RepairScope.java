package org.savevminspector.app.gui.model;

import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.diagnostics.DiagnosticCode;
import org.savevminspector.diagnostics.Severity;
import org.savevminspector.inspect.Inspection;
import org.savevminspector.model.Section;
import org.savevminspector.model.StreamFormat;

/**
 * Whether File → Export repaired file has anything to offer for a file. The repairs (relabel or upgrade of a
 * section whose label does not match its body, and trimming the bytes after the EOF marker) only apply to a
 * readable savevm stream with one of those two findings; for any other file the dialog of strategies would be
 * noise, so the viewer says in one sentence why there is nothing to repair instead.
 */
public final class RepairScope {
    private RepairScope() {
    }

    /** {@code null} when a repair applies; otherwise the sentence saying why there is nothing to repair. */
    public static String nothingToRepair(Inspection in, String fileName) {
        if (in.parse().format() == StreamFormat.UNKNOWN || in.parse().header() == null
                || in.has(DiagnosticCode.BAD_MAGIC) || in.has(DiagnosticCode.UNSUPPORTED_FILE_VERSION)) {
            String why = in.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).findFirst()
                    .map(Diagnostic::message).orElse("no savevm header");
            return "Nothing to repair: " + fileName + " is not a savevm stream this tool can read (" + why + ").";
        }
        for (Section s : in.sections()) {
            boolean diagnosed = in.diagnosticsFor(s.index()).stream()
                    .anyMatch(d -> d.code() == DiagnosticCode.VERSION_LABEL_MISMATCH);
            if (s.labelMismatch() && diagnosed) {
                return null;
            }
        }
        boolean trailing = in.parse().trailing() != null && in.parse().trailing().length() > 0 && in.parse().eof() != null;
        if (trailing) {
            return null;
        }
        long errors = in.count(Severity.ERROR);
        return "Nothing to repair in " + fileName + ": no section's version label disagrees with its body and there are "
                + "no bytes after the EOF marker" + (errors > 0 ? " (its " + errors + " error(s) are not ones a repair can fix)." : ".");
    }
}
