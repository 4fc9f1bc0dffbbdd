package org.savevminspector.stream;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A map from {@code long} to non-negative {@code int} for maps with one entry per section (live sections by
 * id): keys that arrive in increasing order — section ids as qemu-dm writes them — go to two sorted arrays (12
 * bytes an entry, appended in order, found by binary search), any other key to a hash map. The last key found
 * is asked for again first: PART sections continue the START before them.
 */
public final class LongIntMap {
    private long[] keys = new long[16];
    private int[] values = new int[16];
    private int size;
    private final Map<Long, Integer> others = new HashMap<>();
    private long lastKey;
    private int lastIndex = -1;

    /** The value of {@code key}, or -1. */
    public int get(long key) {
        if (lastIndex >= 0 && lastKey == key) {
            return values[lastIndex];
        }
        int i = Arrays.binarySearch(keys, 0, size, key);
        if (i >= 0) {
            lastKey = key;
            lastIndex = i;
            return values[i];
        }
        Integer v = others.get(key);
        return v == null ? -1 : v;
    }

    /** Sets {@code key} to {@code value} (at least 0), replacing what it had. */
    public void put(long key, int value) {
        if (value < 0) {
            throw new IllegalArgumentException("negative value " + value);
        }
        // a key above the last sorted one was never put before: every key of the hash map is below that one
        if (size == 0 || key > keys[size - 1]) {
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            keys[size] = key;
            values[size++] = value;
            return;
        }
        int i = Arrays.binarySearch(keys, 0, size, key);
        if (i >= 0) {
            values[i] = value;
        } else {
            others.put(key, value);
        }
    }
}
