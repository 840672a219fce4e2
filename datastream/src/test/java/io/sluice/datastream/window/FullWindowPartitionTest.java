package io.sluice.datastream.window;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.api.common.functions.AggregateFunction;
import io.sluice.api.common.functions.MapPartitionFunction;
import io.sluice.api.common.operators.Order;
import io.sluice.api.common.typeinfo.Types;
import io.sluice.api.java.tuple.Tuple2;
import io.sluice.streaming.api.environment.StreamExecutionEnvironment;
import io.sluice.util.Collector;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code fullWindowPartition()}: each instance's (or key's) records processed at once at the end of the input. */
class FullWindowPartitionTest {
    /** Sums a partition and counts its records: "count:sum". */
    static final class CountAndSum implements MapPartitionFunction<Long, String> {
        @Override
        public void mapPartition(Iterable<Long> values, Collector<String> out) {
            long n = 0;
            long sum = 0;
            for (Long v : values) {
                n++;
                sum += v;
            }
            out.collect(n + ":" + sum);
        }
    }

    @Test
    void mapPartitionSeesEachInstancesRecords() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        List<String> out = new ArrayList<>(env.fromSequence(1, 100).fullWindowPartition()
                .mapPartition(new CountAndSum()).executeAndCollect(10));
        assertEquals(2, out.size(), out.toString());
        long n = 0;
        long sum = 0;
        for (String s : out) {
            n += Long.parseLong(s.split(":")[0]);
            sum += Long.parseLong(s.split(":")[1]);
        }
        assertEquals(100, n);
        assertEquals(5050, sum);
    }

    @Test
    void sortReduceAndAggregateAPartition() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        List<Tuple2<Integer, String>> sorted = env.fromData(Types.TUPLE(Types.INT, Types.STRING),
                        Tuple2.of(3, "c"), Tuple2.of(1, "a"), Tuple2.of(2, "b"))
                .fullWindowPartition().sortPartition(0, Order.DESCENDING).executeAndCollect(10);
        assertEquals(List.of(Tuple2.of(3, "c"), Tuple2.of(2, "b"), Tuple2.of(1, "a")), sorted);
        assertEquals(List.of(5050L), env.fromSequence(1, 100).fullWindowPartition().reduce(Long::sum)
                .executeAndCollect(10));
        assertEquals(List.of(50.5), env.fromSequence(1, 100).fullWindowPartition()
                .aggregate(new AggregateFunction<Long, long[], Double>() {
                    @Override
                    public long[] createAccumulator() {
                        return new long[2];
                    }

                    @Override
                    public long[] add(Long value, long[] acc) {
                        acc[0] += value;
                        acc[1]++;
                        return acc;
                    }

                    @Override
                    public Double getResult(long[] acc) {
                        return (double) acc[0] / acc[1];
                    }

                    @Override
                    public long[] merge(long[] a, long[] b) {
                        return new long[] {a[0] + b[0], a[1] + b[1]};
                    }
                }).executeAndCollect(10));
    }

    @Test
    void onAKeyedStreamEachKeyIsAPartition() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        List<String> counts = new ArrayList<>(env.fromSequence(1, 99).keyBy(x -> x % 3).fullWindowPartition()
                .mapPartition(new CountAndSum()).executeAndCollect(10));
        counts.sort(null);
        assertEquals(List.of("33:1617", "33:1650", "33:1683"), counts);
        List<Long> firsts = new ArrayList<>();
        for (Long x : env.fromSequence(1, 9).keyBy(x -> x % 3).fullWindowPartition()
                .sortPartition(x -> x, Order.DESCENDING).executeAndCollect(20)) {
            firsts.add(x);
        }
        // per key, largest first: 9 6 3 / 8 5 2 / 7 4 1 (the keys' runs may interleave across instances)
        assertEquals(9, firsts.size());
        for (long key = 0; key < 3; key++) {
            List<Long> run = new ArrayList<>();
            for (Long x : firsts) {
                if (x % 3 == key) {
                    run.add(x);
                }
            }
            List<Long> descending = new ArrayList<>(run);
            descending.sort(java.util.Comparator.reverseOrder());
            assertEquals(descending, run, firsts.toString());
        }
    }
}
