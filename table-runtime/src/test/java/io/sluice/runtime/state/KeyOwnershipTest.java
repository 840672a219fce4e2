package io.sluice.runtime.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.state.keyed.KeyGroupAssignment;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import java.nio.charset.StandardCharsets;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.junit.jupiter.api.Test;

/** Each key is owned by exactly one instance, the one the exchange routes its rows to. */
class KeyOwnershipTest {

    @Test
    void everyKeyHasExactlyOneOwnerAndItIsTheHashExchangeTarget() {
        try (BufferAllocator allocator = new RootAllocator();
                RowBatch batch = RowBatch.allocate(RowType.of(new String[] {"a", "k", "s"}, new LogicalType[] {
                        LogicalType.integer(), LogicalType.bigint(), LogicalType.varchar(20)}), allocator, 500)) {
            BigIntVector k = (BigIntVector) batch.vector(1);
            VarCharVector s = (VarCharVector) batch.vector(2);
            for (int r = 0; r < 500; r++) {
                k.setSafe(r, r * 7919L);
                if (r % 10 == 0) {
                    s.setNull(r);
                } else {
                    s.setSafe(r, ("key-" + r).getBytes(StandardCharsets.UTF_8));
                }
            }
            batch.setRowCount(500);
            int[][] keys = {{1, 2}};
            for (int p = 1; p <= 5; p++) {
                for (int r = 0; r < 500; r++) {
                    int owners = 0;
                    int target = KeyOwnership.hashTarget(
                            KeyOwnership.keyHash(new FieldVector[] {k, s}, r), p);
                    for (int i = 0; i < p; i++) {
                        if (KeyOwnership.hash(i, p, keys).owns(batch, keys[0], r)) {
                            owners++;
                            assertEquals(target, i, "row " + r + " at parallelism " + p);
                        }
                    }
                    assertEquals(1, owners, "row " + r + " at parallelism " + p);
                }
            }
            // a batch holding only the key columns, in another order, is matched through the column mapping
            boolean[] owned = KeyOwnership.hash(1, 3, keys).ownedRows(batch, new int[] {0, 1, 2}, 0);
            for (int r = 0; r < 500; r++) {
                assertEquals(KeyOwnership.hash(1, 3, keys).owns(batch, keys[0], r), owned[r]);
            }
        }
    }

    @Test
    void keyGroupOwnershipFollowsTheKeyGroupRanges() {
        try (BufferAllocator allocator = new RootAllocator();
                RowBatch batch = RowBatch.allocate(RowType.of(new String[] {"h"},
                        new LogicalType[] {LogicalType.integer()}), allocator, 1000)) {
            IntVector h = (IntVector) batch.vector(0);
            for (int r = 0; r < 1000; r++) {
                h.setSafe(r, r * 31 - 5000);
            }
            batch.setRowCount(1000);
            int[][] keys = {{0}};
            for (int p = 1; p <= 4; p++) {
                for (int r = 0; r < 1000; r++) {
                    int group = KeyGroupAssignment.keyGroupFor(h.get(r), 128);
                    for (int i = 0; i < p; i++) {
                        boolean inRange = KeyGroupAssignment.rangeForOperator(128, p, i).contains(group);
                        assertEquals(inRange, KeyOwnership.keyGroups(i, p, 128, keys).owns(batch, keys[0], r));
                    }
                }
            }
            assertTrue(KeyOwnership.all(keys).owns(batch, keys[0], 0));
        }
    }
}
