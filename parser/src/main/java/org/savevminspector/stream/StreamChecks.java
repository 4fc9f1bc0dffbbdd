package org.savevminspector.stream;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.savevminspector.devices.DeviceCatalog;
import org.savevminspector.devices.DeviceLayout;
import org.savevminspector.devices.xen.XenServerNames;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.diagnostics.DiagnosticCode;
import org.savevminspector.model.Hex;
import org.savevminspector.model.Section;
import org.savevminspector.model.SectionType;

/** Whole-stream checks run after the walk: id order, duplicates, and XenServer fingerprints (FORMAT.md X). */
final class StreamChecks {
    private StreamChecks() {
    }

    /**
     * A device instance as a loader finds it ({@code find_se}: idstr and instance id). Equality is written out: a
     * record's generated {@code hashCode}/{@code equals} are linked through an invokedynamic bootstrap on first use,
     * which costs a command's start-up more than the whole duplicate check.
     */
    private record Instance(String idstr, long instanceId) {
        @Override
        public int hashCode() {
            return idstr.hashCode() * 31 + Long.hashCode(instanceId);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Instance i && i.instanceId == instanceId && i.idstr.equals(idstr);
        }
    }

    /** XenServer writes every rtl8139 as instance 0 (FORMAT.md X.4, FORMAT.md V): two NICs collide by design. */
    private static String xenServerNic(Section s) {
        return s.idstr().equals("rtl8139") && s.instanceId() == 0
                ? "; XenServer registers every rtl8139 as instance 0 (XSPQ fix_rtl_saverestore.patch), so both "
                        + "XenServer loaders (6.0–6.2 and 6.5+) restore this NIC's state into the first NIC, with "
                        + "result 0 and no message, and the second NIC keeps its power-on state"
                : "";
    }

    static void run(List<Section> sections, DeviceCatalog catalog, List<Diagnostic> out) {
        long previousId = -1;
        Map<Instance, Section> seen = new HashMap<>();
        for (Section s : sections) {
            if (s.type() == SectionType.FULL) {
                if (previousId >= 0 && s.sectionId() <= previousId) {
                    out.add(Diagnostic.of(DiagnosticCode.SECTION_ID_ORDER, s.header().offset() + 1, 4, s.index(),
                            "section id " + s.sectionId() + " of '" + s.idstr() + "' does not exceed the previous "
                                    + previousId + " (qemu-dm numbers registrations in order, FORMAT.md A.7; the loader "
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
                                    + "into the same device and the other one is never restored"
                                    + xenServerNic(s)));
                }
            }
            fingerprints(s, catalog, out);
        }
    }

    /**
     * Byte patterns only XenServer's patched qemu-dm writes (docs/FORMAT.md X), one row each. Labels from
     * XenServer's private numbering that have a layout of their own are recognised by the layout's origin.
     */
    private record Fingerprint(Predicate<Section> matches, String note) {
    }

    private static final List<Fingerprint> FINGERPRINTS = List.of(
            new Fingerprint(s -> s.idstr().equals(XenServerNames.UHCI),
                    "idstr 'UHCI usb controller' is XenServer's name for upstream 'uhci' "
                            + "(fix_savevm_v1_compatibility.patch); upstream does not know it"),
            new Fingerprint(s -> s.idstr().equals("rtl8139") && s.instanceId() == 0,
                    "rtl8139 with instance 0 is XenServer's numbering (fix_rtl_saverestore.patch); upstream expects "
                            + "(bus << 8) | devfn, e.g. 0x20"),
            new Fingerprint(s -> s.idstr().equals("vga") && s.versionId() == 6,
                    "vga labelled 6 is XenServer's numbering (savevm_george_compatibility.patch) for the v4 body"));

    private static void fingerprints(Section s, DeviceCatalog catalog, List<Diagnostic> out) {
        if (s.type() != SectionType.FULL) {
            return;
        }
        String note = FINGERPRINTS.stream().filter(f -> f.matches().test(s)).map(Fingerprint::note).findFirst()
                .orElse(null);
        if (note == null) {
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
