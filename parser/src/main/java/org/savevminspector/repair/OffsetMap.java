package org.savevminspector.repair;

import java.util.List;

/**
 * Offsets of repaired bytes mapped back to the input, for a list of edits sorted by offset: a binary search per
 * offset, not a walk over every edit (a repair of a million copies has a million edits and finds as many
 * diagnostics in its result). An offset inside an edit maps to the edit's start.
 */
final class OffsetMap {
    /** Per edit: where its new bytes start in the result, how many there are, where it was, the shift after it. */
    private final long[] start;
    private final long[] length;
    private final long[] original;
    private final long[] shiftAfter;

    OffsetMap(List<ByteEdit> sortedEdits) {
        int n = sortedEdits.size();
        start = new long[n];
        length = new long[n];
        original = new long[n];
        shiftAfter = new long[n];
        long shift = 0;
        for (int k = 0; k < n; k++) {
            ByteEdit e = sortedEdits.get(k);
            start[k] = e.offset() + shift;
            length[k] = e.after().length;
            original[k] = e.offset();
            shift += e.delta();
            shiftAfter[k] = shift;
        }
    }

    long originalOffset(long repaired) {
        // the last edit starting at or before the offset: every earlier one ends before it (edits do not overlap)
        int lo = 0;
        int hi = start.length - 1;
        int k = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (start[mid] <= repaired) {
                k = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        if (k < 0) {
            return repaired;
        }
        return repaired < start[k] + length[k] ? original[k] : repaired - shiftAfter[k];
    }
}
