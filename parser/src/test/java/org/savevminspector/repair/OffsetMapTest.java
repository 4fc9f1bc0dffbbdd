package org.savevminspector.repair;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The binary search of {@link OffsetMap} against the walk over every edit it replaces. */
class OffsetMapTest {
    /** The walk: each edit moves what follows it; an offset inside an edit's new bytes maps to its start. */
    private static long walk(List<ByteEdit> sortedEdits, long repaired) {
        long shift = 0;
        for (ByteEdit e : sortedEdits) {
            long start = e.offset() + shift;
            if (repaired < start) {
                break;
            }
            if (repaired < start + e.after().length) {
                return e.offset();
            }
            shift += e.delta();
        }
        return repaired - shift;
    }

    @Test
    void mapsEveryOffsetAsTheWalkDoes() {
        Random r = new Random(21);
        for (int round = 0; round < 300; round++) {
            List<ByteEdit> edits = new ArrayList<>();
            long at = r.nextInt(3);
            for (int k = 0; k < r.nextInt(12); k++) {
                // relabels, insertions and removals, sometimes right next to one another
                byte[] before = new byte[r.nextInt(3) == 0 ? 0 : r.nextInt(5)];
                byte[] after = new byte[r.nextInt(3) == 0 ? 0 : r.nextInt(5)];
                edits.add(new ByteEdit(at, before, after, "edit " + k));
                at += before.length + r.nextInt(4);
            }
            OffsetMap map = new OffsetMap(edits);
            for (long off = 0; off < at + 20; off++) {
                assertEquals(walk(edits, off), map.originalOffset(off), "offset " + off + " of " + edits);
            }
        }
    }
}
