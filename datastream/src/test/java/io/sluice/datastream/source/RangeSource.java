package io.sluice.datastream.source;

import io.sluice.api.connector.source.Boundedness;
import io.sluice.api.connector.source.ReaderOutput;
import io.sluice.api.connector.source.Source;
import io.sluice.api.connector.source.SourceReader;
import io.sluice.api.connector.source.SourceReaderContext;
import io.sluice.api.connector.source.SourceSplit;
import io.sluice.api.connector.source.SplitEnumerator;
import io.sluice.api.connector.source.SplitEnumeratorContext;
import io.sluice.core.io.InputStatus;
import io.sluice.core.io.SimpleVersionedSerializer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A user's Source written against Flink's Source API: the numbers {@code 0..splits*size-1} in splits of
 * {@code size}, handed out one at a time on request. Unbounded, the enumerator discovers a new split every
 * {@code discoveryMs} (on the context's async thread) and never signals the end. Emitted records are counted per
 * {@code counter} name, to check that a restored job did not start over.
 */
public final class RangeSource implements Source<Long, RangeSource.RangeSplit, List<RangeSource.RangeSplit>> {
    private static final long serialVersionUID = 1L;
    static final Map<String, AtomicLong> EMITTED = new ConcurrentHashMap<>();
    /** By counter name: "snapshot N" for each reader snapshot of checkpoint N, "reader N" and "enumerator N" for
     * each completion heard. */
    static final Map<String, java.util.Set<String>> CHECKPOINTS = new ConcurrentHashMap<>();

    static void note(String counter, String event) {
        CHECKPOINTS.computeIfAbsent(counter, k -> ConcurrentHashMap.newKeySet()).add(event);
    }
    private final int splits;
    private final long size;
    private final long discoveryMs;
    private final String counter;

    public RangeSource(int splits, long size, long discoveryMs, String counter) {
        this.splits = splits;
        this.size = size;
        this.discoveryMs = discoveryMs;
        this.counter = counter;
    }

    /** A range {@code [next, end)} of numbers; {@code next} is the progress of reading it. */
    public static final class RangeSplit implements SourceSplit {
        final int id;
        long next;
        final long end;

        RangeSplit(int id, long next, long end) {
            this.id = id;
            this.next = next;
            this.end = end;
        }

        @Override
        public String splitId() {
            return "range-" + id;
        }

        RangeSplit copy() {
            return new RangeSplit(id, next, end);
        }
    }

    @Override
    public Boundedness getBoundedness() {
        return discoveryMs > 0 ? Boundedness.CONTINUOUS_UNBOUNDED : Boundedness.BOUNDED;
    }

    @Override
    public SplitEnumerator<RangeSplit, List<RangeSplit>> createEnumerator(SplitEnumeratorContext<RangeSplit> ctx) {
        List<RangeSplit> all = new ArrayList<>();
        int initial = discoveryMs > 0 ? 1 : splits;
        for (int i = 0; i < initial; i++) {
            all.add(new RangeSplit(i, i * size, (i + 1) * size));
        }
        return new Enumerator(ctx, all, initial);
    }

    @Override
    public SplitEnumerator<RangeSplit, List<RangeSplit>> restoreEnumerator(SplitEnumeratorContext<RangeSplit> ctx,
            List<RangeSplit> checkpoint) {
        // the last element is a marker holding how many splits were discovered
        List<RangeSplit> remaining = new ArrayList<>(checkpoint.subList(0, checkpoint.size() - 1));
        return new Enumerator(ctx, remaining, (int) checkpoint.get(checkpoint.size() - 1).next);
    }

    @Override
    public SimpleVersionedSerializer<RangeSplit> getSplitSerializer() {
        return new SplitSerializer();
    }

    @Override
    public SimpleVersionedSerializer<List<RangeSplit>> getEnumeratorCheckpointSerializer() {
        return new SimpleVersionedSerializer<>() {
            @Override
            public int getVersion() {
                return 1;
            }

            @Override
            public byte[] serialize(List<RangeSplit> list) throws IOException {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                DataOutputStream out = new DataOutputStream(bytes);
                out.writeInt(list.size());
                for (RangeSplit s : list) {
                    out.writeInt(s.id);
                    out.writeLong(s.next);
                    out.writeLong(s.end);
                }
                return bytes.toByteArray();
            }

            @Override
            public List<RangeSplit> deserialize(int version, byte[] serialized) throws IOException {
                DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized));
                List<RangeSplit> list = new ArrayList<>();
                for (int n = in.readInt(); n > 0; n--) {
                    list.add(new RangeSplit(in.readInt(), in.readLong(), in.readLong()));
                }
                return list;
            }
        };
    }

    @Override
    public SourceReader<Long, RangeSplit> createReader(SourceReaderContext readerContext) {
        return new Reader(readerContext, EMITTED.computeIfAbsent(counter, k -> new AtomicLong()), counter);
    }

    static final class SplitSerializer implements SimpleVersionedSerializer<RangeSplit> {
        @Override
        public int getVersion() {
            return 1;
        }

        @Override
        public byte[] serialize(RangeSplit s) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(s.id);
            out.writeLong(s.next);
            out.writeLong(s.end);
            return bytes.toByteArray();
        }

        @Override
        public RangeSplit deserialize(int version, byte[] serialized) throws IOException {
            if (version != 1) {
                throw new IOException("unknown version " + version);
            }
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized));
            return new RangeSplit(in.readInt(), in.readLong(), in.readLong());
        }
    }

    private final class Enumerator implements SplitEnumerator<RangeSplit, List<RangeSplit>> {
        private final SplitEnumeratorContext<RangeSplit> ctx;
        private final List<RangeSplit> remaining;
        private int discovered;
        /** Readers that asked for a split when there was none (unbounded: served when one is discovered). */
        private final java.util.ArrayDeque<Integer> waiting = new java.util.ArrayDeque<>();

        Enumerator(SplitEnumeratorContext<RangeSplit> ctx, List<RangeSplit> remaining, int discovered) {
            this.ctx = ctx;
            this.remaining = remaining;
            this.discovered = discovered;
        }

        @Override
        public void start() {
            if (discoveryMs > 0) {
                ctx.callAsync(() -> discovered < splits ? new RangeSplit(discovered, discovered * size,
                        (discovered + 1) * size) : null, (split, failure) -> {
                            if (split != null && split.id == discovered) {
                                discovered++;
                                remaining.add(split);
                                if (!waiting.isEmpty()) {
                                    handleSplitRequest(waiting.poll(), null);
                                }
                            }
                        }, discoveryMs, discoveryMs);
            }
        }

        @Override
        public void handleSplitRequest(int subtaskId, String requesterHostname) {
            if (!remaining.isEmpty()) {
                ctx.assignSplit(remaining.remove(0), subtaskId);
            } else if (discoveryMs <= 0) {
                ctx.signalNoMoreSplits(subtaskId);
            } else {
                waiting.add(subtaskId);
            }
        }

        @Override
        public void addSplitsBack(List<RangeSplit> back, int subtaskId) {
            remaining.addAll(back);
        }

        @Override
        public void addReader(int subtaskId) {
        }

        @Override
        public List<RangeSplit> snapshotState(long checkpointId) {
            List<RangeSplit> copy = new ArrayList<>();
            for (RangeSplit s : remaining) {
                copy.add(s.copy());
            }
            copy.add(new RangeSplit(-1, discovered, discovered));
            note(counter, "enumerator-snapshot " + checkpointId);
            return copy;
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            note(counter, "enumerator " + checkpointId);
        }

        @Override
        public void close() {
        }
    }

    private static final class Reader implements SourceReader<Long, RangeSplit> {
        private final SourceReaderContext ctx;
        private final AtomicLong emitted;
        private final ArrayDeque<RangeSplit> splits = new ArrayDeque<>();
        private boolean noMoreSplits;
        private boolean requested;
        private final String counter;

        Reader(SourceReaderContext ctx, AtomicLong emitted, String counter) {
            this.ctx = ctx;
            this.emitted = emitted;
            this.counter = counter;
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            note(counter, "reader " + checkpointId);
        }

        @Override
        public void start() {
        }

        @Override
        public InputStatus pollNext(ReaderOutput<Long> output) {
            RangeSplit current = splits.peek();
            if (current == null) {
                if (noMoreSplits) {
                    return InputStatus.END_OF_INPUT;
                }
                if (!requested) {
                    requested = true;
                    ctx.sendSplitRequest();
                }
                return InputStatus.NOTHING_AVAILABLE;
            }
            output.collect(current.next, current.next * 10);
            emitted.incrementAndGet();
            if (++current.next == current.end) {
                splits.poll();
            }
            return InputStatus.MORE_AVAILABLE;
        }

        @Override
        public List<RangeSplit> snapshotState(long checkpointId) {
            List<RangeSplit> copy = new ArrayList<>();
            for (RangeSplit s : splits) {
                copy.add(s.copy());
            }
            note(counter, "snapshot " + checkpointId);
            return copy;
        }

        @Override
        public CompletableFuture<Void> isAvailable() {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void addSplits(List<RangeSplit> added) {
            splits.addAll(added);
            requested = false;
        }

        @Override
        public void notifyNoMoreSplits() {
            noMoreSplits = true;
        }

        @Override
        public void close() {
        }
    }
}
