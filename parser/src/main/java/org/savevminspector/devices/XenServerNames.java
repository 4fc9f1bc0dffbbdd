package org.savevminspector.devices;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * How XenServer's qemu-dm names and numbers devices differently from upstream (FORMAT.md X.2, X.4): the one
 * table the loader profiles, the conversions, the decoders and the structural diff read these facts from.
 */
public final class XenServerNames {
    /**
     * XenServer's idstr for upstream's {@code uhci} (X.2, {@code XSPQ master/fix_savevm_v1_compatibility.patch}):
     * the same {@code uhci_load} under another name.
     */
    public static final String UHCI = "UHCI usb controller";

    /** Upstream's idstr of the UHCI controller. */
    public static final String UPSTREAM_UHCI = "uhci";

    /**
     * XenServer's load-only {@code *_pci} entries (X.2), each mapped to the device whose 256 PCI configuration bytes
     * it reads: older XenServer files wrote a device's configuration as a record of its own. Never written by
     * XenServer 6.x/7.x; upstream has none of them.
     */
    public static final Map<String, String> LOAD_ONLY_PCI = loadOnlyPci();

    /**
     * idstrs XenServer registers with instance 0 where upstream registers the NIC's {@code (bus << 8) | devfn}
     * (X.4, {@code fix_rtl_saverestore.patch}).
     */
    public static final Set<String> INSTANCE_ZERO = Set.of("rtl8139", "rtl8139_pci");

    private XenServerNames() {
    }

    private static Map<String, String> loadOnlyPci() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("cirrus_vga_pci", "cirrus_vga");
        m.put("ide_pci", "ide");
        m.put("rtl8139_pci", "rtl8139");
        m.put("UHCI_usb_pci", UPSTREAM_UHCI);
        m.put("piix4acpi_pci", "piix4acpi");
        return Collections.unmodifiableMap(m);
    }

    /** The name upstream registers the same device under: {@code uhci} for {@link #UHCI}, else {@code idstr}. */
    public static String upstreamName(String idstr) {
        return UHCI.equals(idstr) ? UPSTREAM_UHCI : idstr;
    }
}
