package org.savevminspector.devices.pci;

import java.util.Map;
import org.savevminspector.devices.Meanings;
import org.savevminspector.model.Field;
import org.savevminspector.model.Meaning;

/** Interpretations of PCI type-0 configuration header fields (FORMAT.md B.2.1, standard PCI 2.x header). */
public final class PciMeanings {

    private PciMeanings() {
    }

    /** Vendors that appear in qemu-dm save files (identity table of FORMAT.md B.2.1). */
    public static final Meaning VENDOR = Meanings.choices(2, Map.of(
            0x8086L, "Intel",
            0x1013L, "Cirrus Logic",
            0x1234L, "Bochs/QEMU (std VGA)",
            0x5853L, "XenSource",
            0x10ECL, "Realtek",
            0x1AF4L, "Red Hat/QEMU (virtio, default subsystem vendor)",
            0x1022L, "AMD",
            0xFFFFL, "no device (all ones)",
            0x0000L, "none"), "unknown vendor %s");

    /** Command register (0x04). */
    public static final Meaning COMMAND = Meanings.bits()
            .flag(0, "I/O space").flag(1, "memory space").flag(2, "bus master").flag(3, "special cycles")
            .flag(4, "MWI").flag(5, "VGA palette snoop").flag(6, "parity error response").flag(7, "stepping")
            .flag(8, "SERR#").flag(9, "fast back-to-back").flag(10, "INTx disable");

    /** Status register (0x06). */
    public static final Meaning STATUS = Meanings.bits()
            .flag(3, "interrupt status").flag(4, "capabilities list").flag(5, "66 MHz")
            .flag(7, "fast back-to-back capable").flag(8, "master data parity error")
            .field(9, 2, "DEVSEL", Map.of(1L, "medium", 2L, "slow", 3L, "reserved"))
            .flag(11, "signalled target abort").flag(12, "received target abort")
            .flag(13, "received master abort").flag(14, "signalled system error").flag(15, "detected parity error");

    private static final Map<Long, String> BASE_CLASS = Map.ofEntries(
            Map.entry(0x00L, "unclassified"), Map.entry(0x01L, "storage"), Map.entry(0x02L, "network"),
            Map.entry(0x03L, "display"), Map.entry(0x04L, "multimedia"), Map.entry(0x05L, "memory"),
            Map.entry(0x06L, "bridge"), Map.entry(0x07L, "communication"), Map.entry(0x08L, "system peripheral"),
            Map.entry(0x09L, "input"), Map.entry(0x0CL, "serial bus"), Map.entry(0xFFL, "vendor specific"));

    private static final Map<Long, String> CLASS_CODE = Map.ofEntries(
            Map.entry(0x0100L, "storage/SCSI"), Map.entry(0x0101L, "storage/IDE"),
            Map.entry(0x0200L, "network/Ethernet"), Map.entry(0x0300L, "display/VGA"),
            Map.entry(0x0401L, "multimedia/audio"), Map.entry(0x0600L, "bridge/host"),
            Map.entry(0x0601L, "bridge/ISA"), Map.entry(0x0680L, "bridge/other"),
            Map.entry(0x0C03L, "serial bus/USB"), Map.entry(0xFF80L, "vendor specific (Xen platform)"));

    /** Class code as the le16 at 0x0A: base class in the high byte, subclass in the low byte. */
    public static final Meaning CLASS_CODE_MEANING = v -> {
        String name = CLASS_CODE.get(v);
        if (name == null) {
            String base = BASE_CLASS.get(v >>> 8);
            name = (base == null ? "unknown class" : base) + "/subclass " + Field.hex(v & 0xFF, 1);
        }
        return Field.hex(v, 2) + " " + name;
    };

    /** Header type (0x0E): bit 7 multi-function, bits 0–6 layout. */
    public static final Meaning HEADER_TYPE = v -> {
        String layout = switch ((int) (v & 0x7F)) {
            case 0 -> "type 0 (general device)";
            case 1 -> "type 1 (PCI-to-PCI bridge)";
            case 2 -> "type 2 (CardBus bridge)";
            default -> "type " + (v & 0x7F) + " (reserved)";
        };
        return (v & 0x80) != 0 ? layout + ", multi-function" : layout + ", single function";
    };

    /**
     * A base address register: bit 0 selects I/O (address = value & ~3) or memory (address = value & ~0xF, bits
     * 2:1 type, bit 3 prefetchable); 0 means the firmware never programmed it.
     */
    public static final Meaning BAR = v -> {
        if (v == 0) {
            return "unassigned";
        }
        if ((v & 1) != 0) {
            long addr = v & ~3L & 0xFFFFFFFFL;
            return addr == 0 ? "I/O, address not assigned" : "I/O " + Field.hex(addr, 2);
        }
        long addr = v & ~0xFL & 0xFFFFFFFFL;
        String type = switch ((int) ((v >>> 1) & 3)) {
            case 0 -> "32-bit";
            case 1 -> "below 1 MiB";
            case 2 -> "64-bit (low half; the next BAR holds the high half)";
            default -> "reserved type";
        };
        String what = "memory " + (addr == 0 ? "address not assigned" : Field.hex(addr, 4)) + " " + type;
        return (v & 8) != 0 ? what + " prefetchable" : what;
    };

    /** Expansion ROM BAR (0x30): bit 0 enable, bits 31:11 address. */
    public static final Meaning EXPANSION_ROM = v -> {
        if (v == 0) {
            return "none";
        }
        String at = "ROM at " + Field.hex(v & 0xFFFFF800L, 4);
        return (v & 1) != 0 ? at + ", enabled" : at + ", disabled";
    };

    /** Interrupt pin (0x3D). */
    public static final Meaning INTERRUPT_PIN = Meanings.choices(1,
            Map.of(0L, "none", 1L, "INTA#", 2L, "INTB#", 3L, "INTC#", 4L, "INTD#"), "invalid pin %s");

    /** Interrupt line (0x3C): the IRQ the firmware routed, 0xFF = unknown/not connected. */
    public static final Meaning INTERRUPT_LINE = v -> v == 0xFF ? "not connected" : "IRQ " + v;

    /** One {@code irq_state} word: the INTx level last asserted by the device. */
    public static final Meaning IRQ_LEVEL = Meanings.choices(4, Map.of(0L, "deasserted", 1L, "asserted"),
            "unexpected level %s (should be 0 or 1)");

    /** The PCI save-format version word (FORMAT.md B.2.1, FORMAT.md B.6). */
    public static final Meaning BLOCK_VERSION = v -> {
        if (v == 2) {
            return "current format (260 + irq_state: 276 bytes)";
        }
        if (v <= 1) {
            return "old format: read as 260 bytes, no irq_state";
        }
        return "unsupported: pci_device_load rejects versions above 2";
    };
}
