package org.savevminspector.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import java.util.List;
import org.savevminspector.repair.RepairStrategy;
import org.savevminspector.stream.TailedCases;

/**
 * Coverage-guided fuzzing of the label-versus-shape choice with an oracle: the first byte picks the seed's
 * mismatch case or a genuine version-2 file (and whether to check the repairs), the rest is appended after the
 * EOF marker. Whatever the tail, the diagnosis must be that of {@link TailedCases} — unless the tail completes a
 * genuine body or continues the stream with a well-formed known section (then it is read as that). Replays
 * {@code ShapeChooserFuzzTestInputs/tail} without {@code JAZZER_FUZZ}; see docs/FUZZING.md.
 */
public class ShapeChooserFuzzTest {

    @FuzzTest(maxDuration = "5s")
    void tail(byte[] data) {
        if (data.length == 0) {
            return;
        }
        byte[] tail = Arrays.copyOfRange(data, 1, data.length);
        List<String> problems;
        if ((data[0] & 1) == 0) {
            if (TailedCases.completesAGenuineBody(tail) || TailedCases.continuesTheStream(tail)) {
                return;
            }
            problems = TailedCases.mismatchProblems(tail);
            if (problems.isEmpty() && (data[0] & 2) != 0) {
                problems = TailedCases.repairProblems(tail, (data[0] & 4) == 0 ? RepairStrategy.RELABEL
                        : RepairStrategy.UPGRADE);
            }
        } else {
            problems = TailedCases.genuineProblems(tail);
        }
        if (!problems.isEmpty()) {
            throw new AssertionError(problems + " for a tail of " + tail.length + " byte(s)");
        }
    }

    /** The same target for Jazzer's standalone driver (the long runs of docs/FUZZING.md). */
    public static void fuzzerTestOneInput(byte[] data) {
        new ShapeChooserFuzzTest().tail(data);
    }
}
