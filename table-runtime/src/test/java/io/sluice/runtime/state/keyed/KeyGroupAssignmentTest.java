package io.sluice.runtime.state.keyed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class KeyGroupAssignmentTest {
    @Test
    void rangesCoverEveryGroupOnceAndMatchTheOwner() {
        for (int max : new int[] {1, 7, 128, 1000}) {
            for (int p = 1; p <= Math.min(max, 9); p++) {
                int next = 0;
                for (int i = 0; i < p; i++) {
                    KeyGroupRange r = KeyGroupAssignment.rangeForOperator(max, p, i);
                    assertEquals(next, r.startKeyGroup(), "max " + max + " p " + p + " i " + i);
                    for (int kg = r.startKeyGroup(); kg <= r.endKeyGroup(); kg++) {
                        assertEquals(i, KeyGroupAssignment.operatorIndexForKeyGroup(kg, max, p));
                    }
                    next = r.endKeyGroup() + 1;
                }
                assertEquals(max, next);
            }
        }
    }

    @Test
    void parallelismAboveMaxParallelismIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KeyGroupAssignment.rangeForOperator(4, 5, 0));
        assertEquals("The parallelism (5) must be between 1 and pipeline.max-parallelism (4)", e.getMessage());
    }
}
