package io.sluice.python.datastream;

import io.sluice.api.common.functions.MapFunction;
import io.sluice.api.java.functions.KeySelector;
import io.sluice.api.java.tuple.Tuple2;
import io.sluice.runtime.state.keyed.KeyGroupAssignment;

/**
 * The engine's half of the Python DataStream API's {@code partition_custom}: the Python function computes each
 * record's partition index ({@code Tuple2(index, record)}); a keyed exchange then routes it by a key chosen so that
 * its key group belongs to instance {@code index} of the next operator, and {@link StripIndex} hands the record on
 * without its index.
 */
final class CustomPartitioning {
    /** The job parameter telling the Python function the next operator's parallelism. */
    static final String NUM_PARTITIONS = "sluice.partition-custom.num-partitions";

    private CustomPartitioning() {
    }

    /**
     * For each instance index of an operator of {@code parallelism} instances, a key (an Integer, whose hash is
     * itself) whose key group that instance owns.
     */
    static int[] representativeKeys(int parallelism, int maxParallelism) {
        int[] keys = new int[parallelism];
        java.util.Arrays.fill(keys, -1);
        int found = 0;
        for (int h = 0; found < parallelism; h++) {
            if (h == Integer.MAX_VALUE) {
                throw new IllegalStateException("no key routes to some of " + parallelism + " instances");
            }
            int owner = KeyGroupAssignment.operatorIndexForKeyGroup(
                    KeyGroupAssignment.keyGroupFor(Integer.hashCode(h), maxParallelism), maxParallelism, parallelism);
            if (keys[owner] < 0) {
                keys[owner] = h;
                found++;
            }
        }
        return keys;
    }

    /** The routing key of an indexed record. */
    static final class IndexKey implements KeySelector<Object, Object> {
        private static final long serialVersionUID = 1L;
        private final int[] keys;

        IndexKey(int parallelism, int maxParallelism) {
            this.keys = representativeKeys(parallelism, maxParallelism);
        }

        @Override
        public Object getKey(Object value) {
            int index = (Integer) ((Tuple2<?, ?>) value).f0;
            if (index < 0 || index >= keys.length) {
                throw new IllegalArgumentException("The partitioner returned " + index + " for " + keys.length
                        + " partitions.");
            }
            return keys[index];
        }
    }

    /** The record of an indexed record. */
    static final class StripIndex implements MapFunction<Object, Object> {
        private static final long serialVersionUID = 1L;

        @Override
        public Object map(Object value) {
            return ((Tuple2<?, ?>) value).f1;
        }
    }
}
