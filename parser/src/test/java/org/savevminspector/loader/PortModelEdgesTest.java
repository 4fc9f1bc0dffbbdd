package org.savevminspector.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The I/O-port moves at their edges, event by event: a BAR is mapped only with I/O space enabled, a non-zero
 * size-aligned address and a range that ends at or below 0x10000; a BAR moved is unmapped first; an unchanged one
 * does nothing; each slice of a BAR goes to its own channel.
 */
class PortModelEdgesTest {
    private static final MachineConfig MACHINE = new MachineConfig(Map.of("cirrus_vga", 1, "gpe", 1,
            "piix4acpi", 1), Set.of(0x3F8L));
    private static final PortOwner NIC = new PortOwner("nic", "test");
    private static final PortOwner CH0 = new PortOwner("channel 0", "test");
    private static final PortOwner CH1 = new PortOwner("channel 1", "test");

    private static List<String> events(PortModel m) {
        return m.events().stream().map(e -> e.action() + " " + Long.toHexString(e.start()) + "+" + e.length() + ": "
                + e.message()).toList();
    }

    private static PortModel model() {
        return new PortModel(FixedPorts.freshMap(MACHINE));
    }

    @Test
    void aBarIsMappedOnlyWithIoSpaceOnAndInsideThePortSpace() {
        PortModel off = model();
        off.mapBar(0, "nic", 0, 0xC101, 0, 0x100, List.of(NIC));
        assertEquals(List.of(), events(off), "command bit 0 clear");
        PortModel zero = model();
        zero.mapBar(0, "nic", 0, 0x00FF, 1, 0x100, List.of(NIC));
        assertEquals(List.of(), events(zero), "the size-aligned address is 0");
        PortModel top = model();
        top.mapBar(0, "nic", 0, 0xFF01, 1, 0x100, List.of(NIC));
        assertEquals(List.of("map ff00+256: nic BAR0 mapped at 0xFF00–0xFFFF"), events(top));
        PortModel past = model();
        past.mapBar(0, "nic", 0, 0x10001, 1, 0x100, List.of(NIC));
        assertEquals(List.of(), events(past), "0x10000–0x100FF lies past the port space");
    }

    @Test
    void aMovedBarIsUnmappedFirstAndAnUnchangedOneDoesNothing() {
        PortModel m = model();
        m.mapBar(0, "nic", 0, 0xC101, 1, 0x100, List.of(NIC));
        m.mapBar(1, "nic", 0, 0xC101, 1, 0x100, List.of(NIC));
        m.mapBar(2, "nic", 0, 0xC201, 1, 0x100, List.of(NIC));
        m.mapBar(3, "nic", 0, 0xC201, 0, 0x100, List.of(NIC));
        assertEquals(List.of("map c100+256: nic BAR0 mapped at 0xC100–0xC1FF",
                "unmap c100+256: nic BAR0 unmapped from 0xC100–0xC1FF",
                "map c200+256: nic BAR0 mapped at 0xC200–0xC2FF",
                "unmap c200+256: nic BAR0 unmapped from 0xC200–0xC2FF"), events(m));
    }

    @Test
    void eachSliceOfABarGoesToItsChannel() {
        PortModel m = model();
        m.mapBar(0, "ide", 4, 0xC001, 1, 0x10, List.of(CH0, CH1));
        assertEquals(List.of("map c000+16: ide BAR4 mapped at 0xC000–0xC00F"), events(m));
        // a second device on the second channel's half collides with channel 1, not channel 0
        var abort = m.mapBar(1, "other", 0, 0xC009, 1, 0x8, List.of(NIC)).orElseThrow();
        assertEquals(0xC008, abort.port());
        assertEquals(CH1, abort.owner());
    }
}
