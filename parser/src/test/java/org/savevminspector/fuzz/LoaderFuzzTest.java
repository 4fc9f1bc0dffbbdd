package org.savevminspector.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of the loader simulation, which runs on what the walk found and reads the labelled
 * versions through the zero-extended view (over-reads, port moves, aborts). Replays
 * {@code LoaderFuzzTestInputs/simulate} without {@code JAZZER_FUZZ}; see docs/FUZZING.md.
 */
public class LoaderFuzzTest {

    @FuzzTest(maxDuration = "5s")
    void simulate(byte[] data) {
        HostileInput.inspect(data);
    }

    /** The same target for Jazzer's standalone driver (the long runs of docs/FUZZING.md). */
    public static void fuzzerTestOneInput(byte[] data) {
        new LoaderFuzzTest().simulate(data);
    }
}
