package org.savevminspector.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/**
 * The token table at its edges: ports 0 and 0xFFFF are in it, -1 and 0x10000 are not; a registration claims exactly
 * the ports its handler width visits below 0x10000 and counts the visited ones at or above it; an unassign clears
 * exactly its range inside the table.
 */
class IoPortMapTest {
    private static final PortOwner A = new PortOwner("a", "test");
    private static final PortOwner B = new PortOwner("b", "test");

    @Property(tries = 300)
    void aRegistrationClaimsTheVisitedPortsBelowTheTopAndCountsTheRest(
            @ForAll @LongRange(min = 0xFF00, max = 0x10010) long start, @ForAll @IntRange(min = 0, max = 40) int length,
            @ForAll("widths") int step) {
        IoPortMap map = new IoPortMap();
        Registration r = map.register(new PortRange(start, length, step), A);
        long claimed = 0;
        long overflow = 0;
        for (long p = start; p < start + length; p += step) {
            if (p < IoPortMap.PORTS) {
                claimed++;
            } else {
                overflow++;
            }
        }
        assertEquals(new Registration(-1, null, overflow, claimed), r);
        assertEquals(claimed, map.registeredPorts());
        for (long p = Math.max(0, start - 4); p < Math.min(IoPortMap.PORTS, start + length + 4); p++) {
            boolean visited = p >= start && p < start + length && (p - start) % step == 0;
            assertEquals(visited ? A : null, map.owner(p), "port " + Long.toHexString(p));
        }
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<Integer> widths() {
        return net.jqwik.api.Arbitraries.of(1, 2, 4);
    }

    @Test
    void theTableHoldsPortsZeroToFfffOnly() {
        IoPortMap map = new IoPortMap();
        map.register(PortRange.single(0), A);
        map.register(PortRange.single(0xFFFF), A);
        assertEquals(A, map.owner(0));
        assertEquals(A, map.owner(0xFFFF));
        assertNull(map.owner(-1));
        assertNull(map.owner(0x10000));
    }

    @Test
    void theFirstOwnedPortStopsARegistrationAndClaimsCountUpToIt() {
        IoPortMap map = new IoPortMap();
        map.register(PortRange.single(0x105), A);
        assertEquals(new Registration(0x105, A, 0, 5), map.register(PortRange.bytes(0x100, 8), B));
        assertEquals(B, map.owner(0x104));
        assertEquals(A, map.owner(0x105));
        assertNull(map.owner(0x106));
        assertEquals(new Registration(-1, null, 0, 5), map.register(PortRange.bytes(0x100, 5), B),
                "its own ports are no collision");
        assertEquals(new Registration(-1, null, 0, 2), map.register(PortRange.bytes(0x106, 2), PortOwner.NULL));
        assertEquals(new Registration(-1, null, 0, 1), map.register(PortRange.single(0x106), A),
                "a NULL-token port is taken over");
    }

    @Test
    void anUnassignClearsItsRangeInsideTheTableOnly() {
        IoPortMap map = new IoPortMap();
        map.register(PortRange.bytes(0, 4), A);
        map.register(PortRange.bytes(0xFFFC, 4), A);
        map.unassign(-2, 4);
        assertNull(map.owner(1));
        assertEquals(A, map.owner(2));
        map.unassign(0xFFFD, 4);
        assertEquals(A, map.owner(0xFFFC));
        assertNull(map.owner(0xFFFD));
        assertNull(map.owner(0xFFFF));
        map.unassign(0xFFFC, 0);
        assertEquals(A, map.owner(0xFFFC));
        assertEquals(3, map.registeredPorts());
    }
}
