package org.savevminspector.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.savevminspector.devices.timer.TimerV2;
import org.savevminspector.io.ArrayByteSource;

/**
 * The catalogue as the parser sees it: every (idstr, version) docs/FORMAT.md requires, each with the body size of
 * FORMAT.md B.3/FORMAT.md B.4 for the body qemu-dm writes (PCI block version 2, VGA VRAM in guest memory, IDE N = 2, FDC 2 drives,
 * UHCI 2 ports).
 */
class DeviceCatalogTest {

    private record Expected(String idstr, int version, long size, boolean variable, Consumer<byte[]> typical) {
    }

    private static final List<Expected> EXPECTED = new ArrayList<>();

    private static void fixed(String idstr, int version, long size) {
        EXPECTED.add(new Expected(idstr, version, size, false, b -> { }));
    }

    /** A layout whose size depends on the data; {@code typical} writes what the writer writes. */
    private static void variable(String idstr, int version, long size, Consumer<byte[]> typical) {
        EXPECTED.add(new Expected(idstr, version, size, true, typical));
    }

    private static final Consumer<byte[]> PCI_V2 = b -> b[3] = 2;

    static {
        fixed("timer", 2, 8);
        fixed("ram", 3, 0);
        fixed("fw_cfg", 1, 4);
        variable("I440FX", 2, 276, PCI_V2);
        variable("PIIX3", 2, 276, PCI_V2);
        variable("cirrus_vga", 3, 1895, PCI_V2.andThen(b -> b[1887 + 4] = (byte) 0xFF));
        variable("vga", 4, 1425, PCI_V2.andThen(b -> b[1417 + 4] = (byte) 0xFF));
        fixed("mc146818rtc", 1, 197);
        variable("platform", 1, 276, PCI_V2);
        variable("platform", 2, 285, PCI_V2);
        variable("platform", 3, 284, PCI_V2);
        fixed("platform_fixed_ioport", 1, 1);
        fixed("serial", 1, 9);
        fixed("serial", 2, 11);
        fixed("rtl8139", 1, 282);
        fixed("rtl8139", 2, 362);
        variable("rtl8139", 3, 638, PCI_V2);
        variable("rtl8139", 4, 642, PCI_V2);
        variable("e1000", 1, 67_612, PCI_V2);
        variable("e1000", 2, 67_608, PCI_V2);
        // N = 2: hda and hdc identified (drive blocks at 318 and 318 + 540 + 28)
        variable("ide", 3, 1454, PCI_V2.andThen(b -> {
            b[318 + 7] = 1;
            b[318 + 540 + 28 + 7] = 1;
        }));
        fixed("pckbd", 3, 4);
        fixed("ps2kbd", 2, 280);
        fixed("ps2kbd", 3, 284);
        fixed("ps2mouse", 2, 291);
        fixed("dma", 1, 75);
        variable("fdc", 2, 545, b -> b[538] = 2);
        variable("uhci", 1, 303, PCI_V2.andThen(b -> b[276] = 2));
        fixed("gpe", 1, 9);
        fixed("gpe", 2, 17);
        fixed("pci_devfn", 1, 130);
        variable("piix4acpi", 1, 278, PCI_V2);
        variable("piix4acpi", 2, 282, PCI_V2);
        variable("piix4acpi", 3, 282, PCI_V2);
        // beyond the required set (FORMAT.md B.3.15, FORMAT.md B.3.16, FORMAT.md B.3.22, FORMAT.md B.3.25)
        fixed("ne2000", 2, 49_196);
        variable("ne2000", 3, 49_472, PCI_V2);
        variable("pcnet", 2, 4_756, PCI_V2);
        fixed("audio", 1, 0);
        variable("ac97", 2, 619, PCI_V2);
        variable("es1370", 2, 356, PCI_V2);
        fixed("pcislots", 1, 34);
        // historic versions and the rest of FORMAT.md B.3 (issue 8)
        fixed("cirrus_vga", 1, 1611 + 4 * 1024 * 1024);
        variable("cirrus_vga", 2, 1887 + 4 * 1024 * 1024, PCI_V2);
        fixed("vga", 1, 1137);
        variable("vga", 2, 1413, PCI_V2);
        // vram_size = 16 at body 1413: the dump of 16 bytes always follows
        variable("vga", 3, 1417 + 16, PCI_V2.andThen(b -> b[1413 + 3] = 16));
        variable("vga", 5, 1433, PCI_V2.andThen(b -> b[1425 + 4] = (byte) 0xFF));
        variable("vga", 6, 1425, PCI_V2.andThen(b -> b[1417 + 4] = (byte) 0xFF));
        fixed("sb16", 1, 707);
        variable("PCIBUS", 1, 516, b -> b[3] = (byte) 128);
        variable("eeprom", 20061112, 140, b -> b[8] = 64);
        fixed("i82551", 1, 4429);
        fixed("i82551", 2, 4430);
        variable("i82551", 3, 4706, PCI_V2);
        fixed("ne2000", 1, 49_195);
        variable("xen-pvdevice", 1, 276, PCI_V2);
        fixed("cirrus_vga_pci", 1, 256);
        fixed("timer", 1, 8);
        variable("I440FX", 1, 276, PCI_V2);
    }

