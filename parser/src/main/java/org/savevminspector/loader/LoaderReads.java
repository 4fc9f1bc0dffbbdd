package org.savevminspector.loader;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * The reads of one replay, held as segments: a run of reads that differ only in their section and, by one
 * stride, their offsets (a million PART sections, a hundred thousand timers: same device, version, length,
 * status and words, sections of one size one after the other) is one run object whose reads are made on demand;
 * any other read is kept as it was made.
 */
final class LoaderReads extends AbstractList<LoaderRead> implements RandomAccess {
    /**
     * Reads of consecutive sections {@code stride} bytes apart, each like {@code first} but for those: its section,
     * its offsets and those of the values it took, each a step further.
     */
    private record Run(LoaderRead first, long stride) {
        LoaderRead get(int n, long delta) {
            LoaderRead p = first;
            long shift = n * stride + delta;
            return new LoaderRead(p.section() + n, p.idstr(), p.instanceId(), p.version(), p.headerOffset() + shift,
                    p.bodyOffset() + shift, p.bytesRead(), p.status(), p.message(), shifted(p.values(), shift));
        }
    }

    /** Values taken {@code shift} bytes further on. */
    static List<LoaderRead.LoadedValue> shifted(List<LoaderRead.LoadedValue> values, long shift) {
        if (values.isEmpty() || shift == 0) {
            return values;
        }
        List<LoaderRead.LoadedValue> out = new ArrayList<>(values.size());
        for (LoaderRead.LoadedValue v : values) {
            out.add(new LoaderRead.LoadedValue(v.name(), v.offset() + shift, v.length(), v.value(), v.pastEnd()));
        }
        return out;
    }

    private final int[] segmentStart;
    private final Object[] segments;
    private final int segmentCount;
    private final int size;
    private final long delta;

    private LoaderReads(int[] segmentStart, Object[] segments, int segmentCount, int size, long delta) {
        this.segmentStart = segmentStart;
        this.segments = segments;
        this.segmentCount = segmentCount;
        this.size = size;
        this.delta = delta;
    }

    /** These reads {@code d} bytes further on. */
    LoaderReads moved(long d) {
        return new LoaderReads(segmentStart, segments, segmentCount, size, delta + d);
    }

    /** Plain reads {@code d} bytes further on. */
    static List<LoaderRead> moved(List<LoaderRead> reads, long d) {
        List<LoaderRead> out = new ArrayList<>(reads.size());
        for (LoaderRead r : reads) {
            out.add(move(r, d));
        }
        return out;
    }

    private static LoaderRead move(LoaderRead x, long d) {
        if (d == 0) {
            return x;
        }
        return new LoaderRead(x.section(), x.idstr(), x.instanceId(), x.version(), x.headerOffset() + d,
                x.bodyOffset() + d, x.bytesRead(), x.status(), x.message(), shifted(x.values(), d));
    }

    @Override
    public int size() {
        return size;
    }

    /** How many objects hold the reads: a run of a million alike is one (what the compact store is for). */
    int segmentCount() {
        return segmentCount;
    }

