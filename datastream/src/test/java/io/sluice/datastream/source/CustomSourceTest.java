package io.sluice.datastream.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.api.common.eventtime.WatermarkStrategy;
import io.sluice.api.common.functions.MapFunction;
import io.sluice.api.common.typeinfo.Types;
import io.sluice.configuration.Configuration;
import io.sluice.streaming.api.environment.StreamExecutionEnvironment;
import io.sluice.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code fromSource} with a user's implementation of the Source API: enumerator, readers, splits, checkpoints. */
class CustomSourceTest {
    private static final AtomicBoolean FAILED = new AtomicBoolean();

    @TempDir
    Path checkpoints;

    private static List<Long> sorted(Iterable<Long> values) {
        List<Long> out = new ArrayList<>();
        values.forEach(out::add);
        out.sort(null);
        return out;
    }

    private static List<Long> range(long n) {
        List<Long> out = new ArrayList<>();
        for (long i = 0; i < n; i++) {
            out.add(i);
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void boundedSourceReadsEverySplitOnce(int parallelism) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(parallelism);
        List<Long> out = new ArrayList<>();
        env.fromSource(new RangeSource(7, 30, 0, "bounded-" + parallelism), WatermarkStrategy.noWatermarks(), "ranges")
                .map(x -> x).executeAndCollect().forEachRemaining(out::add);
        assertEquals(range(210), sorted(out));
    }

    @Test
    void recordTimestampsDriveEventTimeWindows() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        // record i has timestamp 10 * i: windows of 100 ms hold 10 consecutive numbers
        List<Long> sums = env.fromSource(new RangeSource(2, 20, 0, "windows"),
                        WatermarkStrategy.<Long>forMonotonousTimestamps(), "ranges", Types.LONG)
                .windowAll(TumblingEventTimeWindows.of(Duration.ofMillis(100)))
                .reduce(Long::sum)
                .executeAndCollect(10);
        assertEquals(List.of(45L, 145L, 245L, 345L), sums);
    }

