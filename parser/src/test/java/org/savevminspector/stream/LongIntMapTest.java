package org.savevminspector.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LongIntMapTest {
    @Test
    void answersAsAMapDoesForKeysInAnyOrder() {
        Random r = new Random(5);
        for (int round = 0; round < 20; round++) {
            LongIntMap m = new LongIntMap();
            Map<Long, Integer> oracle = new HashMap<>();
            long next = 0;
            for (int i = 0; i < 5_000; i++) {
                // mostly increasing ids, as qemu-dm writes them; sometimes one seen before, or any at all
                long key = switch (r.nextInt(4)) {
                    case 0 -> r.nextInt(100);
                    case 1 -> r.nextLong() & 0xFFFFFFFFL;
                    default -> next += 1 + r.nextInt(3);
                };
                int value = r.nextInt(1000);
                m.put(key, value);
                oracle.put(key, value);
                long probe = r.nextInt(20_000);
                assertEquals(oracle.getOrDefault(probe, -1), m.get(probe));
                assertEquals(value, m.get(key));
            }
            for (Map.Entry<Long, Integer> e : oracle.entrySet()) {
                assertEquals(e.getValue(), m.get(e.getKey()));
            }
        }
    }

    @Test
    void aMillionIncreasingKeys() {
        LongIntMap m = new LongIntMap();
        for (int i = 1; i <= 1_000_000; i++) {
            m.put(i, i % 7);
        }
        assertEquals(3, m.get(10));
        assertEquals(1_000_000 % 7, m.get(1_000_000));
        assertEquals(-1, m.get(0));
        assertEquals(-1, m.get(1_000_001));
    }
}