    @Override
    public LoaderRead get(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("read " + i + " of " + size);
        }
        int k = Arrays.binarySearch(segmentStart, 0, segmentCount, i);
        k = k >= 0 ? k : -k - 2;
        Object seg = segments[k];
        return seg instanceof Run run ? run.get(i - segmentStart[k], delta) : move((LoaderRead) seg, delta);
    }

    /**
     * The reads of {@code reads} one after the other without making them: what the findings and diagnostics
     * passes look at, a million times for a million sections, four profiles over.
     */
    static ReadCursor cursor(List<LoaderRead> reads) {
        return new ReadCursor(reads);
    }

    /** Walks reads in order; the accessors describe the current one (see {@link LoaderRead}). */
    static final class ReadCursor {
        private final List<LoaderRead> plain;
        private final LoaderReads compact;
        private int index = -1;
        private int segment;
        /** The current read, or the first of its run. */
        private LoaderRead base;
        /** What the current read adds to {@code base}'s section and offsets. */
        private int n;
        private long shift;

        private ReadCursor(List<LoaderRead> reads) {
            this.compact = reads instanceof LoaderReads r ? r : null;
            this.plain = compact == null ? reads : null;
        }

        boolean next() {
            index++;
            if (plain != null) {
                if (index >= plain.size()) {
                    return false;
                }
                base = plain.get(index);
                return true;
            }
            if (index >= compact.size) {
                return false;
            }
            while (segment + 1 < compact.segmentCount && compact.segmentStart[segment + 1] <= index) {
                segment++;
            }
            Object seg = compact.segments[segment];
            if (seg instanceof Run run) {
                base = run.first();
                n = index - compact.segmentStart[segment];
                shift = n * run.stride() + compact.delta;
            } else {
                base = move((LoaderRead) seg, compact.delta);
                n = 0;
                shift = 0;
            }
            return true;
        }

        /** Index of the current read in the list. */
        int index() {
            return index;
        }

        int section() {
            return base.section() < 0 ? base.section() : base.section() + n;
        }

        String idstr() {
            return base.idstr();
        }

        long instanceId() {
            return base.instanceId();
        }

        long version() {
            return base.version();
        }

        long headerOffset() {
            return base.headerOffset() + shift;
        }

        long bodyOffset() {
            return base.bodyOffset() + shift;
        }

        long bytesRead() {
            return base.bytesRead();
        }

        String status() {
            return base.status();
        }

        String message() {
            return base.message();
        }

        List<LoaderRead.LoadedValue> values() {
            return shifted(base.values(), shift);
        }

        /** The current read as a value. */
        LoaderRead read() {
            return n == 0 && shift == 0 ? base : new LoaderRead(section(), idstr(), instanceId(), version(),
                    headerOffset(), bodyOffset(), bytesRead(), status(), message(), values());
        }
    }

    /** Collects the reads of a replay in order. */
    static final class Builder {
        private int[] segmentStart = new int[16];
        private Object[] segments = new Object[16];
        private int segmentCount;
        private int size;

        void add(LoaderRead r) {
            if (segmentCount > 0 && extend(r)) {
                size++;
                return;
            }
            if (segmentCount == segments.length) {
                segmentStart = Arrays.copyOf(segmentStart, segmentCount * 2);
                segments = Arrays.copyOf(segments, segmentCount * 2);
            }
            segmentStart[segmentCount] = size;
            segments[segmentCount++] = r;
            size++;
        }

        /** Makes {@code r} the next read of the last segment when it is the next section, otherwise the same. */
        private boolean extend(LoaderRead r) {
            Object last = segments[segmentCount - 1];
            int n = size - segmentStart[segmentCount - 1];
            LoaderRead p;
            long stride;
            if (last instanceof Run run) {
                p = run.first();
                stride = run.stride();
            } else {
                p = (LoaderRead) last;
                stride = r.headerOffset() - p.headerOffset();
                if (p.section() < 0) {
                    return false;
                }
            }
            boolean next = r.section() == p.section() + n && r.headerOffset() == p.headerOffset() + n * stride
                    && r.bodyOffset() - r.headerOffset() == p.bodyOffset() - p.headerOffset()
                    && Objects.equals(r.idstr(), p.idstr()) && r.instanceId() == p.instanceId()
                    && r.version() == p.version() && r.bytesRead() == p.bytesRead()
                    && r.status().equals(p.status()) && Objects.equals(r.message(), p.message())
                    && sameValues(r.values(), p.values(), n * stride);
            if (next && last instanceof LoaderRead) {
                segments[segmentCount - 1] = new Run(p, stride);
            }
            return next;
        }

        /** Whether {@code values} are {@code first}'s taken {@code shift} bytes further on. */
        private static boolean sameValues(List<LoaderRead.LoadedValue> values, List<LoaderRead.LoadedValue> first,
                                          long shift) {
            if (values.size() != first.size()) {
                return false;
            }
            for (int i = 0; i < values.size(); i++) {
                LoaderRead.LoadedValue v = values.get(i);
                LoaderRead.LoadedValue f = first.get(i);
                if (v.offset() != f.offset() + shift || v.length() != f.length() || v.value() != f.value()
                        || v.pastEnd() != f.pastEnd() || !v.name().equals(f.name())) {
                    return false;
                }
            }
            return true;
        }

        LoaderReads build() {
            return new LoaderReads(Arrays.copyOf(segmentStart, segmentCount), Arrays.copyOf(segments, segmentCount),
                    segmentCount, size, 0);
        }
    }
}
