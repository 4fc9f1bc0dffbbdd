package org.savevminspector.loader;

import static org.savevminspector.loader.DeviceLoadFacts.device;

import org.savevminspector.devices.XenServerNames;

/**
 * The row changes every XenServer 6.x/7.x qemu-dm shares (docs/FORMAT.md X, {@code XSPQ master/*.patch}); the two
 * XenServer profiles apply them and then their own ACPI rows.
 */
final class XenServerRows {
    private static final String V1_COMPAT = "XSPQ master/fix_savevm_v1_compatibility.patch";

    private XenServerRows() {
    }

    static LoaderProfile.Builder common() {
        LoaderProfile.Builder b = LoaderProfile.from(UpstreamDevices.all())
                // X.4 fix_rtl_saverestore: registered with instance 0, not (bus << 8) | devfn
                .change("rtl8139", r -> r.instances(InstanceRule.fixed(0)))
                // X.2: the same uhci_load under another name; the body keeps the uhci layouts
                .change(XenServerNames.UPSTREAM_UHCI, r -> r.renamed(XenServerNames.UHCI)
                        .function("hw/usb-uhci.c:uhci_load (" + V1_COMPAT + ")"))
                // X.3 savevm_george_compatibility: registered 6; label 6 is the unchanged v4 body
                .change("vga", r -> r.registered(6).bodyAs(6, 4))
                // X.2 removes piix_load's "version != 2" test
                .change("PIIX3", r -> r.noRejects().function("hw/piix_pci.c:piix_load (" + V1_COMPAT + ")"));
        // X.2 load-only entries with no save handler: generic_pci_load reads the 256 config bytes
        XenServerNames.LOAD_ONLY_PCI.keySet().forEach(idstr -> b.add(loadOnlyPci(idstr)));
        return b
                // X.5 savevm_dummy_handler_for_pcislots: reads and discards the 34-byte Xen 3.4 layout
                .add(device("pcislots", 1, "XSPQ master/savevm_dummy_handler_for_pcislots.patch")
                        .alwaysReads(34).build())
                .failureAborts()
                .v1Dialect();
    }

    private static DeviceLoadFacts loadOnlyPci(String idstr) {
        return device(idstr, 1, "hw/pci.c:generic_pci_load (" + V1_COMPAT + ")").alwaysReads(256).build();
    }
}
