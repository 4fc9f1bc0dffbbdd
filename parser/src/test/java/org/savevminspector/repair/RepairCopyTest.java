package org.savevminspector.repair;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.savevminspector.io.ByteSource;

/**
 * The repaired bytes are read from the input piece by piece ({@link Repairer#apply(ByteSource, List)}): an input
 * that ends before the size it claimed (a file cut while it is repaired) stops the copy with the offset where it
 * ended, never loops and never fills the rest with stale bytes.
 */
class RepairCopyTest {

    /** {@code data} that says it has {@code claimed} bytes but ends after {@code data.length}. */
    private static ByteSource cutShort(byte[] data, long claimed) {
        ByteSource real = ByteSource.of(data);
        return new ByteSource() {
            @Override
            public long size() {
                return claimed;
            }

            @Override
            public int read(long pos, byte[] dst, int off, int len) {
                return real.read(pos, dst, off, len);
            }
        };
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 7 + 1);
        }
        return b;
    }

    @Test
    void anInputThatEndsEarlyStopsTheCopyWhereItEnded() {
        // the run after the edit starts further in than the bytes it still gets: a second read anywhere before
        // the end would find bytes to copy
        byte[] data = bytes(100);
        ByteEdit edit = new ByteEdit(60, new byte[] {data[60], data[61]}, new byte[] {9, 9, 9}, "test");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Repairer.apply(cutShort(data, 160), List.of(edit)));
        assertEquals("the input ended at offset 100 while copying", e.getMessage());
    }

    @Test
    void anInputThatEndsInsideTheFirstRunStopsThere() {
        byte[] data = bytes(8);
        ByteEdit edit = new ByteEdit(40, new byte[] {0}, new byte[] {1}, "test");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Repairer.apply(cutShort(data, 64), List.of(edit)));
        assertEquals("the input ended at offset 8 while copying", e.getMessage());
    }

    @Test
    void aWholeInputIsCopiedAroundTheEdits() {
        byte[] data = bytes(100);
        ByteEdit edit = new ByteEdit(10, new byte[] {data[10], data[11]}, new byte[] {9, 9, 9}, "test");
        byte[] out = Repairer.apply(ByteSource.of(data), List.of(edit));
        byte[] expected = new byte[101];
        System.arraycopy(data, 0, expected, 0, 10);
        expected[10] = 9;
        expected[11] = 9;
        expected[12] = 9;
        System.arraycopy(data, 12, expected, 13, 88);
        assertArrayEquals(expected, out);
    }
}
