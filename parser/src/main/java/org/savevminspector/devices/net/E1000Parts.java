package org.savevminspector.devices.net;

import static org.savevminspector.devices.layout.Layout.be16;
import static org.savevminspector.devices.layout.Layout.be32;
import static org.savevminspector.devices.layout.Layout.blob;
import static org.savevminspector.devices.layout.Layout.bytes;
import static org.savevminspector.devices.layout.Layout.repeat;
import static org.savevminspector.devices.layout.Layout.s8;
import static org.savevminspector.devices.layout.Layout.seq;
import static org.savevminspector.devices.layout.Layout.u8;

import java.util.ArrayList;
import java.util.List;
import org.savevminspector.devices.layout.Element;

/**
 * The {@code e1000} state after the PCI block (FORMAT.md B.3.14, {@code QT hw/e1000.c:nic_save}): 67 332 bytes, dominated by
 * the 64 KiB TX assembly buffer. Version 1 differs only by one extra be32 between the PCI block and this part.
 */
final class E1000Parts {

    /** The 37 MAC registers {@code nic_save} writes, in its order. */
    static final List<String> MAC_REGS = List.of("CTRL", "EECD", "EERD", "GPRC", "GPTC", "ICR", "ICS", "IMC", "IMS",
            "LEDCTL", "MANC", "MDIC", "MPC", "PBA", "RCTL", "RDBAH", "RDBAL", "RDH", "RDLEN", "RDT", "STATUS", "SWSM",
            "TCTL", "TDBAH", "TDBAL", "TDH", "TDLEN", "TDT", "TORH", "TORL", "TOTH", "TOTL", "TPR", "TPT", "TXDCTL",
            "WUFC", "VET");

    /** Size of {@link #state()}. */
    static final int STATE_SIZE = 67_332;

    private E1000Parts() {
    }

    static Element state() {
        List<Element> e = new ArrayList<>(List.of(
                be32("was_mmio_base").means(v -> "former mmio_base, written 0, ignored on load"),
                be32("rxbuf_size"),
                be32("rxbuf_min_shift"),
                be32("eecd_state.val_in"),
                be16("eecd_state.bitnum_in"),
                be16("eecd_state.bitnum_out"),
                be16("eecd_state.reading"),
                be32("eecd_state.old_eecd"),
                u8("tx.ipcss"),
                u8("tx.ipcso"),
                be16("tx.ipcse"),
                u8("tx.tucss"),
                u8("tx.tucso"),
                be16("tx.tucse"),
                be32("tx.paylen"),
                u8("tx.hdr_len"),
                be16("tx.mss"),
                be16("tx.size"),
                be16("tx.tso_frames"),
                u8("tx.sum_needed"),
                s8("tx.ip"),
                s8("tx.tcp"),
                bytes("tx.header", 256),
                blob("tx.data", 0x10000),
                repeat("eeprom_data", 64, be16("eeprom_data")),
                repeat("phy_reg", 32, be16("phy_reg"))));
        for (String r : MAC_REGS) {
            e.add(be32("mac_reg." + r));
        }
        e.add(repeat("RA", 32, be32("RA")));
        e.add(repeat("MTA", 128, be32("MTA")));
        e.add(repeat("VFTA", 128, be32("VFTA")));
        return seq(e);
    }
}
