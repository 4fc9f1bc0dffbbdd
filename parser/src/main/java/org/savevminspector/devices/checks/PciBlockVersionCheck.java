package org.savevminspector.devices.checks;

import java.util.List;
import java.util.Set;
import org.savevminspector.devices.pci.PciBlock;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.diagnostics.DiagnosticCode;
import org.savevminspector.model.Field;
import org.savevminspector.model.Section;
import org.savevminspector.model.SectionType;

/**
 * The PCI block's own version word and INTx levels (FORMAT.md B.2.1, {@code QT hw/pci.c:pci_device_save/_load}): every
 * qemu-dm that writes v3 streams writes version 2 with four 0/1 levels. Version 0/1 in a v3 stream is the
 * 260-byte old block (no irq_state), which loaders read 16 bytes short of a version-2 block; above 2 the device's
 * load fails. Records of v2/v1 files are old by nature and are not flagged for version 1.
 */
public final class PciBlockVersionCheck extends CheckBase {
    public PciBlockVersionCheck() {
        super("pci-block", "PCI block version and INTx levels",
                "pci.version is 2 in a v3 stream (0/1 is the old 260-byte block without irq_state; above 2 "
                        + "pci_device_load fails) and each pci.irq_state word is 0 or 1 (FORMAT.md B.2.1).",
                List.of(DiagnosticCode.PCI_BLOCK_OLD_VERSION, DiagnosticCode.IMPOSSIBLE_COUNT), Set.of());
    }

    @Override
    public boolean appliesTo(Section s) {
        return SectionFields.find(s, PciBlock.VERSION) != null;
    }

    @Override
    public void check(Section s, List<Diagnostic> out) {
        Field version = SectionFields.find(s, PciBlock.VERSION);
        long v = version.value();
        if (v > 2) {
            out.add(Diagnostic.raise(DiagnosticCode.IMPOSSIBLE_COUNT, "pci-block-version", version.span().offset(), 4,
                    s.index(), s.idstr(), v));
        } else if (v < 2 && s.type() == SectionType.FULL) {
            out.add(Diagnostic.raise(DiagnosticCode.PCI_BLOCK_OLD_VERSION, "v3-stream", version.span().offset(), 4,
                    s.index(), s.idstr(), v));
        }
        Field irq = SectionFields.find(s, "pci.irq_state");
        if (irq != null) {
            for (Field level : irq.children()) {
                if (level.value() != 0 && level.value() != 1) {
                    out.add(Diagnostic.raise(DiagnosticCode.IMPOSSIBLE_COUNT, "intx-level", level.span().offset(), 4,
                            s.index(), s.idstr(), level.name(), level.value()));
                }
            }
        }
    }
}
