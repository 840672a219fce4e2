package io.sluice.runtime.state.keyed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The heap state's hash table against a {@link HashMap}: insertions, updates, removals and its primitive modes. */
class StateTableTest {

    /**
     * Random puts and removes of Long keys and values; later String values turn the values into objects, then
     * Long.MIN_VALUE or String keys the keys.
     */
    @ParameterizedTest
    @ValueSource(ints = {42, 7, 2026})
    void behavesLikeAHashMapThroughEveryMode(int seed) {
        Random random = new Random(seed);
        StateTable<Object, Object> table = new StateTable<>();
        Map<Object, Object> expected = new HashMap<>();
        for (int step = 0; step < 60_000; step++) {
            Object key = (random.nextInt(3_000) - 1_500) * 1_000_003L;
            if (seed == 42 && step > 35_000 && random.nextInt(1_000) == 0) {
                key = Long.MIN_VALUE; // the key that marks free slots: keys become objects
            }
            if (step > 45_000 && random.nextInt(10) == 0) {
                key = "k" + random.nextInt(500); // a non-Long key: keys become objects
            }
            if (random.nextInt(4) == 0) {
                table.remove(key);
                expected.remove(key);
            } else {
                Object value = step > 20_000 && random.nextInt(5) == 0 ? "v" + step : (Object) (long) step;
                int slot = table.put(key, value);
                assertEquals(value, table.valueAt(slot));
                expected.put(key, value);
            }
            if (step % 5_000 == 0) {
                assertSame(expected, table);
            }
        }
        assertSame(expected, table);
        for (Object key : expected.keySet().toArray()) {
            table.remove(key);
        }
        assertEquals(0, table.size());
        assertEquals(-1, table.find(7L));
    }

    @Test
    void updatesThroughAKeptSlot() {
        StateTable<Long, Object> table = new StateTable<>();
        int slot = table.put(5L, 1L);
        table.setValueAt(slot, 2L);
        assertEquals(2L, table.valueAt(table.find(5L)));
        table.setValueAt(slot, "two"); // the values become objects; the slot stays
        assertEquals("two", table.valueAt(slot));
        assertNull(table.find(6L) < 0 ? null : "found");
    }

    private static void assertSame(Map<Object, Object> expected, StateTable<Object, Object> table) {
        assertEquals(expected.size(), table.size());
        Map<Object, Object> actual = new HashMap<>();
        for (int slot = 0; slot < table.capacity(); slot++) {
            if (table.used(slot)) {
                actual.put(table.keyAt(slot), table.valueAt(slot));
            }
        }
        assertEquals(expected, actual);
        for (Map.Entry<Object, Object> e : expected.entrySet()) {
            assertEquals(e.getValue(), table.valueAt(table.find(e.getKey())));
        }
    }
}
