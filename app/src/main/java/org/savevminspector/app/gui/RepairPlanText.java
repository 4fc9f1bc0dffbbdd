package org.savevminspector.app.gui;

import java.util.ArrayList;
import java.util.List;
import org.savevminspector.app.gui.model.DetailLine;
import org.savevminspector.app.gui.model.NodeDetail;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.diagnostics.Severity;
import org.savevminspector.loader.LoaderReport;
import org.savevminspector.model.Span;
import org.savevminspector.repair.RepairPlan;

/** What the repair dialog says about a plan: the one-line outcome beside a strategy, the lines of its result. */
final class RepairPlanText {
    private RepairPlanText() {
    }

    /** One line: what the upstream loader simulation says about the repaired bytes, and what still remains. */
    static String outcome(RepairPlan p) {
        if (p.refusal() != null) {
            return "Refused: " + p.refusal();
        }
        if (!p.hasEdits()) {
            return "Nothing to change with this strategy.";
        }
        LoaderReport l = p.after() == null ? null : p.after().loader();
        String loader = l == null ? "not a stream the loader reads" : NodeDetail.loaderOutcome(l);
        long errors = p.remaining().stream().filter(d -> d.severity() == Severity.ERROR).count();
        return "Loader simulation on the result: " + loader + "; " + p.fixed().size() + " diagnostic(s) fixed, "
                + p.remaining().size() + " remain" + (errors > 0 ? " (" + errors + " error(s) elsewhere)" : "") + "."
                + (p.acceptedBy().isEmpty() ? " No loader profile restores every section of it."
                        : " Loaded completely by: " + String.join(", ", p.acceptedBy()) + ".");
    }

    /**
     * The result of {@code p}: what it fixes, leaves and introduces, the loader's replay of the repaired stream (its
     * offsets read where the stream lies in a save image, {@code stream}; {@code null} for a bare stream) and the size
     * of the file written.
     */
    static List<DetailLine> resultLines(RepairPlan p, Span stream, long sizeBefore, long sizeAfter) {
        List<DetailLine> lines = new ArrayList<>();
        for (Diagnostic d : p.fixed()) {
            lines.add(new DetailLine("fixed " + d.code().name(), d.message(), "ok"));
        }
        for (Diagnostic d : p.remaining()) {
            lines.add(new DetailLine("remains " + d.severity().json() + " " + d.code().name(), d.message(), d.severity().json()));
        }
        for (Diagnostic d : p.introduced()) {
            lines.add(new DetailLine("NEW " + d.severity().json() + " " + d.code().name(), d.message(), "error"));
        }
        LoaderReport l = p.after() == null ? null : p.after().loader();
        if (l != null) {
            // the repaired stream's replay, its offsets read where the stream lies in the image
            lines.add(NodeDetail.loader("Loader " + l.profile() + " on the result",
                    stream == null ? l : l.moved(stream.offset()), "ok"));
        }
        if (p.hasEdits()) {
            lines.add(new DetailLine("Size", sizeBefore + " → " + sizeAfter + " bytes", ""));
        }
        return lines;
    }
}
