package org.savevminspector.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of the save-image walkers (xend, xl, migration v2, XenServer legacy and structured, the
 * embedded-stream scan), the QEVM stream inspected inside them, and every image repair plan. Without
 * {@code JAZZER_FUZZ} it replays the regression corpus in {@code ContainerWalkFuzzTestInputs/index}, seeded with
 * one small image of each kind; see docs/FUZZING.md for a fuzzing run.
 */
public class ContainerWalkFuzzTest {

    @FuzzTest(maxDuration = "5s")
    void index(byte[] data) {
        HostileImages.inspect(data);
    }

    /** The same target for Jazzer's standalone driver (the long runs of docs/FUZZING.md). */
    public static void fuzzerTestOneInput(byte[] data) {
        new ContainerWalkFuzzTest().index(data);
    }
}
