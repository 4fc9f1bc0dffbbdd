package org.savevminspector.repair;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.diagnostics.DiagnosticCode;
import org.savevminspector.inspect.Inspection;
import org.savevminspector.inspect.Inspector;
import org.savevminspector.io.ByteSource;
import org.savevminspector.io.ParseOptions;
import org.savevminspector.loader.LoaderProfile;
import org.savevminspector.loader.LoaderProfiles;
import org.savevminspector.loader.LoaderReport;
import org.savevminspector.loader.LoaderVerdict;

/**
 * Plans a conversion between loader families ({@code to-upstream}, {@code to-xenserver}): the header edits of
 * the strategy's rule table, applied to a copy, and verified by simulating the strategy's target profile, which
 * must load every section with its own length. A conversion the target would still reject, mis-read or leave
 * partly unrestored is refused with the target's own reason.
 */
final class ConversionPlanner {
    /**
     * Diagnostics a conversion to XenServer introduces on purpose: they describe a file upstream refuses, which is
     * what the conversion is for.
     */
    private static final Set<DiagnosticCode> EXPECTED_FOR_XENSERVER = Set.of(
            DiagnosticCode.VERSION_NEWER_THAN_UPSTREAM, DiagnosticCode.XENSERVER_FINGERPRINT);

    private final Inspector inspector;

    ConversionPlanner(Inspector inspector) {
        this.inspector = inspector;
    }

    RepairPlan plan(ByteSource original, Inspection before, RepairOptions options) {
        RepairStrategy strategy = options.strategy();
        LoaderProfile target = LoaderProfiles.byName(strategy.target());
        Conversion.Planned planned = Conversion.plan(before.sections(), original, strategy.rules());
        if (!planned.refusals().isEmpty()) {
            return new RepairPlan(options, List.of(), new byte[0], before, before, List.of(), before.diagnostics(),
                    List.of(), strategy.cliName() + " refused: " + String.join("; ", planned.refusals()));
        }
        List<ByteEdit> edits = new ArrayList<>(planned.edits());
        Repairer.trimEdit(before, original, options).ifPresent(edits::add);
        if (edits.isEmpty()) {
            return new RepairPlan(options, List.of(), original.bytes(0, (int) original.size()), before, before,
                    List.of(), before.diagnostics(), List.of(), null, acceptedBy(inspector, original, before));
        }
        edits.sort(Comparator.comparingLong(ByteEdit::offset));
        byte[] result = Repairer.apply(original, edits);
        Inspection after = inspector.inspect(ByteSource.of(result), ParseOptions.DEFAULT, target);
        Set<DiagnosticCode> expected = strategy == RepairStrategy.TO_XENSERVER ? EXPECTED_FOR_XENSERVER : Set.of();
        DiagnosticDiff.Result diff = DiagnosticDiff.of(before, after, new OffsetMap(edits), expected::contains);
        List<String> accepted = acceptedBy(inspector, ByteSource.of(result), after);
        String refusal = refusal(target, after.loader(), diff.introduced());
        return new RepairPlan(options, edits, result, before, after, diff.fixed(), after.diagnostics(),
                diff.introduced(), refusal, accepted);
    }

    /** Why the result must not be written: the target does not load it completely, or it has new problems. */
    private static String refusal(LoaderProfile target, LoaderReport report, List<Diagnostic> introduced) {
        if (report.verdict() != LoaderVerdict.OK) {
            String why = !report.misreads().isEmpty() ? report.misreads().get(0).message()
                    : !report.notRestored().isEmpty() ? "section #" + report.notRestored().get(0).section() + " "
                            + report.notRestored().get(0).idstr() + " is not restored: "
                            + report.notRestored().get(0).reason()
                    : report.message();
            return "the target loader " + target.name() + " would still not load the converted file completely ("
                    + report.verdict().word() + ", " + report.outcome().json() + "): " + why;
        }
        if (!introduced.isEmpty()) {
            return "the converted copy has " + introduced.size() + " new problem(s), first: "
                    + introduced.get(0).code() + " (" + introduced.get(0).message() + ")";
        }
        return null;
    }

    /** Every profile whose simulation of {@code bytes} is a complete load, reusing the shape walk of {@code in}. */
    static List<String> acceptedBy(Inspector inspector, ByteSource src, Inspection in) {
        List<String> out = new ArrayList<>();
        for (LoaderProfile p : LoaderProfiles.all()) {
            if (inspector.simulate(src, in.parse(), p).verdict() == LoaderVerdict.OK) {
                out.add(p.name());
            }
        }
        return out;
    }
}
