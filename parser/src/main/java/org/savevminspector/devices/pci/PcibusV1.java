package org.savevminspector.devices.pci;

import static org.savevminspector.devices.layout.Layout.be32;
import static org.savevminspector.devices.layout.Layout.repeat;

import org.savevminspector.devices.DeviceLayoutBase;
import org.savevminspector.devices.layout.Layout;

/**
 * {@code PCIBUS} v1 (FORMAT.md B.3.4): load-only since QT 291ec0bf (2008-05), so found only in older (v2-format) files.
 * {@code QT hw/pci.c:pcibus_load} reads {@code be32 nirq} and discards {@code nirq} be32 IRQ levels; the i440FX
 * bus had 128, so 516 bytes.
 */
public final class PcibusV1 extends DeviceLayoutBase {
    public PcibusV1() {
        super("PCIBUS", 1, "QT hw/pci.c:pcibus_load", Layout.of(
                be32("nirq").keep().means(v -> v + " bus IRQ levels follow" + (v == 128 ? " (the i440FX bus)" : "")),
                repeat("irq_count", "nirq", be32("irq_count"))));
    }
}
