package io.sluice.datastream.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.api.common.eventtime.Watermark;
import io.sluice.api.common.eventtime.WatermarkStrategy;
import io.sluice.api.connector.source.Boundedness;
import io.sluice.api.connector.source.ReaderOutput;
import io.sluice.api.connector.source.Source;
import io.sluice.api.connector.source.SourceOutput;
import io.sluice.api.connector.source.SourceReader;
import io.sluice.api.connector.source.SourceReaderContext;
import io.sluice.api.connector.source.SourceSplit;
import io.sluice.api.connector.source.SplitEnumerator;
import io.sluice.api.connector.source.SplitEnumeratorContext;
import io.sluice.core.io.InputStatus;
import io.sluice.core.io.SimpleVersionedSerializer;
import io.sluice.streaming.api.environment.StreamExecutionEnvironment;
import io.sluice.streaming.api.functions.ProcessFunction;
import io.sluice.util.Collector;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * A reader with an output per split: its watermark is the smallest of its splits' until a split is marked idle.
 * Each record is printed with the watermark the operator after the source had when it arrived.
 */
class SplitWatermarksTest {

    /** Split "a" counts 10, 20, .. 100; split "b" has 5 only and then is idle or not (watermark 5). */
    static final class TwoSplits implements Source<Long, TwoSplits.Split, Integer> {
        private static final long serialVersionUID = 1L;
        private final boolean slowSplitGoesIdle;
        /** Whether the reader emits watermarks itself (else only the fromSource strategy makes them). */
        private final boolean emitsWatermarks;

        TwoSplits(boolean slowSplitGoesIdle) {
            this(slowSplitGoesIdle, true);
        }

        TwoSplits(boolean slowSplitGoesIdle, boolean emitsWatermarks) {
            this.slowSplitGoesIdle = slowSplitGoesIdle;
            this.emitsWatermarks = emitsWatermarks;
        }

        /** A split of timestamps. */
        static final class Split implements SourceSplit {
            final String id;
            final long[] timestamps;
            int next;

            Split(String id, long... timestamps) {
                this.id = id;
                this.timestamps = timestamps;
            }

            @Override
            public String splitId() {
                return id;
            }
        }

        @Override
        public Boundedness getBoundedness() {
            return Boundedness.BOUNDED;
        }

        @Override
        public SplitEnumerator<Split, Integer> createEnumerator(SplitEnumeratorContext<Split> ctx) {
            return new SplitEnumerator<>() {
                @Override
                public void start() {
                }

                @Override
                public void handleSplitRequest(int subtaskId, String requesterHostname) {
                }

                @Override
                public void addSplitsBack(List<Split> splits, int subtaskId) {
                }

                @Override
                public void addReader(int subtaskId) {
                    if (subtaskId == 0) {
                        ctx.assignSplit(new Split("a", 10, 20, 30, 40, 50, 60, 70, 80, 90, 100), 0);
                        ctx.assignSplit(new Split("b", 5), 0);
                    }
                    ctx.signalNoMoreSplits(subtaskId);
                }

                @Override
                public Integer snapshotState(long checkpointId) {
                    return 0;
                }

                @Override
                public void close() {
                }
            };
        }

        @Override
        public SplitEnumerator<Split, Integer> restoreEnumerator(SplitEnumeratorContext<Split> ctx, Integer state) {
            return createEnumerator(ctx);
        }

        @Override
        public SimpleVersionedSerializer<Split> getSplitSerializer() {
            throw new UnsupportedOperationException("this test source is not checkpointed");
        }

        @Override
        public SimpleVersionedSerializer<Integer> getEnumeratorCheckpointSerializer() {
            throw new UnsupportedOperationException("this test source is not checkpointed");
        }

