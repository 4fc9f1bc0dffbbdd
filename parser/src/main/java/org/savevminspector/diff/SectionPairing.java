package org.savevminspector.diff;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.savevminspector.devices.XenServerNames;
import org.savevminspector.model.Section;
import org.savevminspector.model.SectionType;
import org.savevminspector.stream.SectionTable;

/**
 * Pairs the sections of two streams by device: canonical idstr ({@link XenServerNames}: XenServer's
 * {@code UHCI usb controller} is {@code uhci}, a load-only {@code *_pci} record is the configuration of its
 * device), then instance, then order of appearance. A NIC that XenServer numbers 0 and upstream by its slot
 * ({@code (bus << 8) | devfn}) pairs too; its instance then shows as a changed header field. Linear in the number
 * of sections.
 */
final class SectionPairing {

    private SectionPairing() {
    }

    static List<OrderedPairing.Match> pair(List<Section> as, List<Section> bs) {
        IntFunction<Section> keyedA = inOrder(as);
        IntFunction<Section> keyedB = inOrder(bs);
        OrderedPairing p = OrderedPairing.byKey(as.size(), i -> key(keyedA.apply(i)), bs.size(),
                j -> key(keyedB.apply(j)));
        // numbering schemes: an unpaired instance 0 meets an unpaired slot number of the same device, in order
        Map<String, ArrayDeque<Integer>> zeroB = new HashMap<>();
        Map<String, ArrayDeque<Integer>> slotB = new HashMap<>();
        IntFunction<Section> b = inOrder(bs);
        for (int j = 0; j < bs.size(); j++) {
            Section s = b.apply(j);
            if (!p.pairedB(j) && renumbered(s)) {
                (s.instanceId() == 0 ? zeroB : slotB).computeIfAbsent(device(s), k -> new ArrayDeque<>()).add(j);
            }
        }
        if (!zeroB.isEmpty() || !slotB.isEmpty()) {
            IntFunction<Section> a = inOrder(as);
            for (int i = 0; i < as.size(); i++) {
                Section s = a.apply(i);
                if (!p.pairedA(i) && renumbered(s)) {
                    ArrayDeque<Integer> q = (s.instanceId() == 0 ? slotB : zeroB).get(device(s));
                    if (q != null && !q.isEmpty()) {
                        p.pair(i, q.poll());
                    }
                }
            }
        }
        return p.merged();
    }

    /**
     * The sections by index for asking in increasing order: through a cursor over a parse's table (its sections are
     * made on demand, and a cursor walks on from the last one instead of seeking each).
     */
    private static IntFunction<Section> inOrder(List<Section> sections) {
        if (sections instanceof SectionTable t) {
            SectionTable.Finder f = t.finder();
            return f::get;
        }
        return sections::get;
    }

    /** The device a section belongs to, whoever wrote it; PART and END are parts of their START's device. */
    static String device(Section s) {
        String idstr = s.idstr() == null ? "" : s.idstr();
        String owner = XenServerNames.LOAD_ONLY_PCI.get(idstr);
        String device = owner != null ? owner + " (PCI configuration)" : XenServerNames.upstreamName(idstr);
        return s.type() == SectionType.PART || s.type() == SectionType.END ? device + " " + s.type().json() : device;
    }

    private static String key(Section s) {
        return device(s) + "#" + s.instanceId();
    }

    private static boolean renumbered(Section s) {
        return XenServerNames.INSTANCE_ZERO.contains(s.idstr()) && s.instanceId() >= 0;
    }
}
