package org.savevminspector.diff;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Pairs two sequences by key in linear time — the k-th occurrence of a key in the first sequence with the k-th in
 * the second — and merges them into one order: the first sequence's, an element only in the second placed before
 * the next element it precedes there.
 */
final class OrderedPairing {

    /** Indices of a pair in the merged order; -1 on the side that has no element. */
    record Match(int a, int b) {
    }

    private final int[] partnerOfA;
    private final boolean[] pairedB;

    private OrderedPairing(int sizeA, int sizeB) {
        partnerOfA = new int[sizeA];
        Arrays.fill(partnerOfA, -1);
        pairedB = new boolean[sizeB];
    }

    /** Pairs equal keys in order of appearance. */
    static <K> OrderedPairing byKey(int sizeA, IntFunction<K> keyA, int sizeB, IntFunction<K> keyB) {
        OrderedPairing p = new OrderedPairing(sizeA, sizeB);
        Map<K, ArrayDeque<Integer>> waiting = new HashMap<>();
        for (int j = 0; j < sizeB; j++) {
            waiting.computeIfAbsent(keyB.apply(j), k -> new ArrayDeque<>()).add(j);
        }
        for (int i = 0; i < sizeA; i++) {
            ArrayDeque<Integer> q = waiting.get(keyA.apply(i));
            if (q != null && !q.isEmpty()) {
                p.pair(i, q.poll());
            }
        }
        return p;
    }

    boolean pairedA(int i) {
        return partnerOfA[i] >= 0;
    }

    boolean pairedB(int j) {
        return pairedB[j];
    }

    void pair(int i, int j) {
        partnerOfA[i] = j;
        pairedB[j] = true;
    }

    /** Every element once, in the merged order. */
    List<Match> merged() {
        List<Match> out = new ArrayList<>(partnerOfA.length + pairedB.length);
        int next = 0;
        for (int i = 0; i < partnerOfA.length; i++) {
            int j = partnerOfA[i];
            for (; next < j; next++) {
                if (!pairedB[next]) {
                    out.add(new Match(-1, next));
                }
            }
            next = Math.max(next, j + 1);
            out.add(new Match(i, j));
        }
        for (; next < pairedB.length; next++) {
            if (!pairedB[next]) {
                out.add(new Match(-1, next));
            }
        }
        return out;
    }
}