    @Test
    void unboundedSourceDiscoversSplitsAsynchronously() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        List<Long> first = env.fromSource(new RangeSource(1000, 5, 5, "unbounded"), WatermarkStrategy.noWatermarks(),
                "discovered ranges").executeAndCollect(23);
        assertEquals(23, first.size());
        assertEquals(23, new HashSet<>(first).size());
        assertEquals(range(23), sorted(first));
    }

    /** Slows the records down so that checkpoints fall in between; fails once at record 300. */
    public static final class FailOnce implements MapFunction<Long, Long> {
        private int seen;

        @Override
        public Long map(Long value) throws Exception {
            Thread.sleep(1);
            if (++seen == 300 && FAILED.compareAndSet(false, true)) {
                throw new IllegalStateException("injected failure");
            }
            return value;
        }
    }

    @Test
    void restoredFromCheckpointAfterFailureExactlyOnce() throws Exception {
        Configuration conf = new Configuration();
        conf.setString("table.exec.batch-size", "4");
        conf.setString("execution.checkpointing.dir", checkpoints.toString());
        conf.setString("restart-strategy.type", "fixed-delay");
        conf.setString("restart-strategy.fixed-delay.attempts", "3");
        conf.setString("restart-strategy.fixed-delay.delay", "10 ms");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.enableCheckpointing(20);
        List<Long> out = new ArrayList<>();
        env.fromSource(new RangeSource(8, 50, 0, "restored"), WatermarkStrategy.noWatermarks(), "ranges")
                .map(new FailOnce()).executeAndCollect().forEachRemaining(out::add);
        assertTrue(FAILED.get(), "the failure was injected");
        assertEquals(range(400), sorted(out));
        long emitted = RangeSource.EMITTED.get("restored").get();
        assertTrue(emitted < 400 + 300, "restored from a checkpoint, not from the start: " + emitted + " emitted");
    }

    /** Slows the records down; fails once, in the first instance to see record number {@code at}. */
    public static final class FailOnceNamed implements MapFunction<Long, Long> {
        static final java.util.Set<String> FAILED_NAMES = java.util.concurrent.ConcurrentHashMap.newKeySet();
        private final String name;
        private final int at;
        private int seen;

        FailOnceNamed(String name, int at) {
            this.name = name;
            this.at = at;
        }

        @Override
        public Long map(Long value) throws Exception {
            Thread.sleep(1);
            if (++seen == at && FAILED_NAMES.add(name)) {
                throw new IllegalStateException("injected failure");
            }
            return value;
        }
    }

    private StreamExecutionEnvironment restartingEnv() {
        Configuration conf = new Configuration();
        conf.setString("table.exec.batch-size", "4");
        conf.setString("execution.checkpointing.dir", checkpoints.toString());
        conf.setString("restart-strategy.type", "fixed-delay");
        conf.setString("restart-strategy.fixed-delay.attempts", "3");
        conf.setString("restart-strategy.fixed-delay.delay", "10 ms");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.enableCheckpointing(15);
        return env;
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    void checkpointedAboveParallelismOneAndRestoredExactlyOnce(int parallelism) throws Exception {
        StreamExecutionEnvironment env = restartingEnv();
        env.setParallelism(parallelism);
        String name = "restored-p" + parallelism;
        List<Long> out = new ArrayList<>();
        env.fromSource(new RangeSource(12, 40, 0, name), WatermarkStrategy.noWatermarks(), "ranges")
                .map(new FailOnceNamed(name, 120)).executeAndCollect().forEachRemaining(out::add);
        assertTrue(FailOnceNamed.FAILED_NAMES.contains(name), "the failure was injected");
        assertEquals(range(480), sorted(out));
        long emitted = RangeSource.EMITTED.get(name).get();
        assertTrue(emitted < 480 + 120 * parallelism, "restored from a checkpoint: " + emitted + " emitted");
    }

    @Test
    void unboundedSourceWithDiscoveryRestoredAtParallelismTwo() throws Exception {
        StreamExecutionEnvironment env = restartingEnv();
        env.setParallelism(2);
        List<Long> first = env.fromSource(new RangeSource(1000, 10, 3, "unbounded-p2"),
                WatermarkStrategy.noWatermarks(), "discovered ranges")
                .map(new FailOnceNamed("unbounded-p2", 40)).executeAndCollect(150);
        assertTrue(FailOnceNamed.FAILED_NAMES.contains("unbounded-p2"), "the failure was injected");
        assertEquals(150, first.size());
        assertEquals(150, new HashSet<>(first).size(), "no record twice: " + sorted(first));
    }

    @Test
    void readersAndTheEnumeratorHearOfCompletedCheckpointsByTheirIds() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        env.enableCheckpointing(10);
        String name = "notified";
        List<Long> out = env.fromSource(new RangeSource(1000, 10, 3, name), WatermarkStrategy.noWatermarks(),
                "notified ranges").map(x -> {
                    Thread.sleep(1);
                    return x;
                }).returns(Long.class).executeAndCollect(300);
        assertEquals(300, out.size());
        java.util.Set<String> events = RangeSource.CHECKPOINTS.get(name);
        List<String> readers = new ArrayList<>();
        List<String> enumerator = new ArrayList<>();
        for (String e : events) {
            if (e.startsWith("reader ")) {
                readers.add(e);
                // the id a reader hears is one its snapshotState was called with
                assertTrue(events.contains("snapshot " + e.substring("reader ".length())), e + " in " + events);
            } else if (e.startsWith("enumerator ")) {
                enumerator.add(e);
                assertTrue(events.contains("enumerator-snapshot " + e.substring("enumerator ".length())),
                        e + " in " + events);
            }
        }
        assertTrue(!readers.isEmpty() && !enumerator.isEmpty(), events.toString());
    }
}