        @Override
        public SourceReader<Long, Split> createReader(SourceReaderContext readerContext) {
            return new SourceReader<>() {
                private final List<Split> splits = new ArrayList<>();
                private boolean noMoreSplits;
                private int turn;

                @Override
                public void start() {
                }

                @Override
                public InputStatus pollNext(ReaderOutput<Long> output) {
                    if (splits.isEmpty()) {
                        return noMoreSplits ? InputStatus.END_OF_INPUT : InputStatus.NOTHING_AVAILABLE;
                    }
                    for (Split x : splits) { // every split has its output before any emits a watermark
                        output.createOutputForSplit(x.id);
                    }
                    Split s = splits.get(turn++ % splits.size());
                    SourceOutput<Long> out = output.createOutputForSplit(s.id);
                    if (s.next < s.timestamps.length) {
                        long ts = s.timestamps[s.next++];
                        out.collect(ts, ts);
                        if (emitsWatermarks) {
                            out.emitWatermark(new Watermark(ts));
                        }
                    } else {
                        if (slowSplitGoesIdle) {
                            out.markIdle();
                        }
                        boolean allDone = true;
                        for (Split x : splits) {
                            allDone &= x.next == x.timestamps.length;
                        }
                        if (allDone) {
                            splits.clear();
                        }
                    }
                    return InputStatus.MORE_AVAILABLE;
                }

                @Override
                public List<Split> snapshotState(long checkpointId) {
                    return List.of();
                }

                @Override
                public CompletableFuture<Void> isAvailable() {
                    return CompletableFuture.completedFuture(null);
                }

                @Override
                public void addSplits(List<Split> added) {
                    splits.addAll(added);
                }

                @Override
                public void notifyNoMoreSplits() {
                    noMoreSplits = true;
                }

                @Override
                public void close() {
                }
            };
        }
    }

    private static List<String> run(boolean slowSplitGoesIdle) throws Exception {
        return run(new TwoSplits(slowSplitGoesIdle), WatermarkStrategy.noWatermarks());
    }

    private static List<String> run(TwoSplits source, WatermarkStrategy<Long> strategy) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.getConfiguration().setString("table.exec.batch-size", "1");
        return env.fromSource(source, strategy, "two splits", io.sluice.api.common.typeinfo.Types.LONG)
                .process(new ProcessFunction<Long, String>() {
                    @Override
                    public void processElement(Long value, Context ctx, Collector<String> out) {
                        long wm = ctx.timerService().currentWatermark();
                        out.collect(value + "@" + (wm == Long.MIN_VALUE ? "-" : String.valueOf(wm)));
                    }
                }).executeAndCollect(100);
    }

    @Test
    void theSlowestSplitHoldsTheWatermark() throws Exception {
        assertEquals(List.of("10@-", "5@-", "20@5", "30@5", "40@5", "50@5", "60@5", "70@5", "80@5", "90@5", "100@5"),
                run(false));
    }

    @Test
    void anIdleSplitNoLongerHoldsItBack() throws Exception {
        assertEquals(List.of("10@-", "5@-", "20@5", "30@20", "40@30", "50@40", "60@50", "70@60", "80@70", "90@80",
                "100@90"), run(true));
    }

    /**
     * The strategy given to fromSource runs per split, as in Flink: split "b" (timestamp 5 only) holds the reader's
     * watermark at 4 while split "a" goes on; one generator over all records would have let it rise with "a".
     */
    @Test
    void theFromSourceStrategyGeneratesWatermarksPerSplit() throws Exception {
        assertEquals(List.of("10@-", "5@-", "20@4", "30@4", "40@4", "50@4", "60@4", "70@4", "80@4", "90@4", "100@4"),
                run(new TwoSplits(false, false), WatermarkStrategy.forMonotonousTimestamps()));
    }

    /** The strategy's timestamp assigner runs on the records in the reader (per split). */
    @Test
    void theFromSourceTimestampAssignerRunsInTheReader() throws Exception {
        assertEquals(List.of("10@-", "5@-", "20@-1", "30@-1", "40@-1", "50@-1", "60@-1", "70@-1", "80@-1", "90@-1",
                "100@-1"), run(new TwoSplits(false, false), WatermarkStrategy.<Long>forMonotonousTimestamps()
                        .withTimestampAssigner((v, ts) -> v - 5)));
    }
}
