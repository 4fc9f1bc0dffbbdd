package org.savevminspector.devices.layout;

import java.util.List;
import org.savevminspector.model.Field;

/**
 * What every holder of a list of elements does with it — {@link Group}, {@link Seq}, {@link When} and the
 * {@link Layout} itself: one walk over the list, one sum of sizes, one question about expected values.
 */
final class Elements {
    private Elements() {
    }

    /** The total size when every element has a fixed size, else -1. */
    static long fixedSize(List<Element> elements) {
        long total = 0;
        for (Element e : elements) {
            long s = e.fixedSize();
            if (s < 0) {
                return -1;
            }
            total += s;
        }
        return total;
    }

    /**
     * Moves over the elements. A run of known size is jumped over in one step, unless the cursor checks
     * expected values, which means reading them.
     *
     * @param fixedSize the run's size from {@link #fixedSize}, or -1 to walk it element by element (callers pass -1
     *                  for runs that {@linkplain Element#keepsValues() keep values})
     */
    static void skip(List<Element> elements, long fixedSize, Cursor c) {
        if (fixedSize >= 0 && !c.checking()) {
            c.advance(fixedSize);
            return;
        }
        for (Element e : elements) {
            e.skip(c);
        }
    }

    static void decode(List<Element> elements, Cursor c, List<Field> out) {
        for (Element e : elements) {
            e.decode(c, out);
        }
    }

    static boolean keepsValues(List<Element> elements) {
        for (Element e : elements) {
            if (e.keepsValues()) {
                return true;
            }
        }
        return false;
    }

    static int maxFields(List<Element> elements) {
        int n = 0;
        for (Element e : elements) {
            n += e.maxFields();
        }
        return n;
    }

    static boolean hasExpectations(List<Element> elements) {
        for (Element e : elements) {
            if (e.hasExpectations()) {
                return true;
            }
        }
        return false;
    }
}
