package io.sluice.datastream.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.api.common.functions.OpenContext;
import io.sluice.api.common.typeinfo.Types;
import io.sluice.configuration.Configuration;
import io.sluice.streaming.api.datastream.AsyncDataStream;
import io.sluice.streaming.api.datastream.DataStream;
import io.sluice.streaming.api.environment.StreamExecutionEnvironment;
import io.sluice.streaming.api.functions.async.ResultFuture;
import io.sluice.streaming.api.functions.async.RichAsyncFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * Asynchronous I/O ({@code AsyncDataStream}): requests answered by another thread after a random delay, in order
 * and unordered, with a bounded number in flight, timeouts, failures, and checkpoints taken while requests run.
 */
class AsyncIoTest {
    /** Answers {@code x} with {@code x * 10} from a thread pool after up to 3 ms; never answers {@code silent}. */
    static final class SlowTimesTen extends RichAsyncFunction<Long, Long> {
        private final long silent;
        private final boolean answerTimeouts;
        private transient ExecutorService pool;

        SlowTimesTen(long silent, boolean answerTimeouts) {
            this.silent = silent;
            this.answerTimeouts = answerTimeouts;
        }

        @Override
        public void open(OpenContext openContext) {
            pool = Executors.newFixedThreadPool(4);
        }

        @Override
        public void asyncInvoke(Long input, ResultFuture<Long> resultFuture) {
            if (input == silent) {
                return;
            }
            CompletableFuture.runAsync(() -> {
                try {
                    Thread.sleep(ThreadLocalRandom.current().nextInt(4));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                resultFuture.complete(List.of(input * 10));
            }, pool);
        }

        @Override
        public void timeout(Long input, ResultFuture<Long> resultFuture) throws Exception {
            if (answerTimeouts) {
                resultFuture.complete(List.of(-input));
            } else {
                super.timeout(input, resultFuture);
            }
        }

        @Override
        public void close() {
            pool.shutdownNow();
        }
    }

    private static List<Long> timesTen(long from, long to) {
        List<Long> out = new ArrayList<>();
        for (long i = from; i <= to; i++) {
            out.add(i * 10);
        }
        return out;
    }

    @Test
    void orderedResultsFollowTheRecords() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        DataStream<Long> in = env.fromSequence(1, 300);
        List<Long> out = AsyncDataStream.orderedWait(in, new SlowTimesTen(-1, false), 10, TimeUnit.SECONDS, 5)
                .returns(Types.LONG).executeAndCollect(1000);
        assertEquals(timesTen(1, 300), out);
    }

    @Test
    void unorderedResultsAreAllThere() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        List<Long> out = new ArrayList<>(AsyncDataStream.unorderedWait(env.fromSequence(1, 300),
                        new SlowTimesTen(-1, false), 10, TimeUnit.SECONDS)
                .returns(Types.LONG).executeAndCollect(1000));
        out.sort(null);
        assertEquals(timesTen(1, 300), out);
    }

    @Test
    void aTimedOutRequestIsHandedToTimeout() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        List<Long> out = AsyncDataStream.orderedWait(env.fromSequence(1, 5), new SlowTimesTen(3, true), 50,
                TimeUnit.MILLISECONDS).returns(Types.LONG).executeAndCollect(100);
        assertEquals(List.of(10L, 20L, -3L, 40L, 50L), out);
    }

    @Test
    void aTimeoutFailsTheJobByDefault() {
        Configuration conf = new Configuration();
        conf.setString("restart-strategy.type", "none");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(1);
        Exception e = assertThrows(Exception.class, () -> AsyncDataStream.unorderedWait(env.fromSequence(1, 5),
                new SlowTimesTen(3, false), 50, TimeUnit.MILLISECONDS).returns(Types.LONG).executeAndCollect(100));
        Throwable t = e;
        while (t != null && !(t instanceof TimeoutException)) {
            t = t.getCause();
        }
        assertTrue(t instanceof TimeoutException, String.valueOf(e));
    }

    @Test
    void watermarksDoNotOvertakeEarlierResults() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        DataStream<Long> timed = env.fromSequence(1, 1000).assignTimestampsAndWatermarks(
                io.sluice.api.common.eventtime.WatermarkStrategy.<Long>forMonotonousTimestamps()
                        .withTimestampAssigner((x, ts) -> x));
        List<Long> sums = new ArrayList<>(AsyncDataStream.unorderedWait(timed, new SlowTimesTen(-1, false), 10,
                        TimeUnit.SECONDS, 8).returns(Types.LONG)
                .keyBy(x -> 0)
                .window(io.sluice.streaming.api.windowing.assigners.TumblingEventTimeWindows.of(
                        java.time.Duration.ofMillis(100)))
                .reduce(Long::sum)
                .executeAndCollect(100));
        sums.sort(null);
        List<Long> expected = new ArrayList<>();
        for (long start = 0; start <= 1000; start += 100) {
            long sum = 0;
            for (long x = Math.max(1, start); x < start + 100 && x <= 1000; x++) {
                sum += x * 10;
            }
            expected.add(sum);
        }
        expected.sort(null);
        // a record whose result came after the watermark passed its window would be late and dropped
        assertEquals(expected, sums);
    }

    @Test
    void checkpointsWaitForTheRequestsInFlight() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        env.enableCheckpointing(10);
        List<Long> out = new ArrayList<>(AsyncDataStream.orderedWait(
                        env.fromSequence(1, 2000).keyBy(x -> x % 7).map(x -> x).returns(Types.LONG),
                        new SlowTimesTen(-1, false), 10, TimeUnit.SECONDS, 20)
                .returns(Types.LONG).executeAndCollect(5000));
        out.sort(null);
        assertEquals(timesTen(1, 2000), out);
    }
}
