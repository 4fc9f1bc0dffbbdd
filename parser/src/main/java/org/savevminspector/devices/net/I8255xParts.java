package org.savevminspector.devices.net;

import static org.savevminspector.devices.layout.Layout.be16;
import static org.savevminspector.devices.layout.Layout.be32;
import static org.savevminspector.devices.layout.Layout.blob;
import static org.savevminspector.devices.layout.Layout.bytes;
import static org.savevminspector.devices.layout.Layout.repeat;
import static org.savevminspector.devices.layout.Layout.seq;
import static org.savevminspector.devices.layout.Layout.u8;

import java.util.List;
import org.savevminspector.devices.Views;
import org.savevminspector.devices.layout.Element;

/**
 * The Intel 8255x ({@code eepro100}) NIC state after {@code rxcr} ({@code QT hw/eepro100.c:nic_save}, FORMAT.md B.3.17):
 * NE2000-style registers, the 4 KiB register memory, SCB state, region addresses, MAC, counters, MDI registers,
 * the CU/RU pointers, the statistics block and the 22 configuration bytes. {@code nic_load} reads the PCI block
 * only for version ≥ 3 and {@code rxcr} only for version ≥ 2. The three models register the same body under their
 * model name.
 */
final class I8255xParts {

    /** The idstrs {@code nic_init} registers, one per model. */
    static final String FIRST_MODEL = "i82551";
    static final List<String> OTHER_MODELS = List.of("i82557b", "i82559er");

    /** {@code PCI_MEM_SIZE}. */
    static final int MEM_SIZE = 4096;

    private static final String[] STATISTICS = {"tx_good_frames", "tx_max_collisions", "tx_late_collisions",
        "tx_underruns", "tx_lost_crs", "tx_deferred", "tx_single_collisions", "tx_multiple_collisions",
        "tx_total_collisions", "rx_good_frames", "rx_crc_errors", "rx_alignment_errors", "rx_resource_errors",
        "rx_overrun_errors", "rx_cdt_errors", "rx_short_frame_errors", "fc_xmt_pause", "fc_rcv_pause",
        "fc_rcv_unsupported"};

    private I8255xParts() {
    }

    static Element state() {
        Element[] stats = new Element[STATISTICS.length + 3];
        for (int i = 0; i < STATISTICS.length; i++) {
            stats[i] = be32("statistics." + STATISTICS[i]);
        }
        stats[STATISTICS.length] = be16("statistics.xmt_tco_frames");
        stats[STATISTICS.length + 1] = be16("statistics.rcv_tco_frames");
        stats[STATISTICS.length + 2] = be32("statistics.complete");
        return seq(
                Ne2000Parts.registers(),
                blob("mem", MEM_SIZE),
                u8("scb_stat"),
                u8("int_stat"),
                repeat("region", 3, be32("region")),
                bytes("macaddr", 6).shows(Views.MAC),
                repeat("statcounter", 19, be32("statcounter")),
                repeat("mdimem", 32, be16("mdimem")),
                be32("device"),
                be32("pointer"),
                be32("cu_base"),
                be32("cu_offset"),
                be32("ru_base"),
                be32("ru_offset"),
                be32("statsaddr"),
                seq(stats),
                bytes("configuration", 22));
    }
}
