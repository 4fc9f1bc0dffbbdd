package org.savevminspector.devices.pci;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.savevminspector.devices.DeviceLayout;
import org.savevminspector.devices.VariantDerivation;
import org.savevminspector.devices.layout.Element;
import org.savevminspector.devices.layout.Layout;

/**
 * XenServer's v1 file dialect (FORMAT.md X.2, {@code XSPQ master/fix_savevm_v1_compatibility.patch}): when the file
 * version is 1, XenServer's {@code pci_device_load} reads the 256 configuration bytes without the leading
 * {@code pci.version} word (and so without irq_state). Every layout that starts with a PCI block therefore has a
 * dialect body with the block replaced by the bare configuration; this derives it, so no device needs a class
 * for it. Devices whose loaders do something else in the dialect ({@code piix4acpi}, {@code UHCI usb controller}
 * read no PCI block at all) state their own variant, which takes precedence. It lives beside {@link PciBlock},
 * whose part it rewrites, and reaches the catalogue as a {@link VariantDerivation} service.
 */
public final class XenServerV1Dialect implements VariantDerivation {

    /** The dialect body of {@code d}, if its body holds a PCI block at the top level. */
    @Override
    public Optional<DeviceLayout> derive(DeviceLayout d) {
        List<Element> elements = d.layout().elements();
        List<Element> rewritten = new ArrayList<>(elements.size());
        boolean changed = false;
        for (Element e : elements) {
            if (e instanceof PciBlock.Block b) {
                rewritten.add(b.configOnly());
                changed = true;
            } else {
                rewritten.add(e);
            }
        }
        if (!changed) {
            return Optional.empty();
        }
        return Optional.of(new Derived(d, Layout.of(rewritten)));
    }

    /** A primary layout with its PCI block reduced to the configuration bytes. */
    private static final class Derived implements DeviceLayout {
        private final DeviceLayout base;
        private final Layout layout;

        Derived(DeviceLayout base, Layout layout) {
            this.base = base;
            this.layout = layout;
        }

        @Override
        public String idstr() {
            return base.idstr();
        }

        @Override
        public List<String> aliases() {
            return base.aliases();
        }

        @Override
        public int version() {
            return base.version();
        }

        @Override
        public DeviceLayout.Origin origin() {
            return DeviceLayout.Origin.XENSERVER;
        }

        @Override
        public Layout layout() {
            return layout;
        }

        @Override
        public String variant() {
            return XENSERVER_V1_DIALECT;
        }

        @Override
        public String source() {
            return base.source() + ", PCI block as read by XenServer's pci_device_load for file version 1 "
                    + "(XSPQ master/fix_savevm_v1_compatibility.patch)";
        }

        @Override
        public String toString() {
            return base + " (XenServer v1 dialect)";
        }
    }
}
