package org.savevminspector.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.savevminspector.devices.DeviceCatalog;

class UpstreamDevicesTest {
    private static final MachineConfig TWO_E1000 = new MachineConfig(Map.of("e1000", 2), Set.of());

    @Test
    void registeredVersionsAreThoseOfSpecB1() {
        Map<String, Long> registered = new TreeMap<>();
        UpstreamDevices.all().forEach(f -> registered.put(f.idstr(), f.registeredVersion()));
        Map<String, Long> b1 = new TreeMap<>(Map.ofEntries(Map.entry("timer", 2L), Map.entry("ram", 3L),
                Map.entry("fw_cfg", 1L), Map.entry("PCIBUS", 1L), Map.entry("I440FX", 2L), Map.entry("PIIX3", 2L),
                Map.entry("cirrus_vga", 3L), Map.entry("vga", 4L), Map.entry("mc146818rtc", 1L),
                Map.entry("platform", 3L), Map.entry("platform_fixed_ioport", 1L), Map.entry("serial", 2L),
                Map.entry("rtl8139", 4L), Map.entry("e1000", 2L), Map.entry("ne2000", 3L), Map.entry("pcnet", 2L),
                Map.entry("eeprom", 20061112L), Map.entry("i82551", 3L), Map.entry("i82557b", 3L),
                Map.entry("i82559er", 3L), Map.entry("ide", 3L), Map.entry("pckbd", 3L), Map.entry("ps2kbd", 3L),
                Map.entry("ps2mouse", 2L), Map.entry("dma", 1L), Map.entry("audio", 1L), Map.entry("sb16", 1L),
                Map.entry("ac97", 2L), Map.entry("es1370", 2L), Map.entry("fdc", 2L), Map.entry("uhci", 1L),
                Map.entry("gpe", 2L), Map.entry("pci_devfn", 1L), Map.entry("piix4acpi", 2L)));
        assertEquals(b1, registered);
    }

    @Test
    void xenServerNamesAreNotUpstream() {
        assertTrue(UpstreamDevices.facts("UHCI usb controller").isEmpty());
        assertTrue(UpstreamDevices.facts("pcislots").isEmpty());
    }

    @Test
    void instanceRules() {
        DeviceLoadFacts rtl = UpstreamDevices.facts("rtl8139").orElseThrow();
        assertFalse(rtl.instances().accepts(0, "rtl8139", TWO_E1000));
        assertTrue(rtl.instances().accepts(0x20, "rtl8139", TWO_E1000));
        assertTrue(rtl.instances().accepts(0x28, "rtl8139", TWO_E1000));
        assertFalse(rtl.instances().accepts(0x21, "rtl8139", TWO_E1000));
        DeviceLoadFacts e1000 = UpstreamDevices.facts("e1000").orElseThrow();
        assertTrue(e1000.instances().accepts(1, "e1000", TWO_E1000));
        assertFalse(e1000.instances().accepts(2, "e1000", TWO_E1000));
        DeviceLoadFacts serial = UpstreamDevices.facts("serial").orElseThrow();
        assertTrue(serial.instances().accepts(0x2F8, "serial", TWO_E1000));
        assertFalse(serial.instances().accepts(0, "serial", TWO_E1000));
        DeviceLoadFacts dma = UpstreamDevices.facts("dma").orElseThrow();
        assertTrue(dma.instances().accepts(1, "dma", TWO_E1000));
        assertFalse(dma.instances().accepts(2, "dma", TWO_E1000));
    }

    @Test
    void ownVersionTestsOfSpecB6() {
        assertTrue(UpstreamDevices.facts("pckbd").orElseThrow().rejectsOwn(2));
        assertFalse(UpstreamDevices.facts("pckbd").orElseThrow().rejectsOwn(3));
        assertTrue(UpstreamDevices.facts("ide").orElseThrow().rejectsOwn(2));
        assertFalse(UpstreamDevices.facts("gpe").orElseThrow().rejectsOwn(1));
        // serial's own test is "> 3": reachable only through the v2-compat loader
        assertFalse(UpstreamDevices.facts("serial").orElseThrow().rejectsOwn(3));
        assertTrue(UpstreamDevices.facts("serial").orElseThrow().rejectsOwn(4));
        assertFalse(UpstreamDevices.facts("e1000").orElseThrow().rejectsOwn(99));
    }

    @Test
    void everyDeviceTheCatalogueKnowsHasItsRegisteredVersionLayout() {
        DeviceCatalog catalog = DeviceCatalog.standard();
        for (DeviceLoadFacts f : UpstreamDevices.all()) {
            if (catalog.knows(f.idstr()) && f.fixedBytes() < 0) {
                assertTrue(catalog.find(f.idstr(), f.registeredVersion()).isPresent(),
                        f.idstr() + " v" + f.registeredVersion());
            }
        }
    }

    @Test
    void ownRuleReadsLikeTheSpec() {
        assertEquals("its own test refuses 0, 1, 2 and versions above 3",
                UpstreamDevices.facts("pckbd").orElseThrow().ownRule());
        assertEquals("its own test refuses versions above 3", UpstreamDevices.facts("serial").orElseThrow().ownRule());
    }
}
