package org.savevminspector.devices.audio;

import static org.savevminspector.devices.layout.Layout.be16;
import static org.savevminspector.devices.layout.Layout.be32;
import static org.savevminspector.devices.layout.Layout.bytes;
import static org.savevminspector.devices.layout.Layout.repeat;
import static org.savevminspector.devices.layout.Layout.struct;
import static org.savevminspector.devices.layout.Layout.u8;

import org.savevminspector.devices.DeviceLayoutBase;
import org.savevminspector.devices.layout.Layout;
import org.savevminspector.devices.pci.PciBlock;

/**
 * {@code ac97} v2 (FORMAT.md B.3.22, {@code QT hw/ac97.c:ac97_save}): PCI block, global registers, the three bus-master
 * channels (PCM in, PCM out, mic in), the mixer and the three voice-active flags; 619 bytes.
 */
public final class Ac97V2 extends DeviceLayoutBase {
    public Ac97V2() {
        super("ac97", 2, "QT hw/ac97.c:ac97_save", Layout.of(
                PciBlock.element(),
                be32("glob_cnt"),
                be32("glob_sta"),
                be32("cas"),
                repeat("bm_regs", 3, struct("bm_regs",
                        be32("bdbar"),
                        u8("civ"),
                        u8("lvi"),
                        be16("sr"),
                        be16("picb"),
                        u8("piv"),
                        u8("cr"),
                        be32("bd_valid"),
                        be32("bd.addr"),
                        be32("bd.ctl_len"))),
                bytes("mixer_data", 256),
                repeat("active", 3, u8("active"))));
    }
}
