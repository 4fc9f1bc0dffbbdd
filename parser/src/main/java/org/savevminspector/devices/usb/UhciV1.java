package org.savevminspector.devices.usb;

import static org.savevminspector.devices.layout.Layout.be16;
import static org.savevminspector.devices.layout.Layout.be32;
import static org.savevminspector.devices.layout.Layout.be64;
import static org.savevminspector.devices.layout.Layout.bytes;
import static org.savevminspector.devices.layout.Layout.repeat;
import static org.savevminspector.devices.layout.Layout.seq;
import static org.savevminspector.devices.layout.Layout.struct;
import static org.savevminspector.devices.layout.Layout.u8;

import java.util.List;
import org.savevminspector.devices.DeviceLayoutBase;
import org.savevminspector.devices.Meanings;
import org.savevminspector.devices.XenServerNames;
import org.savevminspector.devices.layout.Element;
import org.savevminspector.devices.layout.Layout;
import org.savevminspector.devices.pci.PciBlock;

/**
 * {@code uhci} v1 (FORMAT.md B.3.24, {@code QT hw/usb-uhci.c:uhci_save}): PCI block, a port count N (u8 at body 276), N
 * port-control words, then the controller registers and the frame timer. Body 299 + 2·N; the writer writes
 * N = NB_PORTS = 2 and {@code uhci_load} rejects any other count. XenServer writes the same body under the idstr
 * {@code UHCI usb controller} (FORMAT.md X.2). Config byte 0x60 is the serial bus release number (0x10, set by
 * {@code usb_uhci_piix3_init}).
 */
public final class UhciV1 extends DeviceLayoutBase {

    /** {@code NB_PORTS}. */
    public static final int NB_PORTS = 2;

    public UhciV1() {
        super("uhci", 1, "QT hw/usb-uhci.c:uhci_save", Layout.of(
                PciBlock.element(
                        bytes("device_specific_40", 0x20),
                        u8("sbrn").means(v -> v == 0x10 ? "USB 1.0" : "serial bus release " + Long.toHexString(v)),
                        bytes("device_specific_61", 0x9F)),
                u8("num_ports").keep().means(Meanings.count("ports", NB_PORTS, true, "NB_PORTS")),
                repeat("ports", "num_ports", port()),
                registers(),
                frameTimer()));
    }

    static Element port() {
        return struct("ports", be16("ctrl").means(Meanings.bits()
                .flag(0, "connected").flag(1, "connect change").flag(2, "enabled").flag(3, "enable change")
                .field(4, 2, "line status").flag(6, "resume detect").ignore(7, 1).flag(8, "low speed").flag(9, "reset")
                .flag(12, "suspend")));
    }

    /** From {@code cmd} to {@code status2}. */
    static Element registers() {
        return seq(
                be16("cmd").means(Meanings.bits().flag(0, "run").flag(1, "host reset").flag(2, "global reset")
                        .flag(3, "global suspend").flag(4, "global resume").flag(5, "debug").flag(6, "configured")
                        .flag(7, "max packet 64")),
                be16("status").means(Meanings.bits().flag(0, "USB interrupt").flag(1, "error interrupt")
                        .flag(2, "resume detect").flag(3, "host system error").flag(4, "process error").flag(5, "halted")),
                be16("intr"),
                be16("frnum"),
                be32("fl_base_addr"),
                u8("sof_timing"),
                u8("status2"));
    }

    static Element frameTimer() {
        return be64("frame_timer").means(Meanings.TIMER);
    }

    @Override
    public List<String> aliases() {
        return List.of(XenServerNames.UHCI);
    }
}
