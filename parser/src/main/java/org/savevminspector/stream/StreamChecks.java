package org.savevminspector.stream;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.savevminspector.devices.DeviceCatalog;
import org.savevminspector.devices.DeviceLayout;
import org.savevminspector.devices.XenServerNames;
import org.savevminspector.diagnostics.Catalogue;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.diagnostics.DiagnosticCode;
import org.savevminspector.diagnostics.DiagnosticList;
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
    static boolean xenServerNic(Section s) {
        return s.idstr().equals("rtl8139") && s.instanceId() == 0;
    }

    /**
     * Runs the whole-stream checks, and feeds every section to {@code each} on the same pass (the named device
     * checks): one pass over a million sections, not two.
     */
    static DiagnosticList run(List<Section> sections, DeviceCatalog catalog, StreamTemplates templates,
                              Consumer<Section> each) {
        // one list per kind, so that the findings of repeated sections stay runs (see DiagnosticList)
        DiagnosticList.Builder order = DiagnosticList.builder();
        DiagnosticList.Builder duplicates = DiagnosticList.builder();
        DiagnosticList.Builder fingerprints = DiagnosticList.builder();
        long previousId = -1;
        // the first section of each device instance: a few distinct keys, whatever the number of sections
        Map<Instance, Integer> seen = new HashMap<>();
        for (Section s : sections) {
            each.accept(s);
            if (s.type() == SectionType.FULL) {
                if (previousId >= 0 && s.sectionId() <= previousId) {
                    order.add(DiagnosticCode.SECTION_ID_ORDER, s.header().offset() + 1, 4, s.index(),
                            templates.idOrder, previousId);
                }
                previousId = s.sectionId();
            }
            if (s.type() == SectionType.FULL || s.type() == SectionType.RECORD) {
                Integer first = seen.putIfAbsent(new Instance(s.idstr(), s.instanceId()), s.index());
                if (first != null) {
                    duplicates.add(DiagnosticCode.DUPLICATE_SECTION, s.header().offset(), s.header().length(),
                            s.index(), templates.duplicate, first);
                }
            }
            fingerprints(s, catalog, fingerprints, templates);
        }
        // per section: the id, the duplicate, the fingerprint; at one offset, the order they were found in
        return DiagnosticList.merge(DiagnosticList.Order.OFFSET, order.build(DiagnosticList.Order.ADDED),
                duplicates.build(DiagnosticList.Order.ADDED), fingerprints.build(DiagnosticList.Order.ADDED));
    }

    /**
     * Byte patterns only XenServer's patched qemu-dm writes (docs/FORMAT.md X), one row each. Labels from
     * XenServer's private numbering that have a layout of their own are recognised by the layout's origin.
     */
    private record Fingerprint(Predicate<Section> matches, String variant) {
    }

    private static final List<Fingerprint> FINGERPRINTS = List.of(
            new Fingerprint(s -> s.idstr().equals(XenServerNames.UHCI), "uhci-name"),
            new Fingerprint(StreamChecks::xenServerNic, "rtl8139-instance-0"),
            new Fingerprint(s -> s.idstr().equals("vga") && s.versionId() == 6, "vga-label-6"));

    /** The catalogue entry of row {@code row} of the fingerprint table. */
    static Catalogue.Entry fingerprint(int row) {
        return Catalogue.entry(DiagnosticCode.XENSERVER_FINGERPRINT, FINGERPRINTS.get(row).variant());
    }

    private static void fingerprints(Section s, DeviceCatalog catalog, DiagnosticList.Builder out,
                                     StreamTemplates templates) {
        if (s.type() != SectionType.FULL) {
            return;
        }
        int row = -1;
        for (int i = 0; i < FINGERPRINTS.size() && row < 0; i++) {
            if (FINGERPRINTS.get(i).matches().test(s)) {
                row = i;
            }
        }
        if (row < 0) {
            DeviceLayout d = catalog.find(s.idstr(), s.versionId()).orElse(null);
            if (d == null || d.origin() != DeviceLayout.Origin.XENSERVER || s.shapeVersion() != d.version()) {
                return;
            }
        }
        out.add(DiagnosticCode.XENSERVER_FINGERPRINT, s.header().offset(), s.header().length(), s.index(),
                templates.fingerprint, row);
    }
}
