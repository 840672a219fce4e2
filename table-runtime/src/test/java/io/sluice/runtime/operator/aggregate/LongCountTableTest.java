package io.sluice.runtime.operator.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The primitive DISTINCT table against a HashMap under random inserts, counts and removals (backward shifts), and
 * the key 0 (which marks empty slots, so it is kept in a slot of its own).
 */
class LongCountTableTest {

    @Test
    void agreesWithAHashMapUnderRandomInsertsAndRemovals() {
        Random random = new Random(42);
        LongCountTable table = new LongCountTable(2);
        Map<Long, long[]> expected = new HashMap<>();
        for (int step = 0; step < 200_000; step++) {
            // few distinct keys, many colliding probe runs (keys that differ in high bits only)
            long key = (random.nextInt(300) << 40) | random.nextInt(3);
            int variant = random.nextInt(2);
            if (random.nextInt(3) > 0) {
                int s = table.findOrInsert(key);
                table.entries()[table.countIndex(s) + variant]++;
                expected.computeIfAbsent(key, k -> new long[2])[variant]++;
            } else {
                int s = table.find(key);
                long[] e = expected.get(key);
                assertEquals(e == null, s < 0, "key " + key);
                if (s >= 0 && table.entries()[table.countIndex(s) + variant] > 0) {
                    table.entries()[table.countIndex(s) + variant]--;
                    e[variant]--;
                    if (table.allZero(s)) {
                        table.remove(s);
                        expected.remove(key);
                    }
                }
            }
        }
        assertEquals(expected.size(), table.size());
        for (Map.Entry<Long, long[]> e : expected.entrySet()) {
            int s = table.find(e.getKey());
            assertTrue(s >= 0);
            assertEquals(e.getValue()[0], table.entries()[table.countIndex(s)]);
            assertEquals(e.getValue()[1], table.entries()[table.countIndex(s) + 1]);
            assertEquals(e.getKey(), table.key(s));
        }
    }

    @Test
    void keepsTheKeyZeroApartFromTheEmptySlots() {
        LongCountTable table = new LongCountTable(1);
        assertEquals(-1, table.find(0));
        int zero = table.findOrInsert(0);
        table.entries()[table.countIndex(zero)] = 7;
        for (long k = -50; k <= 50; k++) { // grows the table several times with the key 0 in it
            if (k != 0) {
                int s = table.findOrInsert(k); // may grow: read entries() after it
                table.entries()[table.countIndex(s)] = k;
            }
        }
        assertEquals(101, table.size());
        zero = table.find(0);
        assertTrue(zero >= 0 && table.used(zero));
        assertEquals(0, table.key(zero));
        assertEquals(7, table.entries()[table.countIndex(zero)]);
        int used = 0;
        for (int s = 0; s < table.capacity(); s++) {
            used += table.used(s) ? 1 : 0;
        }
        assertEquals(101, used);
        table.entries()[table.countIndex(zero)] = 0;
        assertTrue(table.allZero(zero));
        table.remove(zero);
        assertEquals(-1, table.find(0));
        assertEquals(100, table.size());
        for (long k = -50; k <= 50; k++) {
            if (k != 0) {
                assertEquals(k, table.entries()[table.countIndex(table.find(k))]);
            }
        }
    }
}
