package org.savevminspector.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.savevminspector.container.ContainerIndex;
import org.savevminspector.container.ContainerRecord;
import org.savevminspector.container.PageRun;

/** Summarises two container indexes fact by fact ({@link ContainerDiff}). */
final class ContainerFacts {

    private ContainerFacts() {
    }

    /** {@code null} when neither file is a save image (two bare streams have no container to compare). */
    static ContainerDiff compare(ContainerIndex a, ContainerIndex b) {
        if (!isImage(a) && !isImage(b)) {
            return null;
        }
        List<Object> va = values(a);
        List<Object> vb = values(b);
        List<ContainerDiff.Fact> facts = new ArrayList<>();
        boolean changed = false;
        for (int i = 0; i < NAMES.size(); i++) {
            boolean differs = !Objects.equals(va.get(i), vb.get(i));
            changed |= differs;
            facts.add(new ContainerDiff.Fact(NAMES.get(i), differs ? DiffStatus.CHANGED : DiffStatus.SAME,
                    va.get(i), vb.get(i)));
        }
        return new ContainerDiff(changed ? DiffStatus.CHANGED : DiffStatus.SAME, facts);
    }

    private static final List<String> NAMES = List.of("kind", "records", "record types", "page batches", "pages",
            "pages with data", "pfn range", "page data bytes", "device-model stream bytes");

    private static boolean isImage(ContainerIndex c) {
        return c != null && c.isContainer();
    }

    /** The values in the order of {@link #NAMES}. */
    private static List<Object> values(ContainerIndex c) {
        String kind = c == null ? "raw" : c.kind() == null ? "unrecognised" : c.kind().json();
        List<ContainerRecord> records = c == null ? List.of() : c.records();
        long batches = 0;
        long pages = 0;
        long withData = 0;
        long payload = 0;
        long min = -1;
        long max = -1;
        for (ContainerRecord r : records) {
            PageRun p = r.pages();
            if (p == null) {
                continue;
            }
            batches += p.batches();
            pages += p.entries();
            withData += p.pagesWithData();
            payload += p.payloadBytes();
            if (p.minPfn() >= 0) {
                min = min < 0 ? p.minPfn() : Math.min(min, p.minPfn());
                max = Math.max(max, p.maxPfn());
            }
        }
        List<Object> v = new ArrayList<>();
        v.add(kind);
        v.add((long) records.size());
        v.add(recordTypes(records));
        v.add(batches);
        v.add(pages);
        v.add(withData);
        v.add(min < 0 ? null : min + "–" + max);
        v.add(payload);
        v.add(c == null || c.qevm() == null ? null : c.qevm().length());
        return v;
    }

    /** The records' types in file order, runs of one type collapsed: {@code signature, libxc-chunk ×3, …}. */
    private static String recordTypes(List<ContainerRecord> records) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < records.size()) {
            String type = records.get(i).type();
            int j = i;
            while (j < records.size() && records.get(j).type().equals(type)) {
                j++;
            }
            sb.append(sb.length() == 0 ? "" : ", ").append(type).append(j - i > 1 ? " ×" + (j - i) : "");
            i = j;
        }
        return sb.toString();
    }
}
