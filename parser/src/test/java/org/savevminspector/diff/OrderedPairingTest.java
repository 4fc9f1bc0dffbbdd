package org.savevminspector.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Pairing by key and the merged order. */
class OrderedPairingTest {

    private static List<String> merged(List<String> a, List<String> b) {
        return OrderedPairing.byKey(a.size(), a::get, b.size(), b::get).merged().stream()
                .map(m -> (m.a() < 0 ? "-" : a.get(m.a())) + "/" + (m.b() < 0 ? "-" : b.get(m.b()))).toList();
    }

    @Test
    void equalKeysPairInOrderOfAppearance() {
        assertEquals(List.of("dma/dma", "dma/dma", "dma/-"),
                merged(List.of("dma", "dma", "dma"), List.of("dma", "dma")));
    }

    @Test
    void anElementOnlyInTheSecondSequenceComesBeforeItsNextPairedNeighbour() {
        assertEquals(List.of("-/e", "a/a", "b/b", "c/-", "d/d", "-/f"),
                merged(List.of("a", "b", "c", "d"), List.of("b", "e", "a", "d", "f")));
    }

    @Test
    void emptySides() {
        assertEquals(List.of("-/x", "-/y"), merged(List.of(), List.of("x", "y")));
        assertEquals(List.of("x/-"), merged(List.of("x"), List.of()));
    }
}
