package org.savevminspector.devices.checks;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.savevminspector.devices.pci.PciIdentity;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.diagnostics.DiagnosticCode;
import org.savevminspector.model.Field;
import org.savevminspector.model.Section;

/**
 * Every BAR the device registers was given an address by the firmware (hvmloader assigns them all at boot,
 * FORMAT.md B.5.2). A BAR still 0 in a running guest's state means the device answers at no address, and restoring it maps
 * nothing; the BAR's type bit must also match what the device registered (I/O or memory).
 */
public final class PciBarsCheck extends CheckBase {
    public PciBarsCheck() {
        super("pci-bars", "BARs assigned by the firmware",
                "Each base address register the device registers (pci_register_io_region) holds an address of "
                        + "the right kind (I/O or memory). hvmloader assigns every BAR at boot (FORMAT.md B.5.2); a BAR "
                        + "still unprogrammed (0) means the device decodes no address, before and after a restore.",
                List.of(DiagnosticCode.BAR_UNPROGRAMMED), Set.copyOf(PciIdentity.idstrs()));
    }

    @Override
    public boolean appliesTo(Section s) {
        return super.appliesTo(s) && SectionFields.pciConfig(s) != null
                && !PciIdentity.of(s.idstr()).orElseThrow().bars().isEmpty();
    }

    @Override
    public void check(Section s, List<Diagnostic> out) {
        Field cfg = SectionFields.pciConfig(s);
        for (Map.Entry<Integer, Boolean> bar : PciIdentity.of(s.idstr()).orElseThrow().bars().entrySet()) {
            Field f = SectionFields.find(cfg.children(), "bar" + bar.getKey());
            if (f == null) {
                continue;
            }
            long v = f.value();
            boolean io = bar.getValue();
            long address = io ? v & ~3L : v & ~0xFL;
            String kind = io ? "I/O" : "memory";
            if (address == 0) {
                out.add(Diagnostic.raise(DiagnosticCode.BAR_UNPROGRAMMED, "unassigned", f.span().offset(), 4,
                        s.index(), s.idstr(), f.name(), kind, Field.hex(v, 4)));
            } else if (((v & 1) != 0) != io) {
                out.add(Diagnostic.raise(DiagnosticCode.BAR_UNPROGRAMMED, io ? "memory-bar-of-io" : "io-bar-of-memory",
                        f.span().offset(), 4, s.index(), s.idstr(), f.name(), Field.hex(v, 4), kind));
            }
        }
    }
}