    private final DeviceCatalog catalog = DeviceCatalog.standard();

    @Test
    void everyRequiredLayoutIsPresentWithItsSpecSize() {
        for (Expected e : EXPECTED) {
            DeviceLayout d = catalog.find(e.idstr(), e.version())
                    .orElseThrow(() -> new AssertionError("missing " + e.idstr() + " v" + e.version()));
            assertEquals(e.idstr(), d.idstr());
            assertEquals(e.version(), d.version());
            if (e.variable()) {
                assertEquals(-1, d.layout().fixedSize(), d + " depends on the data");
                byte[] body = new byte[(int) e.size()];
                e.typical().accept(body);
                assertEquals(e.size(), d.layout().measure(new ArrayByteSource(body), 0, body.length), d.toString());
                Decoded.of(d, body).coversWholeBody();
            } else {
                assertEquals(e.size(), d.layout().fixedSize(), d.toString());
            }
            assertFalse(d.source().isBlank(), d + " cites its source");
        }
    }

    @Test
    void everyCatalogueEntryIsAccountedFor() {
        Set<String> expected = new HashSet<>();
        EXPECTED.forEach(e -> expected.add(e.idstr() + " v" + e.version()));
        Map<String, DeviceLayout> seen = new LinkedHashMap<>();
        for (String idstr : catalog.idstrs()) {
            for (DeviceLayout d : catalog.versions(idstr)) {
                if (d.idstr().equals(idstr)) {
                    seen.put(idstr + " v" + d.version(), d);
                }
            }
        }
        for (String key : seen.keySet()) {
            assertTrue(expected.contains(key), "catalogue entry without a size check: " + key);
        }
    }

    @Test
    void xenServerUhciAliasFindsTheSameLayout() {
        DeviceLayout uhci = catalog.find("uhci", 1).orElseThrow();
        assertSame(uhci, catalog.find("UHCI usb controller", 1).orElseThrow());
        assertTrue(catalog.knows("UHCI usb controller"));
    }

    @Test
    void piix4acpiHasTheXenServerPrivateLabel() {
        assertEquals(List.of(1, 2, 3), catalog.versions("piix4acpi").stream().map(DeviceLayout::version).toList());
        assertEquals(DeviceLayout.Origin.XENSERVER, catalog.find("piix4acpi", 3).orElseThrow().origin());
        assertEquals(DeviceLayout.Origin.UPSTREAM, catalog.find("piix4acpi", 2).orElseThrow().origin());
    }

    @Test
    void servicesFileListsEachClassOnce() throws IOException {
        try (InputStream in = DeviceCatalog.class.getClassLoader()
                .getResourceAsStream("META-INF/services/org.savevminspector.devices.DeviceLayout")) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
            assertEquals(lines.size(), new HashSet<>(lines).size(), "duplicate lines in the services file");
        }
    }

    /** The idstr and aliases after each line's {@code #} are what the standard catalogue finds a class under. */
    @Test
    void servicesFileStatesEachClassesOwnIdstrAndAliases() throws IOException {
        Map<String, DeviceLayout> made = new LinkedHashMap<>();
        ServiceLoader.load(DeviceLayout.class).stream().forEach(p -> made.put(p.type().getName(), p.get()));
        int lines = 0;
        try (InputStream in = DeviceCatalog.class.getClassLoader()
                .getResourceAsStream("META-INF/services/org.savevminspector.devices.DeviceLayout")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList()) {
                int hash = line.indexOf('#');
                if (hash <= 0) {
                    continue;
                }
                DeviceLayout d = made.get(line.substring(0, hash).trim());
                List<String> own = new ArrayList<>(List.of(d.idstr()));
                own.addAll(d.aliases());
                assertEquals(own, DeviceCatalog.keys(line.substring(hash + 1)), line);
                lines++;
            }
        }
        assertEquals(made.size(), lines, "every layout's line states its idstr");
    }

    /** Built idstr by idstr on lookup, the standard catalogue holds what one built at once from every class holds. */
    @Test
    void standardCatalogueHoldsWhatAnEagerOneHolds() {
        DeviceCatalog eager = new DeviceCatalog(ServiceLoader.load(DeviceLayout.class).stream()
                .map(ServiceLoader.Provider::get).toList());
        assertEquals(eager.idstrs(), catalog.idstrs());
        assertEquals(describe(eager.all()), describe(catalog.all()));
        for (String idstr : eager.idstrs()) {
            for (DeviceLayout d : eager.versions(idstr)) {
                assertEquals(describe(eager.alternatives(idstr, d.version())),
                        describe(catalog.alternatives(idstr, d.version())), idstr + " v" + d.version());
            }
        }
        assertFalse(catalog.knows("no such device"));
        assertEquals(List.of(), catalog.versions("no such device"));
    }

    private static List<String> describe(List<DeviceLayout> layouts) {
        return layouts.stream().map(d -> d.getClass().getName() + " " + d + " " + d.layout().elements().size())
                .toList();
    }

    @Test
    void duplicateVersionsAreRefused() {
        assertThrows(IllegalStateException.class, () -> new DeviceCatalog(List.of(new TimerV2(), new TimerV2())));
    }
}
