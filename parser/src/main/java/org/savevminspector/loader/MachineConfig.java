package org.savevminspector.loader;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.savevminspector.devices.acpi.AcpiMeanings;
import org.savevminspector.model.Section;

/**
 * The device configuration of the restoring qemu-dm, read off the sections of the shape walk: a restore starts
 * qemu-dm with the domain's own configuration (Xen uses the same domain config on both sides), so the devices
 * the file describes are the devices that register.
 *
 * @param counts      number of START/FULL/record sections per idstr
 * @param serialBases I/O bases of the {@code serial} sections (their instance ids, FORMAT.md B.3.12)
 */
record MachineConfig(Map<String, Integer> counts, Set<Long> serialBases) {

    MachineConfig {
        counts = Map.copyOf(counts);
        serialBases = Set.copyOf(serialBases);
    }

    static MachineConfig of(List<Section> sections) {
        // int[] counters: merging boxed Integers cost a box per section once counts pass the Integer cache
        Map<String, int[]> counters = new HashMap<>();
        Set<Long> serial = new TreeSet<>();
        for (Section s : sections) {
            if (!s.type().hasFullHeader() || s.idstr() == null) {
                continue;
            }
            counters.computeIfAbsent(s.idstr(), k -> new int[1])[0]++;
            if (s.idstr().equals("serial")) {
                serial.add(s.instanceId());
            }
        }
        Map<String, Integer> counts = new HashMap<>();
        counters.forEach((idstr, n) -> counts.put(idstr, n[0]));
        return new MachineConfig(counts, serial);
    }

    boolean has(String idstr) {
        return counts.containsKey(idstr);
    }

    int count(String idstr) {
        return counts.getOrDefault(idstr, 0);
    }

    /** ACPI enabled: {@code gpe_acpi_init} and {@code piix4_pm_init} ran (FORMAT.md B.1 rows 22, 24). */
    boolean acpi() {
        return has(AcpiMeanings.GPE) || has(AcpiMeanings.PIIX4ACPI) || has("pci_devfn");
    }

    /** A {@code CONFIG_PASSTHROUGH} build: {@code php_devfn_init} registered {@code pci_devfn} (FORMAT.md B.1 row 23). */
    boolean passthrough() {
        return has("pci_devfn");
    }

    boolean stdVga() {
        return has("vga");
    }

    boolean anyVga() {
        return has("vga") || has("cirrus_vga");
    }
}
