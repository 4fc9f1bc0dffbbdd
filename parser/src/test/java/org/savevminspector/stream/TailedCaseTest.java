package org.savevminspector.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.savevminspector.repair.RepairStrategy;

/**
 * Issue 6: the seed's case must be found whatever follows the EOF marker, and a genuine version-2 file must stay
 * version 2 whatever follows it (the oracle is {@link TailedCases}).
 */
class TailedCaseTest {

    /** The tails a user meets: carve padding, junk, 0xFF runs, text, a second copy of the stream. */
    static Stream<Arguments> tails() {
        List<Arguments> out = new ArrayList<>();
        for (int n : new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 15, 16, 511, 4095, 4096}) {
            out.add(Arguments.of(n + " zero bytes", new byte[n]));
        }
        Random rnd = new Random(6);
        for (int n : new int[] {1, 2, 3, 4, 5, 7, 8, 13, 100, 1000}) {
            byte[] t = new byte[n];
            do {
                rnd.nextBytes(t);
            } while (TailedCases.completesAGenuineBody(t));
            out.add(Arguments.of(n + " random bytes", t));
        }
        for (int n : new int[] {1, 2, 3, 4, 7, 64}) {
            byte[] ff = new byte[n];
            Arrays.fill(ff, (byte) 0xFF);
            out.add(Arguments.of(n + " bytes 0xFF", ff));
        }
        out.add(Arguments.of("text", "saved by support on 2013-02-01\n".getBytes(StandardCharsets.US_ASCII)));
        out.add(Arguments.of("the file itself", TailedCases.MISMATCH));
        out.add(Arguments.of("the genuine file", TailedCases.GENUINE));
        out.add(Arguments.of("zeros then junk", new byte[] {0, 0, 0, 0, 0, 0, 0, (byte) 0xDE, (byte) 0xAD}));
        out.add(Arguments.of("a lone EOF-like zero then 0x04", new byte[] {0, 4}));
        return out.stream();
    }

    @ParameterizedTest(name = "mismatch + {0}")
    @MethodSource("tails")
    void theMismatchIsFoundWhateverFollowsTheEofMarker(String name, byte[] tail) {
        assertEquals(List.of(), TailedCases.mismatchProblems(tail), name);
    }

    @ParameterizedTest(name = "genuine v2 + {0}")
    @MethodSource("tails")
    void aGenuineVersion2FileStaysVersion2WhateverFollows(String name, byte[] tail) {
        assertEquals(List.of(), TailedCases.genuineProblems(tail), name);
    }

    @ParameterizedTest(name = "repair of mismatch + {0}")
    @MethodSource("tails")
    void repairWithTrimmingGivesTheSameBytesAsOnTheUntailedFile(String name, byte[] tail) {
        for (RepairStrategy s : RepairStrategy.values()) {
            assertEquals(List.of(), TailedCases.repairProblems(tail, s), name + " " + s);
        }
    }

    @Property(tries = 300)
    void anyRandomTailKeepsTheDiagnosis(@ForAll("tailBytes") byte[] tail) {
        Assume.that(!TailedCases.completesAGenuineBody(tail) && !TailedCases.continuesTheStream(tail));
        assertEquals(List.of(), TailedCases.mismatchProblems(tail));
        assertEquals(List.of(), TailedCases.genuineProblems(tail));
    }

    @Property(tries = 60)
    void anyRandomTailIsTrimmedToTheSameRepair(@ForAll("tailBytes") byte[] tail) {
        Assume.that(!TailedCases.completesAGenuineBody(tail) && !TailedCases.continuesTheStream(tail));
        for (RepairStrategy s : RepairStrategy.values()) {
            assertEquals(List.of(), TailedCases.repairProblems(tail, s), s.toString());
        }
    }

    @Provide
    Arbitrary<byte[]> tailBytes() {
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(1000);
        Arbitrary<byte[]> zeros = Arbitraries.integers().between(0, 4096).map(byte[]::new);
        Arbitrary<byte[]> zerosThenJunk = Arbitraries.integers().between(0, 16).flatMap(n ->
                Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(64)
                        .map(junk -> TailedCases.withTail(new byte[n], junk)));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, random), net.jqwik.api.Tuple.of(2, zeros), net.jqwik.api.Tuple.of(2, zerosThenJunk));
    }

    /**
     * The limit, found by fuzzing: a tail that completes pm1a_evt_blk_address with 3 bytes and then holds a
     * well-formed section of a known device makes the version-2 reading a valid stream; it is read as that.
     */
    @org.junit.jupiter.api.Test
    void aTailThatContinuesTheStreamWithAKnownSectionIsReadAsThatContinuation() throws Exception {
        byte[] input = TailedCaseTest.class.getResourceAsStream(
                "/org/savevminspector/fuzz/ShapeChooserFuzzTestInputs/tail/tail-that-continues-the-stream-with-fw_cfg")
                .readAllBytes();
        byte[] tail = Arrays.copyOfRange(input, 1, input.length);
        org.junit.jupiter.api.Assertions.assertTrue(TailedCases.continuesTheStream(tail));
        org.junit.jupiter.api.Assertions.assertFalse(TailedCases.continuesTheStream(new byte[] {0, 0, 0, 0, 4}));
    }
}
