package org.savevminspector.devices.checks;

import java.util.List;
import java.util.Set;
import org.savevminspector.devices.acpi.AcpiMeanings;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.diagnostics.DiagnosticCode;
import org.savevminspector.model.Field;
import org.savevminspector.model.Section;

/**
 * ACPI port addresses (FORMAT.md B.2.4, FORMAT.md B.3.26, FORMAT.md B.3.27): qemu-dm only ever assigns the V0 or the V1 layout, and the GPE0
 * block length goes with its address. Any other value makes the loader map PM1a_CNT or GPE0 at that address —
 * possibly over another device's ports, which aborts qemu-dm (FORMAT.md B.5.4).
 */
public final class AcpiAddressCheck extends CheckBase {
    public AcpiAddressCheck() {
        super("acpi-addresses", "ACPI addresses are V0 or V1",
                "piix4acpi pm1a_evt_blk_address is 0x1F40 (V0) or 0xB000 (V1); gpe gpe0_blk_address is 0x1F68 "
                        + "(V0) or 0xAFE0 (V1) with gpe0_blk_half_len 4 or 2 to match (FORMAT.md B.2.4). Another value makes "
                        + "the loader map the ports there, possibly over another device (FORMAT.md B.5.4).",
                List.of(DiagnosticCode.ACPI_ADDRESS_UNKNOWN), Set.of(AcpiMeanings.PIIX4ACPI, AcpiMeanings.GPE));
    }

    @Override
    public void check(Section s, List<Diagnostic> out) {
        Field pm1a = SectionFields.find(s, "pm1a_evt_blk_address");
        if (pm1a != null && pm1a.value() != AcpiMeanings.PM1A_EVT_V0 && pm1a.value() != AcpiMeanings.PM1A_EVT_V1) {
            out.add(Diagnostic.raise(DiagnosticCode.ACPI_ADDRESS_UNKNOWN, "pm1a", pm1a.span().offset(), 4,
                    s.index(), s.idstr(), Field.hex(pm1a.value(), 4), pm1a.meaningText()));
        }
        Field gpe = SectionFields.find(s, "gpe0_blk_address");
        Field half = SectionFields.find(s, "gpe0_blk_half_len");
        if (gpe == null) {
            return;
        }
        boolean v0 = gpe.value() == AcpiMeanings.GPE0_V0;
        boolean v1 = gpe.value() == AcpiMeanings.GPE0_V1;
        if (!v0 && !v1) {
            out.add(Diagnostic.raise(DiagnosticCode.ACPI_ADDRESS_UNKNOWN, "gpe", gpe.span().offset(), 4, s.index(),
                    Field.hex(gpe.value(), 4), gpe.meaningText()));
        } else if (half != null) {
            long expected = v0 ? AcpiMeanings.GPE0_HALF_LEN_V0 : AcpiMeanings.GPE0_HALF_LEN_V1;
            if (half.value() != expected) {
                out.add(Diagnostic.raise(DiagnosticCode.ACPI_ADDRESS_UNKNOWN, v0 ? "gpe-half-len-v0"
                        : "gpe-half-len-v1", half.span().offset(), 4, s.index(), half.value(),
                        Field.hex(gpe.value(), 4), expected));
            }
        }
    }
}
