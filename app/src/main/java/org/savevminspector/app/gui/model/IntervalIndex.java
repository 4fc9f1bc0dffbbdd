package org.savevminspector.app.gui.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * Highlights sorted by start with a running maximum of their ends, so that the few that overlap a viewport are
 * found in O(log n + k) however many there are (a multi-GB image can carry many diagnostics).
 */
public final class IntervalIndex {
    private final List<Highlight> items;
    private final long[] starts;
    private final long[] maxEnd;

    public IntervalIndex(List<Highlight> highlights) {
        List<Highlight> sorted = new ArrayList<>(highlights);
        sorted.sort(Comparator.comparingLong(Highlight::start));
        items = List.copyOf(sorted);
        starts = new long[items.size()];
        maxEnd = new long[items.size()];
        long m = Long.MIN_VALUE;
        for (int i = 0; i < items.size(); i++) {
            starts[i] = items.get(i).start();
            m = Math.max(m, Math.max(items.get(i).end(), items.get(i).start() + 1));
            maxEnd[i] = m;
        }
    }

    public static IntervalIndex empty() {
        return new IntervalIndex(List.of());
    }

    public List<Highlight> all() {
        return items;
    }

    /** Highlights overlapping {@code [from, to)}, in start order. */
    public List<Highlight> overlapping(long from, long to) {
        // last index whose start < to
        int lo = 0;
        int hi = starts.length - 1;
        int last = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (starts[mid] < to) {
                last = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        List<Highlight> out = new ArrayList<>();
        for (int i = last; i >= 0 && maxEnd[i] > from; i--) {
            if (items.get(i).overlaps(from, to)) {
                out.add(items.get(i));
            }
        }
        Collections.reverse(out);
        return out;
    }
}
