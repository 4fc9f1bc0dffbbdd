package org.savevminspector.devices.pci;

import org.savevminspector.devices.DeviceLayoutBase;
import org.savevminspector.devices.layout.Layout;

/**
 * {@code I440FX} v1 (FORMAT.md B.3.5): under {@code CONFIG_DM} {@code i440fx_load} reads only the PCI block for versions 1
 * and 2 ({@code QT hw/piix_pci.c:i440fx_load}).
 */
public final class I440fxV1 extends DeviceLayoutBase {
    public I440fxV1() {
        super("I440FX", 1, "QT hw/piix_pci.c:i440fx_load (CONFIG_DM, version 1)", Layout.of(PciBlock.element()));
    }
}
