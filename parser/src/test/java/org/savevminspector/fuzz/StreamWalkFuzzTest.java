package org.savevminspector.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of the shape walk (header, v3 sections, v2/v1 records, resynchronisation). Without
 * {@code JAZZER_FUZZ} it replays the regression corpus in {@code StreamWalkFuzzTestInputs/walk}; see
 * docs/FUZZING.md for a fuzzing run.
 */
public class StreamWalkFuzzTest {

    @FuzzTest(maxDuration = "5s")
    void walk(byte[] data) {
        HostileInput.walk(data);
    }

    /** The same target for Jazzer's standalone driver (the long runs of docs/FUZZING.md). */
    public static void fuzzerTestOneInput(byte[] data) {
        new StreamWalkFuzzTest().walk(data);
    }
}
