package io.sluice.datastream.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.api.common.eventtime.WatermarkStrategy;
import io.sluice.api.common.typeinfo.Types;
import io.sluice.connector.datagen.source.DataGeneratorSource;
import io.sluice.streaming.api.datastream.DataStream;
import io.sluice.streaming.api.environment.StreamExecutionEnvironment;
import io.sluice.streaming.api.functions.ProcessFunction;
import io.sluice.util.Collector;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Watermark alignment ({@code WatermarkStrategy.withWatermarkAlignment}): two sources of one group, one whose event
 * time runs a thousand times faster than the other's. The fast one may not get further ahead of the slow one's
 * watermark than the allowed drift (plus what one poll adds: {@value #POLL} records of a Source API reader, a batch of
 * {@value #BATCH} of Sluice's own sources) until the slow one ends.
 */
class WatermarkAlignmentTest {
    private static final long RECORDS = 3000;
    private static final long FAST_STEP = 1000;
    private static final long DRIFT = 10_000;
    /** The records a reader takes in one poll when aligned. */
    private static final long POLL = 100;
    /** The batch size of the jobs with Sluice's own sources. */
    private static final long BATCH = 10;

    /** The largest timestamp the slow source's records reached, by test. */
    static final Map<String, AtomicLong> SLOW_MAX = new ConcurrentHashMap<>();
    /** Records of the fast source further ahead of the slow one than allowed, by test: "timestamp > slow max". */
    static final Map<String, List<String>> TOO_FAR = new ConcurrentHashMap<>();

    /** Right after its source (chained): notes the slow source's progress, checks the fast one against it. */
    static final class Observe extends ProcessFunction<Long, Long> {
        private final String test;
        private final boolean fast;
        /** The records one poll of the fast source may add beyond the allowed drift. */
        private final long perPoll;

        Observe(String test, boolean fast, long perPoll) {
            this.test = test;
            this.fast = fast;
            this.perPoll = perPoll;
        }

        @Override
        public void processElement(Long value, Context ctx, Collector<Long> out) {
            AtomicLong slow = SLOW_MAX.computeIfAbsent(test, k -> new AtomicLong(Long.MIN_VALUE));
            long ts = ctx.timestamp();
            if (!fast) {
                slow.accumulateAndGet(ts, Math::max);
            } else if (slow.get() < RECORDS - 1 && ts > Math.max(slow.get(), 0) + DRIFT + (perPoll + 1) * FAST_STEP) {
                TOO_FAR.computeIfAbsent(test, k -> new CopyOnWriteArrayList<>()).add(ts + " > " + slow.get());
            }
            out.collect(value);
        }
    }

    private static long run(String test, boolean aligned) throws Exception {
        return run(test, aligned, 1);
    }

    /**
     * At parallelism 2 each source of one split has a reader without splits; the sources are then unbounded (their
     * enumerators never say that no more splits come) and the slow one goes idle once it has emitted everything.
     */
    private static long run(String test, boolean aligned, int parallelism) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(parallelism);
        WatermarkStrategy<Long> fastStrategy = WatermarkStrategy.<Long>forMonotonousTimestamps()
                .withTimestampAssigner((v, ts) -> v * FAST_STEP);
        WatermarkStrategy<Long> slowStrategy = WatermarkStrategy.<Long>forMonotonousTimestamps()
                .withTimestampAssigner((v, ts) -> v);
        long discovery = parallelism == 1 ? 0 : 600_000;
        if (parallelism > 1) {
            slowStrategy = slowStrategy.withIdleness(Duration.ofMillis(200));
        }
        if (aligned) {
            fastStrategy = fastStrategy.withWatermarkAlignment("orders", Duration.ofMillis(DRIFT));
            slowStrategy = slowStrategy.withWatermarkAlignment("orders", Duration.ofMillis(DRIFT),
                    Duration.ofMillis(100));
            fastStrategy = parallelism == 1 ? fastStrategy : fastStrategy.withWatermarkAlignment("orders",
                    Duration.ofMillis(DRIFT), Duration.ofMillis(100));
        }
        DataStream<Long> fast = env.fromSource(new RangeSource(1, RECORDS, discovery, test + "-fast"), fastStrategy,
                "fast", Types.LONG).process(new Observe(test, true, POLL));
        DataStream<Long> slow = env.fromSource(new RangeSource(1, RECORDS, discovery, test + "-slow"), slowStrategy,
                "slow", Types.LONG).process(new Observe(test, false, POLL));
        return fast.union(slow).executeAndCollect((int) (2 * RECORDS)).size();
    }

    @Test
    void theFastSourcePausesUntilTheSlowOneCatchesUp() throws Exception {
        assertEquals(2 * RECORDS, run("aligned", true));
        assertEquals(List.of(), TOO_FAR.getOrDefault("aligned", List.of()));
    }

    /**
     * At parallelism 2 each unbounded source of one split has a reader without splits: it stops holding the group back
     * after the update interval (else every reader would wait for it for good) and the fast source is still aligned.
     */
    @Test
    @org.junit.jupiter.api.Timeout(60)
    void readersWithoutSplitsDoNotHoldTheGroupBack() throws Exception {
        assertEquals(2 * RECORDS, run("splitless", true, 2));
        assertEquals(List.of(), TOO_FAR.getOrDefault("splitless", List.of()));
    }

    /** The same with two DataGeneratorSources, whose watermarks Sluice generates right after the source. */
    @Test
    void sluicesOwnSourcesAreAlignedToo() throws Exception {
        String test = "generators";
        io.sluice.configuration.Configuration conf = new io.sluice.configuration.Configuration();
        conf.setString("table.exec.batch-size", String.valueOf(BATCH));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(1);
        WatermarkStrategy<Long> strategy = WatermarkStrategy.<Long>forMonotonousTimestamps()
                .withTimestampAssigner((v, ts) -> v).withWatermarkAlignment("generators", Duration.ofMillis(DRIFT));
        DataStream<Long> fast = env.fromSource(new DataGeneratorSource<>(i -> i * FAST_STEP, RECORDS, Types.LONG),
                strategy, "fast").process(new Observe(test, true, BATCH));
        DataStream<Long> slow = env.fromSource(new DataGeneratorSource<>(i -> i, RECORDS, Types.LONG), strategy,
                "slow").process(new Observe(test, false, BATCH));
        assertEquals(2 * RECORDS, fast.union(slow).executeAndCollect(10_000).size());
        assertEquals(List.of(), TOO_FAR.getOrDefault(test, List.of()));
    }
}
