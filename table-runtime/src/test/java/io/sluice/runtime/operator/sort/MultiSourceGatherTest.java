package io.sluice.runtime.operator.sort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.ValueVector;
import org.apache.arrow.vector.VarCharVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The gather from several vectors of {@link VectorGather}. */
class MultiSourceGatherTest {
    private final RootAllocator allocator = new RootAllocator();

    @AfterEach
    void closeAllocator() {
        allocator.close();
    }

    private BigIntVector longs(String name, Long... values) {
        BigIntVector v = new BigIntVector(name, allocator);
        v.allocateNew(values.length);
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                v.setNull(i);
            } else {
                v.set(i, values[i]);
            }
        }
        v.setValueCount(values.length);
        return v;
    }

    private VarCharVector strings(String name, String... values) {
        VarCharVector v = new VarCharVector(name, allocator);
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

    /** Row k of the result is row indexes[k] of sources[k]: fixed-width, variable-width and boolean columns. */
    @Test
    void gatherFromSeveralSourcesPicksEachRowFromItsOwnVector() {
        int n = 3000; // past the destination's first allocation
        try (BigIntVector a = longs("a", 10L, null, 12L);
                BigIntVector b = longs("b", 20L, 21L);
                VarCharVector s = strings("s", "x", null, "zzz");
                VarCharVector t = strings("t", "", "tt");
                BitVector p = new BitVector("p", allocator);
                BitVector q = new BitVector("q", allocator);
                BigIntVector longOut = new BigIntVector("o", allocator);
                VarCharVector stringOut = new VarCharVector("o", allocator);
                BitVector bitOut = new BitVector("o", allocator)) {
            p.allocateNew(2);
            p.set(0, 1);
            p.setNull(1);
            p.setValueCount(2);
            q.allocateNew(1);
            q.set(0, 0);
            q.setValueCount(1);
            ValueVector[] longSources = new ValueVector[n];
            ValueVector[] stringSources = new ValueVector[n];
            ValueVector[] bitSources = new ValueVector[n];
            int[] indexes = new int[n];
            int[] bitIndexes = new int[n];
            for (int k = 0; k < n; k++) {
                boolean first = k % 3 != 1;
                longSources[k] = first ? a : b;
                stringSources[k] = first ? s : t;
                bitSources[k] = first ? p : q;
                indexes[k] = first ? k % 3 : k % 2;
                bitIndexes[k] = first ? k % 2 : 0;
            }
            longOut.allocateNew(16);
            stringOut.allocateNew(16);
            bitOut.allocateNew(16);
            VectorGather.gather(longSources, indexes, n, longOut);
            VectorGather.gather(stringSources, indexes, n, stringOut);
            VectorGather.gather(bitSources, bitIndexes, n, bitOut);
            longOut.setValueCount(n);
            stringOut.setValueCount(n);
            bitOut.setValueCount(n);
            for (int k = 0; k < n; k++) {
                ValueVector ls = longSources[k];
                assertEquals(ls.getObject(indexes[k]), longOut.getObject(k), "long " + k);
                Object expected = stringSources[k].getObject(indexes[k]);
                if (expected == null) {
                    assertNull(stringOut.getObject(k), "string " + k);
                } else {
                    assertEquals(expected.toString(), stringOut.getObject(k).toString(), "string " + k);
                }
                assertEquals(bitSources[k].getObject(bitIndexes[k]), bitOut.getObject(k), "bit " + k);
            }
        }
    }
}
