package org.savevminspector.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PortModelTest {
    private static final MachineConfig DEFAULT = new MachineConfig(Map.of("timer", 1, "cirrus_vga", 1,
            "serial", 1, "rtl8139", 1, "uhci", 1, "gpe", 1, "pci_devfn", 1, "piix4acpi", 1), Set.of(0x3F8L));

    @Test
    void freshDefaultMachineHasThe310MeasuredPorts() {
        assertEquals(310, FixedPorts.freshMap(DEFAULT).registeredPorts());
    }

    @Test
    void stdVgaAddsTheFourVbePorts() {
        MachineConfig std = new MachineConfig(Map.of("vga", 1, "gpe", 1, "pci_devfn", 1, "piix4acpi", 1),
                Set.of(0x3F8L));
        assertEquals(314, FixedPorts.freshMap(std).registeredPorts());
    }

    @Test
    void dwordRegistrationClaimsOnlyItsFirstPort() {
        IoPortMap map = FixedPorts.freshMap(DEFAULT);
        assertSame(FixedPorts.PCI_CONFIG, map.owner(0xCF8));
        assertNull(map.owner(0xCF9));
        assertSame(FixedPorts.PIIX4ACPI, map.owner(0xB044));
        assertNull(map.owner(0xB045));
    }

    @Test
    void nullTokenPortsAreTakenOverAndOwnPortsReRegistered() {
        IoPortMap map = FixedPorts.freshMap(DEFAULT);
        PortOwner acpi = FixedPorts.PIIX4ACPI;
        assertFalse(map.register(PortRange.bytes(0x10, 2), acpi).collided());
        assertSame(acpi, map.owner(0x10));
        assertFalse(map.register(PortRange.single(0xB044), acpi).collided());
        Registration r = map.register(PortRange.bytes(0x0E, 4), acpi);
        assertTrue(r.collided());
        assertEquals(0x0E, r.collision());
        assertSame(FixedPorts.DMA0, r.owner());
    }

    @Test
    void nullTokenRegistrationFailsOnlyOnOwnedPorts() {
        IoPortMap map = FixedPorts.freshMap(DEFAULT);
        assertFalse(map.register(PortRange.bytes(0x10, 4), PortOwner.NULL).collided());
        assertTrue(map.register(PortRange.single(0x60), PortOwner.NULL).collided());
    }

    @Test
    void unassignClearsWithoutOwnershipCheck() {
        IoPortMap map = FixedPorts.freshMap(DEFAULT);
        map.unassign(0x00, 4);
        assertNull(map.owner(0x03));
        assertSame(FixedPorts.DMA0, map.owner(0x04));
    }

    @Test
    void registrationPastTheTopCountsOverflow() {
        IoPortMap map = new IoPortMap();
        Registration r = map.register(PortRange.bytes(0xFFFE, 4), FixedPorts.GPE);
        assertFalse(r.collided());
        assertEquals(2, r.overflow());
        assertEquals(2, r.claimed());
    }

    @Test
    void gpeMoveUnassignsTheOldBlockFirst() {
        PortModel model = new PortModel(FixedPorts.freshMap(DEFAULT));
        assertTrue(model.moveGpe(3, 0x1F68, 4).isEmpty());
        assertNull(model.map().owner(0xAFE0));
        assertSame(FixedPorts.GPE, model.map().owner(0x1F6F));
        assertSame(FixedPorts.GPE, model.map().owner(0xAF00));
        assertEquals(List.of("unmap", "map"), model.events().stream().map(PortEvent::action).toList());
        assertEquals(3, model.events().get(0).section());
    }

    @Test
    void sameAddressIsNoMove() {
        PortModel model = new PortModel(FixedPorts.freshMap(DEFAULT));
        assertTrue(model.movePm1a(0, 0xB000).isEmpty());
        assertTrue(model.moveGpe(0, 0xAFE0, 2).isEmpty());
        assertEquals(List.of(), model.events());
    }

    @Test
    void gpeBlockReachingPm1aAborts() {
        PortModel model = new PortModel(FixedPorts.freshMap(DEFAULT));
        PortModel.Abort abort = model.moveGpe(0, 0xAFE0, 0x100).orElseThrow();
        assertEquals("qemu: hardware error: register_ioport_read: invalid opaque", abort.message());
        assertEquals(0xB004, abort.port());
        assertSame(FixedPorts.PIIX4ACPI, abort.owner());
    }
}
