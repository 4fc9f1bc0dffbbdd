package org.savevminspector.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of what the commands do with a file: inspection, the text/JSON/SARIF reports and the
 * repair planner (both strategies, with and without trimming, each plan re-inspected). Replays
 * {@code RepairFuzzTestInputs/plan} without {@code JAZZER_FUZZ}; see docs/FUZZING.md.
 */
public class RepairFuzzTest {

    @FuzzTest(maxDuration = "5s")
    void plan(byte[] data) {
        HostileInput.everything(data);
    }

    /** The same target for Jazzer's standalone driver (the long runs of docs/FUZZING.md). */
    public static void fuzzerTestOneInput(byte[] data) {
        new RepairFuzzTest().plan(data);
    }
}
