package org.savevminspector.devices.checks;

import java.util.List;
import java.util.Set;
import org.savevminspector.devices.pci.PciIdentity;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.diagnostics.DiagnosticCode;
import org.savevminspector.diagnostics.Offset;
import org.savevminspector.model.Field;
import org.savevminspector.model.Section;

/**
 * The vendor, device and class code in a device's saved PCI configuration are the ones its init function sets
 * (FORMAT.md B.2.1 identity table). They are read-only for the guest, so another value means the bytes are not this
 * device's configuration: a body decoded with the wrong layout, bytes shifted by a missing field, or a corrupted
 * file.
 */
public final class PciIdentityCheck extends CheckBase {
    public PciIdentityCheck() {
        super("pci-identity", "PCI vendor, device and class match the device",
                "The vendor ID, device ID and class code in pci.config are the ones the device's init function "
                        + "sets (FORMAT.md B.2.1 identity table); the guest cannot change them, so any other value means the "
                        + "bytes are not this device's configuration (a wrong layout, shifted bytes or corruption).",
                List.of(DiagnosticCode.PCI_IDENTITY_MISMATCH), Set.copyOf(PciIdentity.idstrs()));
    }

    @Override
    public boolean appliesTo(Section s) {
        return super.appliesTo(s) && SectionFields.pciConfig(s) != null;
    }

    @Override
    public void check(Section s, List<Diagnostic> out) {
        PciIdentity id = PciIdentity.of(s.idstr()).orElseThrow();
        Field cfg = SectionFields.pciConfig(s);
        Field vendor = SectionFields.find(cfg.children(), "vendor_id");
        Field device = SectionFields.find(cfg.children(), "device_id");
        Field cls = SectionFields.find(cfg.children(), "class_code");
        if (vendor == null || device == null) {
            return;
        }
        boolean identityOk = vendor.value() == id.vendor() && id.devices().contains((int) device.value());
        if (!identityOk) {
            String expected = id.devices().stream().sorted().map(d -> Field.hex(id.vendor(), 2).substring(2) + ":"
                    + Field.hex(d, 2).substring(2)).reduce((a, b) -> a + " or " + b).orElse("");
            out.add(Diagnostic.raise(DiagnosticCode.PCI_IDENTITY_MISMATCH, "vendor-device", vendor.span().offset(), 4,
                    s.index(), s.idstr(), Offset.of(s.header().offset()), Field.hex(vendor.value(), 2).substring(2),
                    Field.hex(device.value(), 2).substring(2), expected, id.source()));
        }
        if (cls != null && !id.classCodes().isEmpty() && !id.classCodes().contains((int) cls.value())) {
            out.add(Diagnostic.raise(DiagnosticCode.PCI_IDENTITY_MISMATCH, "class-code", cls.span().offset(), 2,
                    s.index(), s.idstr(), Field.hex(cls.value(), 2), id.classCodes().stream().sorted()
                            .map(c -> Field.hex(c, 2)).reduce((a, b) -> a + " or " + b).orElse(""), id.source()));
        }
    }
}
