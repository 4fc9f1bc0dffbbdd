package org.savevminspector.diff;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import org.savevminspector.model.Section;

/**
 * The section pairs of a comparison as numbers: the index of each side's section (-1: none) and the status, 9 bytes
 * a pair. A comparison of two streams of a million sections would otherwise hold two million sections and a
 * million pairs; a pair with nothing to show field by field is made when it is read (an equal one each time), its
 * sections from the inspections' lists. A pair with differing fields is kept as it was made: its fields are those
 * of its sections' decoded lists, where a viewer finds them again.
 */
final class SectionPairList extends AbstractList<SectionPair> implements RandomAccess {
    private static final DiffStatus[] STATUSES = DiffStatus.values();

    private final List<Section> as;
    private final List<Section> bs;
    private final int size;
    private final int[] a;
    private final int[] b;
    private final byte[] status;
    private final Map<Integer, SectionPair> kept;
    private final int[] counts = new int[STATUSES.length];

    private SectionPairList(Builder builder) {
        this.as = builder.as;
        this.bs = builder.bs;
        this.size = builder.size;
        this.a = Arrays.copyOf(builder.a, size);
        this.b = Arrays.copyOf(builder.b, size);
        this.status = Arrays.copyOf(builder.status, size);
        this.kept = Map.copyOf(builder.kept);
        for (int i = 0; i < size; i++) {
            counts[status[i]]++;
        }
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public SectionPair get(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("pair " + i + " of " + size);
        }
        SectionPair p = kept.get(i);
        return p != null ? p : made(i, a[i] < 0 ? null : as.get(a[i]), b[i] < 0 ? null : bs.get(b[i]));
    }

    /** Pair {@code i}, which has no fields to show, made of its sections. */
    private SectionPair made(int i, Section sa, Section sb) {
        return new SectionPair(sa, sb, STATUSES[status[i]], List.of());
    }

    /** How many pairs have {@code s}, without making them. */
    int count(DiffStatus s) {
        return counts[s.ordinal()];
    }

    /** Collects the pairs in order. */
    static final class Builder {
        private final List<Section> as;
        private final List<Section> bs;
        private int size;
        private int[] a = new int[16];
        private int[] b = new int[16];
        private byte[] status = new byte[16];
        private final Map<Integer, SectionPair> kept = new HashMap<>();

        /** @param as the first file's sections, {@code bs} the second's: those the indexes refer to */
        Builder(List<Section> as, List<Section> bs) {
            this.as = as;
            this.bs = bs;
        }

        /** Adds the pair of {@code as[ia]} and {@code bs[ib]} (-1: none) as {@code pair} compared them. */
        void add(int ia, int ib, SectionPair pair) {
            if (size == a.length) {
                int n = size * 2;
                a = Arrays.copyOf(a, n);
                b = Arrays.copyOf(b, n);
                status = Arrays.copyOf(status, n);
            }
            a[size] = ia;
            b[size] = ib;
            status[size] = (byte) pair.status().ordinal();
            if (!pair.fields().isEmpty()) {
                kept.put(size, pair);
            }
            size++;
        }

        SectionPairList build() {
            return new SectionPairList(this);
        }
    }
}
