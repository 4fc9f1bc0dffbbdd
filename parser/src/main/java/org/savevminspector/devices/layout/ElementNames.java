package org.savevminspector.devices.layout;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The names {@code name[0]}, {@code name[1]}… of repeated elements. Every decoded body of a device repeats the
 * same names, so the first {@value #SHARED} of each array are built once and shared by all decoded fields
 * (strings are immutable, the map is concurrent): a long stream then holds one copy instead of one per section.
 * The keys are array names from the layouts, a fixed set.
 */
final class ElementNames {
    /** Indices below this are shared; longer arrays (raw tables of thousands of entries) build the rest. */
    static final int SHARED = 64;

    private static final ConcurrentMap<String, String[]> NAMES = new ConcurrentHashMap<>();

    private ElementNames() {
    }

    static String of(String name, long index) {
        if (index >= SHARED) {
            return name + "[" + index + "]";
        }
        return NAMES.computeIfAbsent(name, ElementNames::first)[(int) index];
    }

    private static String[] first(String name) {
        String[] names = new String[SHARED];
        for (int i = 0; i < SHARED; i++) {
            names[i] = name + "[" + i + "]";
        }
        return names;
    }
}
