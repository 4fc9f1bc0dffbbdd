package org.savevminspector.diagnostics;

/** A stable sort of indices by a comparison of the rows they stand for: no boxing, no row objects. */
final class IndexSort {
    /** Compares rows {@code a} and {@code b}. */
    @FunctionalInterface
    interface RowComparator {
        int compare(int a, int b);
    }

    private IndexSort() {
    }

    /**
     * The rows {@code 0..n-1} in ascending order, equal rows in their original order; {@code null} when they are
     * in order already (the usual case: findings are mostly made in offset order).
     */
    static int[] stable(int n, RowComparator cmp) {
        boolean sorted = true;
        for (int i = 1; i < n && sorted; i++) {
            sorted = cmp.compare(i - 1, i) <= 0;
        }
        if (sorted) {
            return null;
        }
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        int[] b = new int[n];
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(lo + width, n);
                int hi = Math.min(lo + 2 * width, n);
                int i = lo;
                int j = mid;
                int k = lo;
                while (i < mid && j < hi) {
                    b[k++] = cmp.compare(a[j], a[i]) < 0 ? a[j++] : a[i++];
                }
                while (i < mid) {
                    b[k++] = a[i++];
                }
                while (j < hi) {
                    b[k++] = a[j++];
                }
            }
            int[] t = a;
            a = b;
            b = t;
        }
        return a;
    }
}
