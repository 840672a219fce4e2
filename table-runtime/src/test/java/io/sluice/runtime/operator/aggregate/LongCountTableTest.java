package io.sluice.runtime.operator.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The primitive DISTINCT table against a HashMap under random inserts, counts and removals (backward shifts). */
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
}
