package org.savevminspector.devices.acpi;

import java.util.function.LongFunction;
import org.savevminspector.devices.Meanings;
import org.savevminspector.model.Field;
import org.savevminspector.model.Meaning;

/** ACPI values and the two I/O-port layouts V0 ("traditional Xen") and V1 ("modern QEMU") of FORMAT.md B.2.4. */
public final class AcpiMeanings {

    /** The idstr of the PIIX4 power-management function ({@code QT hw/piix4acpi.c:piix4_pm_init}). */
    public static final String PIIX4ACPI = "piix4acpi";
    /** The idstr of its general-purpose event block (registered in {@code QT hw/piix4acpi.c}). */
    public static final String GPE = "gpe";

    public static final long PM1A_EVT_V0 = 0x1F40;
    public static final long PM1A_EVT_V1 = 0xB000;
    public static final long GPE0_V0 = 0x1F68;
    public static final long GPE0_V1 = 0xAFE0;
    public static final long GPE0_HALF_LEN_V0 = 4;
    public static final long GPE0_HALF_LEN_V1 = 2;

    private AcpiMeanings() {
    }

    /** PM1a_CNT (FORMAT.md B.3.27): bit 0 SCI_EN, bit 1 BM_RLD, bit 2 GBL_RLS, bits 10–12 SLP_TYP, bit 13 SLP_EN. */
    public static final Meaning PM1_CONTROL = Meanings.bits()
            .flag(0, "SCI_EN").flag(1, "BM_RLD").flag(2, "GBL_RLS").field(10, 3, "SLP_TYP").flag(13, "SLP_EN");

    /** {@code pm1a_evt_blk_address}: PM1a_CNT is emulated at this address + 4 ({@code acpi_map}). */
    public static final Meaning PM1A_EVT_BLK_ADDRESS = v0OrV1(
            PM1A_EVT_V0, "0x1F40", "PM1a_CNT at 0x1F44", PM1A_EVT_V1, "0xB000", "PM1a_CNT at 0xB004",
            v -> "the loader would map PM1a_CNT at " + Field.hex((v + 4) & 0xFFFFFFFFL, v + 4 > 0xFFFF ? 4 : 2));

    /**
     * {@code plug_evt} of the PCI-hotplug state ({@code pci_devfn} and the older {@code pcislots}, FORMAT.md B.3.25): the
     * last hot-plug event; 0 is both "add" and "nothing happened yet".
     */
    public static final Meaning PLUG_EVT = Meanings.enumOf(1, 0L, "PHP_EVT_ADD (or none)", 3L, "PHP_EVT_REMOVE");

    /** {@code gpe0_blk_address}: start of the GPE0 status/enable block. */
    public static final Meaning GPE0_BLK_ADDRESS = v0OrV1(
            GPE0_V0, "0x1F68", "GPE0 block at 0x1F68", GPE0_V1, "0xAFE0", "GPE0 block at 0xAFE0",
            v -> "the loader would map GPE0 at " + Field.hex(v, v > 0xFFFF ? 4 : 2));

    /** {@code gpe0_blk_half_len}: bytes of status (and of enable) registers. */
    public static final Meaning GPE0_BLK_HALF_LEN = v0OrV1(
            GPE0_HALF_LEN_V0, "4", "4 status + 4 enable ports", GPE0_HALF_LEN_V1, "2", "2 status + 2 enable ports",
            v -> "the loader would map " + v + " status + " + v + " enable ports");

    /**
     * A value that selects one of the two port layouts: named with its layout, anything else as neither,
     * followed by what the loader does with it.
     */
    private static Meaning v0OrV1(long v0, String v0Value, String v0Ports, long v1, String v1Value, String v1Ports,
                                  LongFunction<String> otherwise) {
        return v -> v == v1 ? "V1 layout (" + v1Ports + ")"
                : v == v0 ? "V0 layout (" + v0Ports + ")"
                : "neither V0 (" + v0Value + ") nor V1 (" + v1Value + "): " + otherwise.apply(v);
    }

    /**
     * PIIX4 PMBA (config 0x40, le32): bits 15:6 the PM I/O base, bit 0 hardwired 1. qemu-dm stores but does not
     * decode it; it uses {@code pm1a_evt_blk_address} instead (FORMAT.md B.5.2).
     */
    public static final Meaning PMBA = v -> {
        String base = "I/O " + Field.hex(v & 0xFFC0L, 2);
        return (v & 1) != 0 ? base + " (stored only; qemu-dm maps PM1a_CNT from pm1a_evt_blk_address)"
                : base + " (I/O indicator bit 0 clear)";
    };
}
