package org.savevminspector.diff;

import java.util.List;
import org.savevminspector.model.Hex;

/**
 * Two byte runs compared by content (undecoded bodies, large arrays, trailing bytes): how many bytes differ and
 * where the first differing ranges are. A byte present on one side only counts as differing; bytes an ignore rule
 * masks (the RTC's clock registers) never do.
 *
 * @param lengthA        bytes on the first side
 * @param lengthB        bytes on the second side
 * @param differingBytes bytes that differ in {@code [0, max(lengthA, lengthB))}
 * @param rangeCount     how many maximal differing ranges there are
 * @param ranges         the first {@value #MAX_RANGES} of them, offsets relative to the start of both runs
 */
public record ContentDiff(long lengthA, long lengthB, long differingBytes, long rangeCount, List<Range> ranges) {
    /** Ranges kept per comparison: enough to see the pattern, bounded for a 4 MiB VRAM dump. */
    public static final int MAX_RANGES = 8;

    public ContentDiff {
        ranges = List.copyOf(ranges);
    }

    /** A run of differing bytes, {@code offset} counted from the start of the compared run on both sides. */
    public record Range(long offset, long length) {
    }

    public boolean equal() {
        return differingBytes == 0;
    }

    /**
     * For people: {@code equal}, or {@code 3 of 128 bytes differ: +0x0 (1), +0x2 (1), +0x4 (1)}, with the lengths
     * first when they differ and {@code … and N more ranges} beyond the first ones.
     */
    public String describe() {
        if (equal()) {
            return lengthA == lengthB ? "equal" : "equal where not masked";
        }
        StringBuilder sb = new StringBuilder();
        if (lengthA != lengthB) {
            sb.append("lengths ").append(lengthA).append(" and ").append(lengthB).append(" bytes; ");
        }
        sb.append(differingBytes).append(" of ").append(Math.max(lengthA, lengthB)).append(" bytes differ: ");
        for (int i = 0; i < ranges.size(); i++) {
            Range r = ranges.get(i);
            sb.append(i == 0 ? "" : ", ").append('+').append(Hex.plain(r.offset())).append(" (").append(r.length())
                    .append(')');
        }
        if (rangeCount > ranges.size()) {
            sb.append(" and ").append(rangeCount - ranges.size()).append(" more range")
                    .append(rangeCount - ranges.size() == 1 ? "" : "s");
        }
        return sb.toString();
    }
}
