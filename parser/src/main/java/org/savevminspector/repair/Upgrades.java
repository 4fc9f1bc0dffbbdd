package org.savevminspector.repair;

import java.util.List;
import java.util.Optional;

/**
 * How to turn a body of one shape into a genuine body of its label by inserting the missing fields. One row
 * per (device, shape, label); the values are the ones the writer of the file had in effect.
 */
final class Upgrades {

    /**
     * @param idstr      device
     * @param shape      version the body was written with
     * @param label      version the label claims
     * @param afterField the top-level body field the missing bytes follow (its offset depends on the body: a
     *                   v1-era PCI block is 16 bytes shorter, FORMAT.md A.13)
     * @param insert     the bytes to insert
     * @param reason     why these values
     */
    record Upgrade(String idstr, int shape, int label, String afterField, byte[] insert, String reason) {
    }

    /**
     * FORMAT.md C.6 strategy (b): XenServer 6.0–6.2's qemu had PM1a_CNT hard-mapped at 0x1F44, so the address to restore
     * is V0 = 0x1F40 (pm1a_evt_blk_address), inserted right after the be16 pm1_control (body offset 278 with
     * today's PCI block).
     */
    static final List<Upgrade> TABLE = List.of(
            new Upgrade("piix4acpi", 1, 2, "pm1_control", new byte[] {0x00, 0x00, 0x1F, 0x40},
                    "insert pm1a_evt_blk_address = 0x00001F40 (V0, where XenServer 6.0–6.2 kept PM1a) after "
                            + "pm1_control"));

    private Upgrades() {
    }

    static Optional<Upgrade> find(String idstr, int shape, long label) {
        return TABLE.stream().filter(u -> u.idstr().equals(idstr) && u.shape() == shape && u.label() == label)
                .findFirst();
    }
}
