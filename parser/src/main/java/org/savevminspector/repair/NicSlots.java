package org.savevminspector.repair;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.savevminspector.model.Section;

/**
 * The PCI slot each emulated NIC has in the guest, derived from the sections present (docs/FORMAT.md B.1 "PCI slot
 * assignment", INFERRED there from {@code QT hw/pci.c:pci_register_device}'s auto-allocation): bus 0, slots
 * 00:00–00:01 for the chipset functions, then in creation order VGA (00:02.0, when there is a VGA section), the
 * Xen platform device (next slot, when there is a {@code platform} section), then the NICs one slot each.
 * Passthrough devices would sit between VGA and the platform device; a save file does not show them, so the
 * derivation says so.
 */
final class NicSlots {
    /** Every idstr a {@code -net nic} model registers (FORMAT.md B.3.13–B.3.17). */
    static final Set<String> NIC_IDSTRS = Set.of("rtl8139", "e1000", "ne2000", "pcnet", "i82551", "i82557b",
            "i82559er");
    private static final Set<String> VGA_IDSTRS = Set.of("cirrus_vga", "vga");
    private static final int FIRST_FREE_SLOT = 2;

    /** The NIC sections, by index in the walk, in creation (file) order. */
    private final List<Integer> nics = new ArrayList<>();
    private int rtl8139;
    private final int firstNicSlot;
    private final String how;

    NicSlots(List<Section> sections) {
        boolean vga = false;
        boolean platform = false;
        for (Section s : sections) {
            if (!s.type().hasFullHeader() || s.idstr() == null) {
                continue;
            }
            vga |= VGA_IDSTRS.contains(s.idstr());
            platform |= s.idstr().equals("platform");
            if (NIC_IDSTRS.contains(s.idstr())) {
                nics.add(s.index());
                rtl8139 += s.idstr().equals("rtl8139") ? 1 : 0;
            }
        }
        int slot = FIRST_FREE_SLOT;
        List<String> before = new ArrayList<>();
        if (vga) {
            before.add("00:0" + slot++ + ".0 VGA");
        }
        if (platform) {
            before.add(String.format("00:%02x.0 Xen platform device", slot++));
        }
        this.firstNicSlot = slot;
        this.how = "slot order of QT hw/pc.c:pc_init1: 00:00.0 i440FX, 00:01.x PIIX3/IDE/UHCI/ACPI"
                + (before.isEmpty() ? "" : ", " + String.join(", ", before))
                + ", then the NICs in creation order (no passthrough device assumed)";
    }

    /** {@code (bus << 8) | devfn} of the NIC written as section {@code s}, or -1 when it is no NIC section. */
    long instanceOf(Section s) {
        int k = Collections.binarySearch(nics, s.index()); // indices were added in increasing order
        return k < 0 ? -1 : (long) (firstNicSlot + k) << 3;
    }

    int rtl8139Count() {
        return rtl8139;
    }

    /** How the slot was derived, for the edit's reason. */
    String derivation() {
        return how;
    }
}
