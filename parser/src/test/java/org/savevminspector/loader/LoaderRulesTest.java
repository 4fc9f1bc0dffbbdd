package org.savevminspector.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.savevminspector.devices.XenServerNames;
import org.savevminspector.fixtures.Fixtures;
import org.savevminspector.fixtures.Guest;
import org.savevminspector.io.ByteSource;
import org.savevminspector.stream.SavevmParser;

/**
 * The rules the loader tables are made of, each at its edges: which instance ids a registration accepts, which
 * labels a load function refuses itself, where a PCI block starts, which body a label is read as, what a profile
 * that changes upstream's row keeps, and the machine a file describes.
 */
class LoaderRulesTest {

    private static MachineConfig machine(byte[] file) {
        return MachineConfig.of(SavevmParser.standard().parse(ByteSource.of(file)).sections());
    }

    private static final MachineConfig DEFAULT = machine(Fixtures.defaultGuest().bytes());

    @Test
    void aNicSlotIsBusZeroFunctionZeroFromSlotTwoOn() {
        InstanceRule slot = InstanceRule.pciSlot();
        assertFalse(slot.accepts(0x08, "rtl8139", DEFAULT));
        assertTrue(slot.accepts(0x10, "rtl8139", DEFAULT));
        assertFalse(slot.accepts(0x11, "rtl8139", DEFAULT));
        assertFalse(slot.accepts(0x17, "rtl8139", DEFAULT));
        assertTrue(slot.accepts(0x18, "rtl8139", DEFAULT));
        assertTrue(slot.accepts(0xF8, "rtl8139", DEFAULT));
        assertFalse(slot.accepts(0x100, "rtl8139", DEFAULT));
        assertFalse(slot.accepts(0, "rtl8139", DEFAULT), "XenServer's instance 0 is the host bridge's devfn");
        assertEquals("(bus << 8) | devfn of a NIC slot: 0x10, 0x18, … 0xF8", slot.describe());
    }

    @Test
    void automaticInstancesCountTheConfiguredDevices() {
        InstanceRule auto = InstanceRule.auto();
        MachineConfig twoIde = machine(Fixtures.defaultGuest().bytes());
        assertEquals(1, twoIde.count("ide"));
        assertTrue(auto.accepts(0, "ide", twoIde));
        assertFalse(auto.accepts(1, "ide", twoIde));
        assertFalse(auto.accepts(-1, "ide", twoIde));
        // a device the file does not have still registers once when configured elsewhere: instance 0 only
        assertEquals(0, twoIde.count("e1000"));
        assertTrue(auto.accepts(0, "e1000", twoIde));
        assertFalse(auto.accepts(1, "e1000", twoIde));
        MachineConfig twoNics = machine(Fixtures.write(Guest.DEFAULT.withNics(Guest.Nic.E1000, Guest.Nic.E1000))
                .bytes());
        assertEquals(2, twoNics.count("e1000"));
        assertTrue(auto.accepts(1, "e1000", twoNics));
        assertFalse(auto.accepts(2, "e1000", twoNics));
        assertEquals("0, 1, … (one per configured device)", auto.describe());
    }

    @Test
    void fixedAndSerialInstances() {
        assertTrue(InstanceRule.fixed(0, 1).accepts(1, "dma", DEFAULT));
        assertFalse(InstanceRule.fixed(0, 1).accepts(2, "dma", DEFAULT));
        assertEquals("0x0, 0x1", InstanceRule.fixed(0, 1).describe());
        assertTrue(InstanceRule.serialBase().accepts(0x2E8, "serial", DEFAULT));
        assertFalse(InstanceRule.serialBase().accepts(0x2F0, "serial", DEFAULT));
        assertEquals("0x3F8, 0x2F8, 0x3E8, 0x2E8", InstanceRule.serialBase().describe());
    }

    @Test
    void aRowDerivedWithoutChangesIsTheSameRow() {
        for (DeviceLoadFacts row : UpstreamDevices.all()) {
            assertEquals(row, row.derive().build(), row.idstr());
        }
        for (LoaderProfile p : LoaderProfiles.all()) {
            for (String idstr : p.registeredVersions().keySet()) {
                DeviceLoadFacts row = p.facts(idstr).orElseThrow();
                assertEquals(row, row.derive().build(), p.name() + " " + idstr);
            }
        }
    }

    @Test
    void aLoadFunctionRefusesItsOwnListAndWhatIsAboveItsBound() {
        DeviceLoadFacts ide = UpstreamDevices.facts("ide").orElseThrow();
        assertTrue(ide.rejectsOwn(2));
        assertFalse(ide.rejectsOwn(3));
        assertTrue(ide.rejectsOwn(4));
        assertEquals("its own test refuses 0, 1, 2 and versions above 3", ide.ownRule());
        DeviceLoadFacts serial = UpstreamDevices.facts("serial").orElseThrow();
        assertFalse(serial.rejectsOwn(3), "serial_load accepts 3 although 2 is registered");
        assertTrue(serial.rejectsOwn(4));
        assertEquals("its own test refuses versions above 3", serial.ownRule());
        DeviceLoadFacts e1000 = UpstreamDevices.facts("e1000").orElseThrow();
        assertFalse(e1000.rejectsOwn(Long.MAX_VALUE));
        assertEquals("its own test refuses ", e1000.ownRule());
    }

