package io.sluice.runtime.operator.join;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The join's gather of variable-width values (sized once) and the pair batches of a residual condition. */
class VectorGatherTest {
    private final BufferAllocator allocator = new RootAllocator();

    @AfterEach
    void close() {
        allocator.close();
    }

    private VarCharVector strings(String... values) {
        VarCharVector v = new VarCharVector("s", allocator);
        v.allocateNew();
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                v.setNull(i);
            } else {
                v.setSafe(i, values[i].getBytes(StandardCharsets.UTF_8));
            }
        }
        v.setValueCount(values.length);
        return v;
    }

    private static String[] contents(VarCharVector v) {
        String[] out = new String[v.getValueCount()];
        for (int i = 0; i < out.length; i++) {
            out[i] = v.isNull(i) ? null : new String(v.get(i), StandardCharsets.UTF_8);
        }
        return out;
    }

    @Test
    void gathersStringsNullsAndPaddingIntoAnEmptyVector() {
        String big = "x".repeat(5000); // more than the default data buffer: one resize for the whole gather
        try (VarCharVector src = strings("a", null, "", big, "bcd");
                VarCharVector dst = new VarCharVector("d", allocator)) {
            dst.allocateNew(1);
            int[] rows = {3, 0, -1, 1, 2, 4, 3, 0};
            VectorGather.gather(src, rows, rows.length, dst, 0);
            dst.setValueCount(rows.length);
            assertArrayEquals(new String[] {big, "a", null, null, "", "bcd", big, "a"}, contents(dst));
        }
    }

    @Test
    void appendsAfterSetRowsAndLeavesGapsNull() {
        try (VarCharVector src = strings("one", "two", null);
                VarCharVector dst = strings("p", "q")) {
            // rows 2 and 3 are never set: they read as NULL, and the appended values start at 4
            VectorGather.gather(src, new int[] {1, 2, 0}, 3, dst, 4);
            VectorGather.gather(src, new int[] {0}, 1, dst, 7);
            VectorGather.gather(null, new int[] {0, 1}, 2, dst, 8);
            dst.setValueCount(10);
            assertArrayEquals(new String[] {"p", "q", null, null, "two", null, "one", "one", null, null},
                    contents(dst));
        }
    }

    @Test
    void pairBatchGathersOnlyTheColumnsTheConditionReads() {
        RowType left = new RowType(List.of("k", "name"), List.of(LogicalType.integer(), LogicalType.string()));
        RowType right = new RowType(List.of("k2", "note", "t"),
                List.of(LogicalType.integer(), LogicalType.string(), LogicalType.integer()));
        JoinPairBatch pairs = new JoinPairBatch(left, right, new int[] {0, 4});
        IntVector lk = new IntVector("k", allocator);
        IntVector rk = new IntVector("k2", allocator);
        IntVector rt = new IntVector("t", allocator);
        try (lk; rk; rt; VarCharVector ln = strings("l0", "l1"); VarCharVector rn = strings("r0", "r1", "r2")) {
            lk.allocateNew(2);
            lk.set(0, 10);
            lk.set(1, 11);
            lk.setValueCount(2);
            rk.allocateNew(3);
            rt.allocateNew(3);
            for (int i = 0; i < 3; i++) {
                rk.set(i, 20 + i);
                rt.set(i, 30 + i);
            }
            rk.setValueCount(3);
            rt.setValueCount(3);
            FieldVector[] rightVectors = {rk, rn, rt};
            FieldVector[] leftVectors = {lk, ln};
            // the right side is the input here: its rows 2, 0; the left (other) side's rows 1, 0
            try (VectorSchemaRoot batch = pairs.gather(rightVectors, new int[] {2, 0}, leftVectors, new int[] {1, 0},
                    false, 2, allocator)) {
                assertEquals(2, batch.getRowCount());
                assertEquals(5, batch.getFieldVectors().size());
                IntVector k = (IntVector) batch.getVector(0);
                IntVector t = (IntVector) batch.getVector(4);
                assertEquals(11, k.get(0));
                assertEquals(10, k.get(1));
                assertEquals(32, t.get(0));
                assertEquals(30, t.get(1));
                assertTrue(pairs.reads(0) && pairs.reads(4) && !pairs.reads(1) && !pairs.reads(3));
                assertEquals(0, batch.getVector(1).getBufferSize()); // not read: no buffers
                assertEquals(0, batch.getVector(3).getBufferSize());
            }
            JoinPairBatch all = new JoinPairBatch(left, right, null);
            try (VectorSchemaRoot batch = all.gather(leftVectors, new int[] {1}, rightVectors, new int[] {0}, true, 1,
                    allocator)) {
                assertEquals("l1", new String(((VarCharVector) batch.getVector(1)).get(0), StandardCharsets.UTF_8));
                assertEquals("r0", new String(((VarCharVector) batch.getVector(3)).get(0), StandardCharsets.UTF_8));
            }
        }
    }
}
