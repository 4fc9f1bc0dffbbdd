package org.savevminspector.devices.audio;

import static org.savevminspector.devices.layout.Layout.be32;
import static org.savevminspector.devices.layout.Layout.repeat;
import static org.savevminspector.devices.layout.Layout.struct;

import org.savevminspector.devices.DeviceLayoutBase;
import org.savevminspector.devices.layout.Layout;
import org.savevminspector.devices.pci.PciBlock;

/**
 * {@code es1370} v2 (FORMAT.md B.3.22, {@code QT hw/es1370.c:es1370_save}): PCI block, three channels (DAC1, DAC2, ADC) of
 * five words, then the control, status, memory page, codec and serial control registers; 356 bytes.
 */
public final class Es1370V2 extends DeviceLayoutBase {
    public Es1370V2() {
        super("es1370", 2, "QT hw/es1370.c:es1370_save", Layout.of(
                PciBlock.element(),
                repeat("chan", 3, struct("chan",
                        be32("shift"),
                        be32("leftover"),
                        be32("scount"),
                        be32("frame_addr"),
                        be32("frame_cnt"))),
                be32("ctl"),
                be32("status"),
                be32("mempage"),
                be32("codec"),
                be32("sctl")));
    }
}
