package org.savevminspector.devices.known;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.savevminspector.devices.known.DeviceDescriptor.CountField;
import org.savevminspector.devices.known.DeviceDescriptor.Origin;
import org.savevminspector.devices.known.DeviceDescriptor.Upgrade;
import org.savevminspector.devices.known.DeviceDescriptor.Version;

/**
 * What the descriptors derive equals what used to be written by hand in the loader's rows, its count tests and the
 * repair's upgrade table: the proof that nothing moved when the facts did.
 */
class KnownDevicesTest {
    private final KnownDevices known = KnownDevices.standard();

    /** Every {@code .legacy(version, bytes)} the loader's rows used to carry (upstream and XenServer 6.5+). */
    @Test
    void bodySizesAreTheOldLegacySizes() {
        Map<String, Map<Integer, Long>> old = Map.ofEntries(
                Map.entry("fw_cfg", Map.of(0, 4L)),
                Map.entry("I440FX", Map.of(0, 276L, 1, 276L)),
                Map.entry("platform", Map.of(0, 276L, 1, 276L, 2, 285L)),
                Map.entry("platform_fixed_ioport", Map.of(0, 1L)),
                Map.entry("serial", Map.of(0, 9L, 1, 9L)),
                Map.entry("rtl8139", Map.of(0, 282L, 1, 282L, 2, 362L, 3, 638L)),
                Map.entry("e1000", Map.of(0, 67608L, 1, 67612L)),
                Map.entry("gpe", Map.of(0, 9L)),
                Map.entry("piix4acpi", Map.of(0, 278L)),
                Map.entry("xen-pvdevice", Map.of(0, 276L, 1, 276L)));
        old.forEach((idstr, sizes) -> sizes.forEach((version, bytes) -> assertEquals(OptionalLong.of(bytes),
                known.get(idstr).bodySize(version), idstr + " v" + version)));
    }

    @Test
    void aLegacySizeIsWrittenOnlyWhereNoLayoutMeasuresTheVersion() {
        for (DeviceDescriptor d : known.withFacts()) {
            for (int version : d.legacySizes().keySet()) {
                assertTrue(d.primary(version).isEmpty(), d.idstr() + " v" + version + " has a layout");
            }
        }
        assertEquals(OptionalLong.of(282), known.get("rtl8139").legacySize(0));
        assertEquals(OptionalLong.empty(), known.get("rtl8139").legacySize(1));
        assertEquals(OptionalLong.empty(), known.get("rtl8139").bodySize(9));
    }

    /**
     * The offsets that used to be written by hand: {@code CountCheck("is_vbe", 1096, 1, …)},
     * {@code ("n_drives", 538, 1, …)}, {@code ("num_ports", 0, 1, …)}.
     */
    @Test
    void countFieldOffsetsAreTheOldHardCodedOnes() {
        assertEquals(new CountField("is_vbe", 4, 1096, 1), known.get("vga").count("is_vbe").orElseThrow());
        assertEquals(new CountField("n_drives", 2, 538, 1), known.get("fdc").count("n_drives").orElseThrow());
        assertEquals(new CountField("num_ports", 1, 0, 1), known.get("uhci").count("num_ports").orElseThrow());
    }

    /** The row {@code Upgrade("piix4acpi", 1, 2, "pm1_control", {00 00 1F 40}, …)} of the old repair table. */
    @Test
    void thePiix4acpiUpgradeIsTheOldOne() {
        Upgrade u = known.get("piix4acpi").upgrade(1, 2).orElseThrow();
        assertEquals("pm1_control", u.afterField());
        assertEquals("pm1a_evt_blk_address", u.field());
        assertArrayEquals(new byte[] {0x00, 0x00, 0x1F, 0x40}, u.insert());
        assertEquals("insert pm1a_evt_blk_address = 0x00001F40 (V0, where XenServer 6.0–6.2 kept PM1a) after "
                + "pm1_control", u.reason());
        assertTrue(known.get("piix4acpi").upgrade(2, 1).isEmpty());
    }

    @Test
    void versionsOriginsAndVariantsComeFromTheLayouts() {
        DeviceDescriptor acpi = known.get("piix4acpi");
        assertEquals("piix4acpi", acpi.idstr());
        assertEquals("QT hw/piix4acpi.c", acpi.source());
        List<String> versions = acpi.versions().stream()
                .map(v -> v.number() + " " + v.origin() + " " + v.variant() + " " + v.size()).toList();
        assertEquals(List.of("1 XEN_4_0  278", "2 UPSTREAM  282", "3 XENSERVER  282",
                "1 XEN_4_0 xenserver-v1 2", "2 UPSTREAM xenserver-v1 6"), versions);
        Version v2 = acpi.primary(2).orElseThrow();
        assertEquals("QT hw/piix4acpi.c:piix4acpi_save", v2.source());
        assertEquals(Origin.XEN_4_0, known.get("gpe").primary(1).orElseThrow().origin());
        assertEquals(Origin.UPSTREAM, known.get("gpe").primary(2).orElseThrow().origin());
    }

    @Test
    void aDeviceWithoutARowIsDescribedByItsLayoutsAlone() {
        DeviceDescriptor ide = known.get("ide");
        assertEquals("QT hw/ide.c", ide.source());
        assertEquals(List.of(3), ide.versions().stream().filter(v -> v.variant().isEmpty())
                .map(Version::number).toList());
        assertEquals(-1, ide.primary(3).orElseThrow().size(), "IDE's body depends on identify_set");
        assertTrue(ide.counts().isEmpty());
        assertTrue(known.find("no-such-device").isEmpty());
    }
}
