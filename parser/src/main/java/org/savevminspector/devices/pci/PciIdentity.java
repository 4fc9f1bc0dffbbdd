package org.savevminspector.devices.pci;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.savevminspector.devices.XenServerNames;

/**
 * The PCI identity each device section's configuration must carry, as its init function sets it (FORMAT.md B.2.1 identity
 * table, plus the optional devices of FORMAT.md B.3.14–FORMAT.md B.3.22 and FORMAT.md X.7), and the BARs its init function registers
 * ({@code pci_register_io_region}), which the firmware assigns at boot.
 *
 * @param vendor    vendor ID
 * @param devices   device IDs the init function may set
 * @param classCodes class codes (base class << 8 | subclass) the device may carry; empty when not checked
 * @param bars      the BARs the device registers: index → true for I/O, false for memory
 * @param source    the init function
 */
public record PciIdentity(int vendor, Set<Integer> devices, Set<Integer> classCodes, Map<Integer, Boolean> bars,
                          String source) {

    private static PciIdentity of(int vendor, int device, int classCode, Map<Integer, Boolean> bars, String source) {
        return new PciIdentity(vendor, Set.of(device), classCode < 0 ? Set.of() : Set.of(classCode), bars, source);
    }

    private static final Map<String, PciIdentity> BY_IDSTR = Map.ofEntries(
            Map.entry("I440FX", of(0x8086, 0x1237, 0x0600, Map.of(), "QT hw/piix_pci.c:i440fx_init")),
            Map.entry("PIIX3", of(0x8086, 0x7000, 0x0601, Map.of(), "QT hw/piix_pci.c:piix3_init")),
            Map.entry("cirrus_vga", of(0x1013, 0x00B8, 0x0300, Map.of(0, false, 1, false),
                    "QT hw/cirrus_vga.c:pci_cirrus_vga_init")),
            Map.entry("vga", of(0x1234, 0x1111, 0x0300, Map.of(0, false), "QT hw/vga.c:pci_vga_init")),
            // XenServer can present the platform device as 5853:0002 (Windows Update drivers) and writes class
            // 0x0100 for it (FORMAT.md V, measured)
            Map.entry("platform", new PciIdentity(0x5853, Set.of(0x0001, 0x0002), Set.of(0xFF80, 0x0100),
                    Map.of(0, true, 1, false),
                    "QT hw/xen_platform.c:pci_xen_platform_init")),
            Map.entry("rtl8139", of(0x10EC, 0x8139, 0x0200, Map.of(0, true, 1, false),
                    "QT hw/rtl8139.c:pci_rtl8139_init")),
            Map.entry("e1000", of(0x8086, 0x100E, 0x0200, Map.of(0, false, 1, true), "QT hw/e1000.c:pci_e1000_init")),
            Map.entry("ne2000", of(0x10EC, 0x8029, 0x0200, Map.of(0, true), "QT hw/ne2000.c:pci_ne2000_init")),
            Map.entry("pcnet", of(0x1022, 0x2000, 0x0200, Map.of(0, true, 1, false), "QT hw/pcnet.c:pci_pcnet_init")),
            Map.entry("i82551", of(0x8086, 0x1209, 0x0200, Map.of(0, false, 1, true, 2, false),
                    "QT hw/eepro100.c:pci_reset")),
            Map.entry("i82557b", of(0x8086, 0x1229, 0x0200, Map.of(0, false, 1, true, 2, false),
                    "QT hw/eepro100.c:pci_reset")),
            Map.entry("i82559er", of(0x8086, 0x1209, 0x0200, Map.of(0, false, 1, true, 2, false),
                    "QT hw/eepro100.c:pci_reset")),
            Map.entry("ide", of(0x8086, 0x7010, 0x0101, Map.of(4, true), "QT hw/ide.c:pci_piix3_ide_init")),
            Map.entry("uhci", of(0x8086, 0x7020, 0x0C03, Map.of(4, true), "QT hw/usb-uhci.c:usb_uhci_piix3_init")),
            Map.entry(XenServerNames.UHCI, of(0x8086, 0x7020, 0x0C03, Map.of(4, true),
                    "QT hw/usb-uhci.c:usb_uhci_piix3_init")),
            Map.entry("piix4acpi", of(0x8086, 0x7113, 0x0680, Map.of(), "QT hw/piix4acpi.c:piix4_pm_init")),
            Map.entry("ac97", of(0x8086, 0x2415, 0x0401, Map.of(0, true, 1, true), "QT hw/ac97.c:ac97_init")),
            Map.entry("es1370", of(0x1274, 0x5000, 0x0401, Map.of(0, true), "QT hw/es1370.c:es1370_init")),
            Map.entry("xen-pvdevice", of(0x5853, 0xC000, -1, Map.of(), "XSPQ master/CP-12149-xen-pvdriver.patch")));

    /** The identity of a device section, by idstr. */
    public static Optional<PciIdentity> of(String idstr) {
        return Optional.ofNullable(BY_IDSTR.get(idstr));
    }

    /** Every idstr with a known identity, sorted. */
    public static List<String> idstrs() {
        return BY_IDSTR.keySet().stream().sorted().toList();
    }
}
