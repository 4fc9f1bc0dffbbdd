package org.savevminspector.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    @Test
    void aMovedBarFreesItsOldPortsForTheNextDevice() {
        PortModel m = model();
        m.mapBar(0, "nic", 0, 0xC101, 1, 0x100, List.of(NIC));
        m.mapBar(1, "nic", 0, 0xC201, 1, 0x100, List.of(NIC));
        assertEquals(Optional.empty(), m.mapBar(2, "other", 0, 0xC181, 1, 0x80, List.of(CH0)));
        assertEquals(CH0, m.map().owner(0xC1FF));
        assertEquals(NIC, m.map().owner(0xC200));
    }

    @Test
    void aGpeBlockOfHalfLengthZeroOrLessRegistersNothing() {
        PortModel zero = model();
        assertEquals(Optional.empty(), zero.moveGpe(4, 0x1F68, 0));
        assertEquals(List.of("unmap afe0+4: GPE0 unmapped from 0xAFE0–0xAFE3",
                "map 1f68+0: GPE0 half length 0x0000 registers nothing: the GPE0 block disappears"),
                events(zero));
        assertEquals(null, zero.map().owner(0x1F68));
        PortModel negative = model();
        assertEquals(Optional.empty(), negative.moveGpe(4, 0x1F68, 0xFFFFFFFFL));
        assertEquals("map 1f68+0: GPE0 half length 0xFFFFFFFF registers nothing: the GPE0 block disappears",
                events(negative).get(1));
        assertEquals(new AcpiPlacement(0xB000, 0x1F68, 0xFFFFFFFFL), negative.acpi());
    }

    @Test
    void aGpeBlockAtPortZeroIsAnOrdinaryRegistrationOnTheDmaController() {
        PortModel m = model();
        PortModel.Abort abort = m.moveGpe(4, 0, 2).orElseThrow();
        assertEquals(0, abort.port());
        assertEquals(FixedPorts.DMA0, abort.owner());
        assertEquals("qemu: hardware error: register_ioport_read: invalid opaque", abort.message());
        assertEquals(List.of("unmap afe0+4: GPE0 unmapped from 0xAFE0–0xAFE3",
                "collision 0+1: GPE0 at 0x0000–0x0003: port 0x0000 belongs to ISA DMA controller 0"), events(m));
    }

    @Test
    void aGpeBlockAcrossOrPastTheTopOfThePortSpaceOverflows() {
        PortModel across = model();
        assertEquals(Optional.empty(), across.moveGpe(4, 0xFFFE, 2));
        assertEquals(List.of("unmap afe0+4: GPE0 unmapped from 0xAFE0–0xAFE3",
                "overflow 10000+2: GPE0 at 0xFFFE–0x10001 runs 2 port(s) past 0xFFFF: qemu-dm writes past its port "
                        + "tables (silent corruption)",
                "map fffe+2: GPE0 mapped at 0xFFFE–0xFFFF"), events(across));
        assertEquals(FixedPorts.GPE, across.map().owner(0xFFFF));
        PortModel past = model();
        assertEquals(Optional.empty(), past.moveGpe(4, 0x10000, 2));
        assertEquals(List.of("unmap afe0+4: GPE0 unmapped from 0xAFE0–0xAFE3",
                "overflow 10000+4: GPE0 at 0x10000–0x10003 runs 4 port(s) past 0xFFFF: qemu-dm writes past its port "
                        + "tables (silent corruption)"), events(past));
    }

    @Test
    void anOverflowOfMoreThanTheTablesFaults() {
        PortModel edge = model();
        assertEquals(Optional.empty(), edge.moveGpe(4, 0x10000, 0x8000), "65536 ports past 0xFFFF");
        assertEquals("overflow 10000+65536: GPE0 at 0x10000–0x1FFFF runs 65536 port(s) past 0xFFFF: qemu-dm writes "
                + "past its port tables (silent corruption)", events(edge).get(1));
        PortModel beyond = model();
        PortModel.Abort abort = beyond.moveGpe(4, 0xFFFF, 0x8001).orElseThrow();
        assertEquals("Segmentation fault (SIGSEGV) in register_ioport_read", abort.message());
        assertEquals(0xFFFF, abort.port());
        assertEquals(null, abort.owner());
        assertEquals("collision ffff+65538: GPE0 at 0xFFFF–0x20000 runs 65537 ports past 0xFFFF, far beyond the "
                + "port tables: SIGSEGV", events(beyond).get(1));
    }

    @Test
    void aNegativeGpeAddressCorruptsJustBelowTheTablesAndFaultsFurtherDown() {
        PortModel edge = model();
        assertEquals(Optional.empty(), edge.moveGpe(4, 0xFFFF0000L, 2));
        assertEquals(List.of("unmap afe0+4: GPE0 unmapped from 0xAFE0–0xAFE3",
                "overflow ffff0000+4: GPE0 at 0xFFFF0000 is the negative int -65536: qemu-dm writes 4 port slot(s) "
                        + "below its port tables (silent corruption)"), events(edge));
        PortModel beyond = model();
        PortModel.Abort abort = beyond.moveGpe(4, 0xFFFEFFFFL, 2).orElseThrow();
        assertEquals("Segmentation fault (SIGSEGV) in register_ioport_read", abort.message());
        assertEquals(0xFFFEFFFFL, abort.port());
        assertEquals("collision fffeffff+4: GPE0 at 0xFFFEFFFF is the negative int -65537, far below the port "
                + "tables: SIGSEGV", events(beyond).get(1));
    }

    @Test
    void aNegativeGpeAddressReachingPortZeroRegistersTheRestThere() {
        PortModel m = model();
        PortModel.Abort abort = m.moveGpe(4, 0xFFFFFFFEL, 2).orElseThrow();
        assertEquals(0, abort.port());
        assertEquals(FixedPorts.DMA0, abort.owner());
        assertEquals(List.of("unmap afe0+4: GPE0 unmapped from 0xAFE0–0xAFE3",
                "overflow fffffffe+2: GPE0 at 0xFFFFFFFE is the negative int -2: qemu-dm writes 2 port slot(s) below "
                        + "its port tables (silent corruption)",
                "collision 0+1: GPE0 at 0x0000–0x0001: port 0x0000 belongs to ISA DMA controller 0"), events(m));
    }

    @Test
    void pm1aAtTheTopOfTheAddressSpaceWrapsToTheDmaPorts() {
        PortModel wraps = model();
        PortModel.Abort abort = wraps.movePm1a(5, 0xFFFFFFFCL).orElseThrow();
        assertEquals("qemu: hardware error: register_ioport_write: invalid opaque", abort.message());
        assertEquals(0, abort.port());
        assertEquals(List.of("unmap b004+2: PM1a_CNT unmapped from 0xB004–0xB005",
                "collision 0+1: PM1a_CNT at 0x0000–0x0001: port 0x0000 belongs to ISA DMA controller 0"),
                events(wraps));
        PortModel oneBelow = model();
        assertEquals(0, oneBelow.movePm1a(5, 0xFFFFFFFBL).orElseThrow().port());
        assertEquals(List.of("unmap b004+2: PM1a_CNT unmapped from 0xB004–0xB005",
                "overflow ffffffff+1: PM1a_CNT at 0xFFFFFFFF is the negative int -1: qemu-dm writes 1 port slot(s) "
                        + "below its port tables (silent corruption)",
                "collision 0+1: PM1a_CNT at 0x0000: port 0x0000 belongs to ISA DMA controller 0"), events(oneBelow));
    }
}
