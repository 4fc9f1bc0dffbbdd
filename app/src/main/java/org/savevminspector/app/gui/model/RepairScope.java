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

    /** {@code null} when the file is a savevm stream a repair could apply to; otherwise why not, in one sentence. */
    public static String notAStream(Inspection in, String fileName) {
        if (in.parse().format() == StreamFormat.UNKNOWN || in.parse().header() == null
                || in.has(DiagnosticCode.BAD_MAGIC) || in.has(DiagnosticCode.UNSUPPORTED_FILE_VERSION)) {
            String why = in.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).findFirst()
                    .map(Diagnostic::message).orElse("no savevm header");
            return "Nothing to repair: " + fileName + " is not a savevm stream this tool can read (" + why + ").";
        }
        return null;
    }

    /**
     * A quick answer without planning: {@code null} when the label/body or trailing-bytes repair applies, else
     * the sentence for "nothing to repair". The conversions between XenServer and upstream layouts are not
     * judged here: the viewer plans every strategy before it says there is nothing to do.
     */
    public static String nothingToRepair(Inspection in, String fileName) {
        String notStream = notAStream(in, fileName);
        if (notStream != null) {
            return notStream;
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
        return nothingSentence(in, fileName);
    }

    /**
     * "Nothing to repair in FILE: …" for a stream no repair changes, though a conversion for another loader may:
     * the repair dialog's answer above the conversions it offers.
     */
    public static String cleanSentence(Inspection in, String fileName) {
        long errors = in.count(Severity.ERROR);
        return "Nothing to repair in " + fileName + ": no version label disagrees with its body and no bytes follow "
                + "the EOF marker" + (errors > 0 ? " (its " + errors + " error(s) are not ones a repair can fix)." : ".");
    }

    /** "Nothing to repair in FILE: …" for a stream no strategy changes. */
    public static String nothingSentence(Inspection in, String fileName) {
        long errors = in.count(Severity.ERROR);
        return "Nothing to repair in " + fileName + ": no repair strategy changes a byte of it (no version label "
                + "disagrees with its body, no bytes follow the EOF marker, no layout needs converting)" + (errors > 0 ? " (its " + errors + " error(s) are not ones a repair can fix)." : ".");
    }
}
