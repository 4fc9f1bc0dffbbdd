package org.savevminspector.devices.net;

import static org.savevminspector.devices.layout.Layout.be16;
import static org.savevminspector.devices.layout.Layout.be32;
import static org.savevminspector.devices.layout.Layout.be64;
import static org.savevminspector.devices.layout.Layout.blob;
import static org.savevminspector.devices.layout.Layout.bytes;
import static org.savevminspector.devices.layout.Layout.repeat;

import org.savevminspector.devices.DeviceLayoutBase;
import org.savevminspector.devices.Meanings;
import org.savevminspector.devices.Views;
import org.savevminspector.devices.layout.Layout;
import org.savevminspector.devices.pci.PciBlock;

/** {@code pcnet} v2 (FORMAT.md B.3.16, {@code QT hw/pcnet.c:pcnet_save}): PCI block then the Am79C970 state; 4 756 bytes. */
public final class PcnetV2 extends DeviceLayoutBase {
    public PcnetV2() {
        super("pcnet", 2, "QT hw/pcnet.c:pcnet_save", Layout.of(
                PciBlock.element(),
                be32("rap"),
                be32("isr"),
                be32("lnkst"),
                be32("rdra"),
                be32("tdra"),
                bytes("prom", 16).shows((src, at, n) -> "MAC " + Views.MAC.describe(src, at, 6)),
                repeat("csr", 128, be16("csr")),
                repeat("bcr", 32, be16("bcr")),
                be64("timer"),
                be32("xmit_pos"),
                be32("recv_pos"),
                blob("buffer", 4096),
                be32("tx_busy"),
                be64("poll_timer").means(Meanings.TIMER)));
    }
}
