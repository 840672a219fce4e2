package io.sluice.datastream.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.api.common.typeinfo.Types;
import io.sluice.api.connector.sink2.Sink;
import io.sluice.api.connector.sink2.SinkWriter;
import io.sluice.api.connector.sink2.WriterInitContext;
import io.sluice.api.connector.source.util.ratelimit.RateLimiterStrategy;
import io.sluice.api.common.eventtime.WatermarkStrategy;
import io.sluice.api.java.tuple.Tuple2;
import io.sluice.configuration.Configuration;
import io.sluice.connector.datagen.source.DataGeneratorSource;
import io.sluice.core.execution.JobClient;
import io.sluice.core.execution.SavepointFormatType;
import io.sluice.streaming.api.environment.StreamExecutionEnvironment;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stop with a savepoint, then a new job resumes the keyed state and the source position from it; stop with a savepoint
 * and drain fires every event-time window first.
 */
class SavepointTest {
    private static final Map<String, List<Tuple2<Long, Long>>> RESULTS = new ConcurrentHashMap<>();

    @TempDir
    Path dir;

    /** Remembers every record in a static list named by the sink. */
    static final class ListSink implements Sink<Tuple2<Long, Long>> {
        private final String name;

        ListSink(String name) {
            this.name = name;
            RESULTS.put(name, new CopyOnWriteArrayList<>());
        }

        @Override
        public SinkWriter<Tuple2<Long, Long>> createWriter(WriterInitContext context) {
            return new SinkWriter<>() {
                @Override
                public void write(Tuple2<Long, Long> element, Context ctx) {
                    RESULTS.get(name).add(element);
                }

                @Override
                public void flush(boolean endOfInput) {
                }

                @Override
                public void close() {
                }
            };
        }
    }

    private StreamExecutionEnvironment env(String savepoint) {
        Configuration conf = new Configuration();
        conf.setString("table.exec.batch-size", "5");
        conf.setString("execution.checkpointing.dir", dir.resolve("checkpoints").toString());
        if (savepoint != null) {
            conf.setString("execution.savepoint.path", savepoint);
        }
        return StreamExecutionEnvironment.getExecutionEnvironment(conf);
    }

    /** Counts records per key (index % 3) of an endless, rate-limited generator. */
    private static void job(StreamExecutionEnvironment env, String sink) {
        env.fromSource(new DataGeneratorSource<>(i -> i, Long.MAX_VALUE, RateLimiterStrategy.perSecond(500),
                        Types.LONG), WatermarkStrategy.noWatermarks(), "numbers")
                .map(i -> Tuple2.of(i % 3, 1L)).returns(Types.TUPLE(Types.LONG, Types.LONG))
                .keyBy(t -> t.f0)
                .sum(1)
                .sinkTo(new ListSink(sink));
    }

    @Test
    void resumeFromSavepoint() throws Exception {
        StreamExecutionEnvironment first = env(null);
        first.enableCheckpointing(60_000);
        job(first, "first");
        JobClient client = first.executeAsync("before");
        while (RESULTS.get("first").size() < 20) {
            Thread.sleep(10);
        }
        String savepoint = client.stopWithSavepoint(false, dir.resolve("savepoints").toString(),
                SavepointFormatType.CANONICAL).get(30, TimeUnit.SECONDS);
        client.getJobExecutionResult().get(30, TimeUnit.SECONDS);
        long[] counted = new long[3];
        for (Tuple2<Long, Long> t : RESULTS.get("first")) {
            counted[t.f0.intValue()] = Math.max(counted[t.f0.intValue()], t.f1);
        }
        long seen = counted[0] + counted[1] + counted[2];
        assertEquals(RESULTS.get("first").size(), seen);

        StreamExecutionEnvironment second = env(savepoint);
        second.enableCheckpointing(60_000);
        job(second, "second");
        JobClient resumed = second.executeAsync("after");
        while (RESULTS.get("second").size() < 9) {
            Thread.sleep(10);
        }
        resumed.cancel();
        resumed.getJobExecutionResult().handle((r, e) -> null).get(30, TimeUnit.SECONDS);
        // the first records after the savepoint continue each key's count, and the numbers continue too
        Tuple2<Long, Long> next = RESULTS.get("second").get(0);
        long expectedKey = seen % 3;
        assertEquals(expectedKey, next.f0, "the source resumed after the last number it emitted");
        assertEquals(counted[(int) expectedKey] + 1, next.f1, "the key's count resumed from the savepoint");
        assertTrue(RESULTS.get("second").size() >= 9);
    }

    /**
     * Drain (Flink's {@code stopWithSavepoint(true, ...)}): the watermark lags an hour behind the records, so no window
     * fires while the job runs; draining sends the final watermark through the job before the savepoint, so every
     * window of the records read so far reaches the sink.
     */
    @Test
    void stopWithDrainFiresEveryWindow() throws Exception {
        StreamExecutionEnvironment env = env(null);
        env.setParallelism(1);
        env.fromSource(new DataGeneratorSource<>(i -> i, Long.MAX_VALUE, RateLimiterStrategy.perSecond(500),
                        Types.LONG), WatermarkStrategy.<Long>forBoundedOutOfOrderness(java.time.Duration.ofHours(1))
                        .withTimestampAssigner((i, ts) -> i * 1000), "numbers")
                .map(i -> Tuple2.of(i, 1L)).returns(Types.TUPLE(Types.LONG, Types.LONG))
                .keyBy(t -> t.f0 % 3)
                .window(io.sluice.streaming.api.windowing.assigners.TumblingEventTimeWindows.of(
                        java.time.Duration.ofSeconds(10)))
                .reduce((a, b) -> Tuple2.of(Math.max(a.f0, b.f0), a.f1 + b.f1))
                .sinkTo(new ListSink("drained"));
        JobClient client = env.executeAsync("drained");
        Thread.sleep(300); // a hundred or so records: minutes of event time, less than the watermark's lag
        assertTrue(RESULTS.get("drained").isEmpty(), "no window fired before the drain");
        String savepoint = client.stopWithSavepoint(true, dir.resolve("savepoints").toString(),
                SavepointFormatType.CANONICAL).get(30, TimeUnit.SECONDS);
        client.getJobExecutionResult().get(30, TimeUnit.SECONDS);
        assertTrue(java.nio.file.Files.isDirectory(Path.of(savepoint)), savepoint);
        long count = 0;
        long highest = -1;
        for (Tuple2<Long, Long> w : RESULTS.get("drained")) {
            count += w.f1;
            highest = Math.max(highest, w.f0);
        }
        assertTrue(count > 0, "the drained job emitted its windows");
        assertEquals(highest + 1, count,
                "every record read (0 .. highest) is in a window emitted before the savepoint");
    }
}
