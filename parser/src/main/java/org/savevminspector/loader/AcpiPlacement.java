package org.savevminspector.loader;

import org.savevminspector.devices.acpi.AcpiMeanings;

/**
 * Where qemu-dm has the two ACPI blocks it emulates (docs/FORMAT.md B.2.4): PM1a_CNT at {@code pm1aEvt + 4} and GPE0 at
 * [{@code gpe0}, {@code gpe0 + 2·gpe0HalfLen}).
 *
 * @param pm1aEvt     {@code pm1a_evt_blk_address}
 * @param gpe0        {@code gpe0_blk_address}
 * @param gpe0HalfLen {@code gpe0_blk_half_len}
 */
public record AcpiPlacement(long pm1aEvt, long gpe0, long gpe0HalfLen) {
    /** Xen ≥ 4.1 hvmloader tables and a fresh Xen ≥ 4.1 qemu-dm: 0xB000, 0xAFE0/2. */
    public static final AcpiPlacement V1 =
            new AcpiPlacement(AcpiMeanings.PM1A_EVT_V1, AcpiMeanings.GPE0_V1, AcpiMeanings.GPE0_HALF_LEN_V1);
    /** Xen ≤ 4.0 tables, and where XenServer 6.0–6.2 hard-maps them: 0x1F40, 0x1F68/4. */
    public static final AcpiPlacement V0 =
            new AcpiPlacement(AcpiMeanings.PM1A_EVT_V0, AcpiMeanings.GPE0_V0, AcpiMeanings.GPE0_HALF_LEN_V0);

    /** "V0", "V1", or "mixed" / "other" in words, for consequences. */
    public String describe() {
        boolean pmV0 = pm1aEvt == V0.pm1aEvt;
        boolean pmV1 = pm1aEvt == V1.pm1aEvt;
        boolean gpeV0 = gpe0 == V0.gpe0 && gpe0HalfLen == V0.gpe0HalfLen;
        boolean gpeV1 = gpe0 == V1.gpe0 && gpe0HalfLen == V1.gpe0HalfLen;
        if (pmV0 && gpeV0) {
            return "V0";
        }
        if (pmV1 && gpeV1) {
            return "V1";
        }
        if ((pmV0 && gpeV1) || (pmV1 && gpeV0)) {
            return "mixed";
        }
        return "other";
    }
}
