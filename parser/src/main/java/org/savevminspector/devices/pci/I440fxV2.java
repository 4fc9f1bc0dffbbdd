package org.savevminspector.devices.pci;

import org.savevminspector.devices.DeviceLayoutBase;
import org.savevminspector.devices.layout.Layout;

/**
 * {@code I440FX} v2 (FORMAT.md B.3.5): under {@code CONFIG_DM} only the PCI block of the host bridge 00:00.0 is written; the
 * SMM byte and IRQ levels of the non-Xen build are absent.
 */
public final class I440fxV2 extends DeviceLayoutBase {
    public I440fxV2() {
        super("I440FX", 2, "QT hw/piix_pci.c:i440fx_save", Layout.of(PciBlock.element()));
    }
}
