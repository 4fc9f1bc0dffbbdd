package org.savevminspector.repair;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.diagnostics.DiagnosticCode;
import org.savevminspector.diagnostics.Severity;
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

    RepairPlan plan(byte[] original, Inspection before, RepairOptions options) {
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
            return new RepairPlan(options, List.of(), original, before, before, List.of(), before.diagnostics(),
                    List.of(), null, acceptedBy(inspector, original, before));
        }
        edits.sort(Comparator.comparingLong(ByteEdit::offset));
        byte[] result = Repairer.apply(original, edits);
        Inspection after = inspector.inspect(ByteSource.of(result), ParseOptions.DEFAULT, target);
        List<Diagnostic> fixed = new ArrayList<>();
        List<Diagnostic> introduced = new ArrayList<>();
        Set<String> beforeKeys = new HashSet<>();
        Set<String> afterKeys = new HashSet<>();
        before.diagnostics().forEach(d -> beforeKeys.add(Repairer.key(d, d.offset())));
        after.diagnostics().forEach(d -> afterKeys.add(Repairer.key(d, Repairer.originalOffset(edits, d.offset()))));
        for (Diagnostic d : before.diagnostics()) {
            if (!afterKeys.contains(Repairer.key(d, d.offset()))) {
                fixed.add(d);
            }
        }
        Set<DiagnosticCode> expected = strategy == RepairStrategy.TO_XENSERVER ? EXPECTED_FOR_XENSERVER : Set.of();
        for (Diagnostic d : after.diagnostics()) {
            boolean isNew = !beforeKeys.contains(Repairer.key(d, Repairer.originalOffset(edits, d.offset())));
            if (isNew && d.severity().atLeast(Severity.WARN) && !expected.contains(d.code())) {
                introduced.add(d);
            }
        }
        List<String> accepted = acceptedBy(inspector, result, after);
        String refusal = refusal(target, after.loader(), introduced);
        return new RepairPlan(options, edits, result, before, after, fixed, after.diagnostics(), introduced, refusal,
                accepted);
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
    static List<String> acceptedBy(Inspector inspector, byte[] bytes, Inspection in) {
        List<String> out = new ArrayList<>();
        ByteSource src = ByteSource.of(bytes);
        for (LoaderProfile p : LoaderProfiles.all()) {
            if (inspector.simulate(src, in.parse(), p).verdict() == LoaderVerdict.OK) {
                out.add(p.name());
            }
        }
        return out;
    }
}
