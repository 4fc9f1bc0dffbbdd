package org.savevminspector.stream;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.savevminspector.devices.DeviceCatalog;
import org.savevminspector.devices.DeviceLayout;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.diagnostics.DiagnosticCode;
import org.savevminspector.model.Hex;
import org.savevminspector.model.Section;
import org.savevminspector.model.SectionType;

/** Whole-stream checks run after the walk: id order, duplicates, and XenServer fingerprints (Appendix X). */
final class StreamChecks {
    private StreamChecks() {
    }

    /** A device instance as a loader finds it ({@code find_se}: idstr and instance id). */
    private record Instance(String idstr, long instanceId) {
    }

    static void run(List<Section> sections, DeviceCatalog catalog, List<Diagnostic> out) {
        long previousId = -1;
        Map<Instance, Section> seen = new HashMap<>();
        for (Section s : sections) {
            if (s.type() == SectionType.FULL) {
                if (previousId >= 0 && s.sectionId() <= previousId) {
                    out.add(Diagnostic.of(DiagnosticCode.SECTION_ID_ORDER, s.header().offset() + 1, 4, s.index(),
                            "section id " + s.sectionId() + " of '" + s.idstr() + "' does not exceed the previous "
                                    + previousId + " (qemu-dm numbers registrations in order, §A.7; the loader "
                                    + "does not check FULL ids)"));
                }
                previousId = s.sectionId();
            }
            if (s.type() == SectionType.FULL || s.type() == SectionType.RECORD) {
                Section first = seen.putIfAbsent(new Instance(s.idstr(), s.instanceId()), s);
                if (first != null) {
                    out.add(Diagnostic.of(DiagnosticCode.DUPLICATE_SECTION, s.header().offset(), s.header().length(),
                            s.index(), "'" + s.idstr() + "' instance " + s.instanceId() + " appears again (first at "
                                    + "offset " + Hex.offset(first.header().offset()) + "): a loader restores both "
                                    + "into the same device and the other one is never restored"));
                }
            }
            fingerprints(s, catalog, out);
        }
    }

    private static void fingerprints(Section s, DeviceCatalog catalog, List<Diagnostic> out) {
        if (s.type() != SectionType.FULL) {
            return;
        }
        String note = null;
        if (s.idstr().equals("UHCI usb controller")) {
            note = "idstr 'UHCI usb controller' is XenServer's name for upstream 'uhci' "
                    + "(fix_savevm_v1_compatibility.patch); upstream does not know it";
        } else if (s.idstr().equals("rtl8139") && s.instanceId() == 0) {
            note = "rtl8139 with instance 0 is XenServer's numbering (fix_rtl_saverestore.patch); upstream expects "
                    + "(bus << 8) | devfn, e.g. 0x20";
        } else if (s.idstr().equals("vga") && s.versionId() == 6) {
            note = "vga labelled 6 is XenServer's numbering (savevm_george_compatibility.patch) for the v4 body";
        } else {
            DeviceLayout d = catalog.find(s.idstr(), s.versionId()).orElse(null);
            if (d != null && d.origin() == DeviceLayout.Origin.XENSERVER && s.shapeVersion() == d.version()) {
                note = s.idstr() + " labelled " + s.versionId() + " uses XenServer's private numbering (" + d.source()
                        + ")";
            }
        }
        if (note != null) {
            out.add(Diagnostic.of(DiagnosticCode.XENSERVER_FINGERPRINT, s.header().offset(), s.header().length(),
                    s.index(), note));
        }
    }
}
