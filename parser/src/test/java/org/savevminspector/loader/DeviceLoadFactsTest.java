package org.savevminspector.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Each call of the builder the profiles are written with lands in the facts it builds. The profiles themselves are
 * built once, when their class loads; this builds rows while the test runs, so that a builder that dropped a fact
 * (or broke the chain) fails here and not only in whichever profile happened to use that call.
 */
class DeviceLoadFactsTest {
    private static final CountCheck CHECK = new CountCheck("n", 4, 1, v -> v <= 8, "n ≤ 8");
    private static final PortMove GPE = new PortMove.GpeBlock(9, 13, 0x1F68, 4, 2);
    private static final PortMove PM1A = new PortMove.Pm1aBlock(2, 0x1F40, 2);

    @Test
    void everyBuilderCallLandsInTheFacts() {
        DeviceLoadFacts f = DeviceLoadFacts.device("dev", 3, "hw/dev.c:dev_load").rejects(0, 1).ownMax(5)
                .pciBlockFrom(2).check(CHECK).moves(GPE).moves(PM1A)
                .instances(InstanceRule.pciSlot()).bodyAs(3, 2).build();
        assertEquals("dev", f.idstr());
        assertEquals(3, f.registeredVersion());
        assertEquals("hw/dev.c:dev_load", f.loadFunction());
        assertEquals(Set.of(0L, 1L), f.ownRejects());
        assertEquals(5, f.ownMax());
        assertEquals(2, f.pciFromVersion());
        assertEquals(List.of(CHECK), f.checks());
        assertEquals(List.of(GPE, PM1A), f.moves());
        assertEquals(2, f.bodyVersion(3));
        assertEquals(4, f.bodyVersion(4));
        assertEquals("its own test refuses 0, 1 and versions above 5", f.ownRule());
    }

    @Test
    void theShortHandsAndReplacementsOfTheBuilder() {
        DeviceLoadFacts f = DeviceLoadFacts.device("dev", 2, "hw/dev.c:dev_load").moves(GPE).movesOnly(PM1A)
                .noOwnVersionTest().pciBlock().build();
        assertEquals(List.of(PM1A), f.moves());
        assertEquals(Long.MAX_VALUE, f.ownMax());
        assertEquals(0, f.pciFromVersion());
        DeviceLoadFacts derived = f.derive().registered(4).noRejects().movesOnly().build();
        assertEquals(4, derived.registeredVersion());
        assertEquals(Long.MAX_VALUE, derived.ownMax(), "an own bound that differs from the registered version stays");
        assertEquals(List.of(), derived.moves());
        assertEquals(0, derived.pciFromVersion());
    }
}