    @Test
    void anotherRegisteredVersionMovesTheOwnBoundOnlyWhenItWasTheRegisteredOne() {
        DeviceLoadFacts vga = UpstreamDevices.facts("vga").orElseThrow().derive().registered(6).bodyAs(6, 4).build();
        assertEquals(6, vga.registeredVersion());
        assertEquals(6, vga.ownMax());
        assertEquals(4, vga.bodyVersion(6));
        assertEquals(4, vga.bodyVersion(4));
        DeviceLoadFacts serial = UpstreamDevices.facts("serial").orElseThrow().derive().registered(5).build();
        assertEquals(3, serial.ownMax(), "its own bound of 3 stays");
        DeviceLoadFacts none = UpstreamDevices.facts("e1000").orElseThrow().derive().registered(5).build();
        assertEquals(Long.MAX_VALUE, none.ownMax());
    }

    @Test
    void aPciBlockStartsAtItsFirstVersion() {
        DeviceLoadFacts cirrus = UpstreamDevices.facts("cirrus_vga").orElseThrow();
        assertFalse(cirrus.hasPciBlock(1));
        assertTrue(cirrus.hasPciBlock(2));
        assertTrue(cirrus.hasPciBlock(3));
        assertTrue(UpstreamDevices.facts("ide").orElseThrow().hasPciBlock(0));
        assertFalse(UpstreamDevices.facts("gpe").orElseThrow().hasPciBlock(2));
    }

    @Test
    void xenServersRowsChangeOnlyWhatTheirPatchesChange() {
        LoaderProfile x = XenServerRows.common().build("x", "x", "x");
        DeviceLoadFacts uhci = x.facts(XenServerNames.UHCI).orElseThrow();
        DeviceLoadFacts upstreamUhci = UpstreamDevices.facts("uhci").orElseThrow();
        assertEquals("uhci", uhci.layoutIdstr(), "the body keeps the uhci layouts");
        assertEquals("hw/usb-uhci.c:uhci_load (XSPQ master/fix_savevm_v1_compatibility.patch)", uhci.loadFunction());
        assertEquals(upstreamUhci.checks(), uhci.checks());
        assertEquals(upstreamUhci.moves(), uhci.moves());
        assertFalse(x.facts("uhci").isPresent());
        assertTrue(x.facts("rtl8139").orElseThrow().instances().accepts(0, "rtl8139", DEFAULT));
        assertFalse(x.facts("rtl8139").orElseThrow().instances().accepts(0x20, "rtl8139", DEFAULT));
        DeviceLoadFacts vga = x.facts("vga").orElseThrow();
        assertEquals(List.of(6L, 6L, 4L), List.of(vga.registeredVersion(), vga.ownMax(), vga.bodyVersion(6)));
        assertEquals(Set.of(), x.facts("PIIX3").orElseThrow().ownRejects());
        for (String idstr : XenServerNames.LOAD_ONLY_PCI.keySet()) {
            assertEquals(256, x.facts(idstr).orElseThrow().fixedBytes(), idstr);
        }
        assertEquals(34, x.facts("pcislots").orElseThrow().fixedBytes());
        assertTrue(x.failureAborts());
        assertTrue(x.v1Dialect());
        assertEquals(UpstreamDevices.facts("ide"), x.facts("ide"), "untouched rows are upstream's");
    }

    @Test
    void theMachineAFileDescribes() {
        assertTrue(DEFAULT.acpi());
        assertTrue(DEFAULT.passthrough());
        assertFalse(DEFAULT.stdVga());
        assertTrue(DEFAULT.anyVga());
        assertEquals(Set.of(0x3F8L), DEFAULT.serialBases());
        MachineConfig std = machine(Fixtures.stdVga().bytes());
        assertTrue(std.stdVga());
        assertTrue(std.anyVga());
        MachineConfig noDevfn = machine(Fixtures.noPciDevfn().bytes());
        assertFalse(noDevfn.passthrough());
        assertTrue(noDevfn.acpi());
        byte[] beta = org.savevminspector.fixtures.StreamBuilder.v3().full(0, "serial", 0x2F8, 2, new byte[0]).eof()
                .build().bytes();
        MachineConfig bare = machine(beta);
        assertFalse(bare.acpi());
        assertFalse(bare.anyVga());
        assertEquals(Set.of(0x2F8L), bare.serialBases());
        assertEquals(Map.of("serial", 1), bare.counts());
    }
}
