package org.savevminspector.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of the input layer: any bytes given as a file are sniffed, decompressed (gzip, xz, zstd,
 * bzip2) or mapped as a VHD's virtual disk, then inspected as a save image. Without {@code JAZZER_FUZZ} it replays
 * the regression corpus in {@code InputLayerFuzzTestInputs/open}, seeded with the sample compressed each way and
 * inside a dynamic VHD; see docs/FUZZING.md for a fuzzing run.
 */
public class InputLayerFuzzTest {

    @FuzzTest(maxDuration = "5s")
    void open(byte[] data) {
        HostileImages.open(data);
    }

    /** The same target for Jazzer's standalone driver (the long runs of docs/FUZZING.md). */
    public static void fuzzerTestOneInput(byte[] data) {
        new InputLayerFuzzTest().open(data);
    }
}
