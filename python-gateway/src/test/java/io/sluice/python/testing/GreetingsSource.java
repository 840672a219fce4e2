package io.sluice.python.testing;

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
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A bounded Java source with a no-argument constructor, as the Python tests name it in {@code Source("...")}: the
 * strings "hello", "from", "java" in one split (its state: how many were read).
 */
public final class GreetingsSource implements Source<String, GreetingsSource.Split, Boolean> {
    private static final long serialVersionUID = 1L;
    static final String[] WORDS = {"hello", "from", "java"};

    /** The one split; {@code next} is the reading position. */
    public static final class Split implements SourceSplit {
        int next;

        Split(int next) {
            this.next = next;
        }

        @Override
        public String splitId() {
            return "greetings";
        }
    }

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.BOUNDED;
    }

    @Override
    public SplitEnumerator<Split, Boolean> createEnumerator(SplitEnumeratorContext<Split> ctx) {
        return new Enumerator(ctx, false);
    }

    @Override
    public SplitEnumerator<Split, Boolean> restoreEnumerator(SplitEnumeratorContext<Split> ctx, Boolean assigned) {
        return new Enumerator(ctx, assigned);
    }

    @Override
    public SimpleVersionedSerializer<Split> getSplitSerializer() {
        return new SimpleVersionedSerializer<>() {
            @Override
            public int getVersion() {
                return 1;
            }

            @Override
            public byte[] serialize(Split s) {
                return Integer.toString(s.next).getBytes(StandardCharsets.UTF_8);
            }

            @Override
            public Split deserialize(int version, byte[] b) {
                return new Split(Integer.parseInt(new String(b, StandardCharsets.UTF_8)));
            }
        };
    }

    @Override
    public SimpleVersionedSerializer<Boolean> getEnumeratorCheckpointSerializer() {
        return new SimpleVersionedSerializer<>() {
            @Override
            public int getVersion() {
                return 1;
            }

            @Override
            public byte[] serialize(Boolean assigned) {
                return new byte[] {(byte) (assigned ? 1 : 0)};
            }

            @Override
            public Boolean deserialize(int version, byte[] b) {
                return b[0] == 1;
            }
        };
    }

    @Override
    public SourceReader<String, Split> createReader(SourceReaderContext context) {
        return new Reader(context);
    }

    private static final class Enumerator implements SplitEnumerator<Split, Boolean> {
        private final SplitEnumeratorContext<Split> ctx;
        private boolean assigned;

        Enumerator(SplitEnumeratorContext<Split> ctx, boolean assigned) {
            this.ctx = ctx;
            this.assigned = assigned;
        }

        @Override
        public void start() {
        }

        @Override
        public void handleSplitRequest(int subtaskId, String requesterHostname) {
            if (!assigned) {
                assigned = true;
                ctx.assignSplit(new Split(0), subtaskId);
            }
            ctx.signalNoMoreSplits(subtaskId);
        }

        @Override
        public void addSplitsBack(List<Split> splits, int subtaskId) {
            assigned = false;
        }

        @Override
        public void addReader(int subtaskId) {
        }

        @Override
        public Boolean snapshotState(long checkpointId) {
            return assigned;
        }

        @Override
        public void close() {
        }
    }

    private static final class Reader implements SourceReader<String, Split> {
        private final SourceReaderContext context;
        private final List<Split> splits = new ArrayList<>();
        private boolean noMoreSplits;

        Reader(SourceReaderContext context) {
            this.context = context;
        }

        @Override
        public void start() {
            context.sendSplitRequest();
        }

        @Override
        public InputStatus pollNext(ReaderOutput<String> output) {
            if (!splits.isEmpty()) {
                Split s = splits.get(0);
                if (s.next < WORDS.length) {
                    output.collect(WORDS[s.next++]);
                    return InputStatus.MORE_AVAILABLE;
                }
                splits.remove(0);
            }
            return noMoreSplits && splits.isEmpty() ? InputStatus.END_OF_INPUT : InputStatus.NOTHING_AVAILABLE;
        }

        @Override
        public List<Split> snapshotState(long checkpointId) {
            List<Split> copy = new ArrayList<>();
            for (Split s : splits) {
                copy.add(new Split(s.next));
            }
            return copy;
        }

        @Override
        public CompletableFuture<Void> isAvailable() {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void addSplits(List<Split> newSplits) {
            splits.addAll(newSplits);
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
