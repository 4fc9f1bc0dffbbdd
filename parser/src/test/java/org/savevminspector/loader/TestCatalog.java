package org.savevminspector.loader;

import static org.savevminspector.devices.layout.Layout.be16;
import static org.savevminspector.devices.layout.Layout.be32;
import static org.savevminspector.devices.layout.Layout.bytes;
import static org.savevminspector.devices.layout.Layout.repeat;
import static org.savevminspector.devices.layout.Layout.u8;
import static org.savevminspector.devices.layout.Layout.when;

import java.util.ArrayList;
import java.util.List;
import org.savevminspector.devices.DeviceCatalog;
import org.savevminspector.devices.DeviceLayout;
import org.savevminspector.devices.DeviceLayoutBase;
import org.savevminspector.devices.layout.Element;
import org.savevminspector.devices.layout.Layout;
import org.savevminspector.model.FieldType;

/** A small catalogue of body layouts with the sizes of docs/FORMAT.md B.4, for loader tests independent of the decoders. */
final class TestCatalog {

    private TestCatalog() {
    }

    /** The PCI block, modelling the PCI-version condition on irq_state (FORMAT.md B.2.1). */
    static Element[] pci() {
        return new Element[] {be32("pci.version").keep(), bytes("config", 256),
            when(c -> c.get("pci.version") >= 2, Layout.array("irq_state", 4, FieldType.BE32))};
    }

    static Element[] with(Element[] head, Element... tail) {
        List<Element> all = new ArrayList<>(List.of(head));
        all.addAll(List.of(tail));
        return all.toArray(new Element[0]);
    }

    private static DeviceLayout layout(String idstr, int version, Element... elements) {
        return new DeviceLayoutBase(idstr, version, "test", Layout.of(elements)) {
        };
    }

    static DeviceCatalog catalog() {
        return new DeviceCatalog(layouts(true));
    }

    /** Without modelling the PCI version in the layouts: the loader must correct a v1 PCI block itself. */
    static DeviceCatalog catalogWithFlatPci() {
        return new DeviceCatalog(layouts(false));
    }

    private static List<DeviceLayout> layouts(boolean pciAware) {
        Element[] pci = pciAware ? pci() : new Element[] {bytes("pci", 276)};
        return List.of(
                layout("timer", 2, bytes("clock", 8)),
                layout("platform", 3, with(pci, bytes("rest", 8))),
                layout("serial", 2, bytes("regs", 11)),
                layout("rtl8139", 4, with(pci, bytes("rest", 366))),
                layout("pckbd", 3, bytes("regs", 4)),
                layout("ps2kbd", 3, bytes("regs", 284)),
                layout("dma", 1, bytes("regs", 75)),
                layout("fdc", 2, bytes("regs", 538), u8("n_drives").keep(),
                        repeat("drive", "n_drives", bytes("drive", 3))),
                layout("uhci", 1, with(pci, u8("num_ports").keep(), repeat("ports", "num_ports", be16("ctrl")),
                        bytes("rest", 22))),
                layout("gpe", 1, bytes("regs", 9)),
                layout("gpe", 2, bytes("regs", 9), be32("gpe0_blk_address"), be32("gpe0_blk_half_len")),
                layout("pci_devfn", 1, bytes("status", 130)),
                layout("piix4acpi", 1, with(pci, be16("pm1_control"))),
                layout("piix4acpi", 2, with(pci, be16("pm1_control"), be32("pm1a_evt_blk_address"))));
    }
}
