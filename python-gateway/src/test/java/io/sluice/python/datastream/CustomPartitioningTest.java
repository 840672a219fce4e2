package io.sluice.python.datastream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sluice.api.java.tuple.Tuple2;
import io.sluice.runtime.state.keyed.KeyGroupAssignment;
import org.junit.jupiter.api.Test;

class CustomPartitioningTest {
    @Test
    void eachIndexGetsAKeyItsInstanceOwns() {
        for (int parallelism : new int[] {1, 2, 3, 7, 128}) {
            int[] keys = CustomPartitioning.representativeKeys(parallelism, 128);
            for (int i = 0; i < parallelism; i++) {
                int owner = KeyGroupAssignment.operatorIndexForKeyGroup(
                        KeyGroupAssignment.keyGroupFor(Integer.hashCode(keys[i]), 128), 128, parallelism);
                assertEquals(i, owner, "index " + i + " of " + parallelism);
            }
        }
    }

    @Test
    void anIndexOutOfRangeIsAnError() {
        CustomPartitioning.IndexKey key = new CustomPartitioning.IndexKey(2, 128);
        assertEquals(CustomPartitioning.representativeKeys(2, 128)[1], key.getKey(Tuple2.of(1, "x")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> key.getKey(Tuple2.of(2, "x")));
        assertEquals("The partitioner returned 2 for 2 partitions.", e.getMessage());
    }
}
