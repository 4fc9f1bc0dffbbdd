package org.savevminspector.repair;

import java.util.List;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.diagnostics.DiagnosticList;
import org.savevminspector.inspect.Inspection;

/**
 * A repair worked out and verified in memory, before anything is written.
 *
 * @param options    what was asked for
 * @param edits      every byte edit, in offset order (empty when there is nothing to repair)
 * @param result     the repaired bytes (the original bytes when there is nothing to repair)
 * @param before     inspection of the input
 * @param after      inspection of the repaired bytes (re-parsed from {@code result})
 * @param fixed      diagnostics of the input that the repair removed
 * @param remaining  diagnostics still present after the repair (errors elsewhere are listed, not hidden)
 * @param introduced diagnostics the repaired bytes have that the input did not; a plan with any is refused
 * @param refusal    why the repair must not be written, or {@code null} when it may be
 * @param acceptedBy the loader profiles that load the result completely (verdict OK), in profile order
 */
public record RepairPlan(RepairOptions options, List<ByteEdit> edits, byte[] result, Inspection before,
                         Inspection after, List<Diagnostic> fixed, List<Diagnostic> remaining,
                         List<Diagnostic> introduced, String refusal, List<String> acceptedBy) {

    public RepairPlan {
        edits = List.copyOf(edits);
        // a file of a million duplicated sections has a million diagnostics: kept as the compact lists they are
        fixed = compact(fixed);
        remaining = compact(remaining);
        introduced = compact(introduced);
        acceptedBy = List.copyOf(acceptedBy);
    }

    private static List<Diagnostic> compact(List<Diagnostic> list) {
        return list instanceof DiagnosticList ? list : List.copyOf(list);
    }

    /** A plan whose result was not tried on the other loader profiles. */
    public RepairPlan(RepairOptions options, List<ByteEdit> edits, byte[] result, Inspection before,
                      Inspection after, List<Diagnostic> fixed, List<Diagnostic> remaining,
                      List<Diagnostic> introduced, String refusal) {
        this(options, edits, result, before, after, fixed, remaining, introduced, refusal, List.of());
    }

    /** Whether there was anything to repair at all. */
    public boolean hasEdits() {
        return !edits.isEmpty();
    }

    /** Whether the plan may be written. */
    public boolean acceptable() {
        return refusal == null && hasEdits();
    }
}
