package org.savevminspector.image;

import java.util.ArrayList;
import java.util.List;
import org.savevminspector.io.ByteSource;
import org.savevminspector.model.Span;

/**
 * The repaired image as a {@link ByteSource}, without writing it anywhere: the plan's segments over the input.
 * What a writer of a changed copy of a virtual disk compares the input with, block by block.
 */
public final class RepairedImageSource implements ByteSource {
    private final ByteSource src;
    private final List<ImageRepairPlan.Segment> segments;
    private final long[] starts;
    private final long size;

    public RepairedImageSource(ByteSource src, ImageRepairPlan plan) {
        this.src = src;
        this.segments = plan.segments();
        this.starts = new long[segments.size()];
        long pos = 0;
        for (int i = 0; i < segments.size(); i++) {
            starts[i] = pos;
            pos += segments.get(i).length();
        }
        this.size = pos;
    }

    @Override
    public long size() {
        return size;
    }

    /**
     * The ranges of the repaired image whose bytes may differ from the input's at the same offset: everything
     * but the runs copied from where they were.
     */
    public List<Span> changed() {
        List<Span> out = new ArrayList<>();
        for (int i = 0; i < segments.size(); i++) {
            ImageRepairPlan.Segment s = segments.get(i);
            if (s.length() > 0 && s.from() != starts[i]) {
                out.add(new Span(starts[i], s.length()));
            }
        }
        return out;
    }

    @Override
    public int read(long pos, byte[] dst, int off, int len) {
        if (pos < 0 || pos >= size || len <= 0) {
            return 0;
        }
        // a read across the end stops with the last segment
        int done = 0;
        int i = segmentAt(pos);
        while (done < len && i < segments.size()) {
            ImageRepairPlan.Segment s = segments.get(i);
            long in = pos + done - starts[i];
            int n = (int) Math.min(len - done, s.length() - in);
            if (n > 0) {
                if (s.from() < 0) {
                    System.arraycopy(s.bytes(), (int) in, dst, off + done, n);
                } else {
                    int k = src.read(s.from() + in, dst, off + done, n);
                    if (k < n) {
                        return done + Math.max(k, 0);
                    }
                }
                done += n;
            }
            i++;
        }
        return done;
    }

    private int segmentAt(long pos) {
        int lo = 0;
        int hi = starts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (starts[mid] <= pos) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }
}
