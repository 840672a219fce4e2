package io.sluice.datastream.runtime.source;

import io.sluice.api.common.eventtime.Watermark;
import io.sluice.api.connector.source.ReaderOutput;
import io.sluice.api.connector.source.SourceEvent;
import io.sluice.api.connector.source.SourceOutput;
import io.sluice.api.connector.source.SourceReaderContext;
import io.sluice.api.connector.source.SourceSplit;
import io.sluice.configuration.Configuration;
import io.sluice.core.io.InputStatus;
import io.sluice.core.io.SimpleVersionedSerializer;
import io.sluice.datastream.runtime.BatchBuilder;
import io.sluice.datastream.runtime.RecordBatches;
import io.sluice.runtime.connector.ReadStatus;
import io.sluice.runtime.connector.ReaderContext;
import io.sluice.runtime.connector.SourceReader;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.state.keyed.StateSerializer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One parallel instance of a custom source: runs the user's {@code SourceReader} on the task thread, hands it what
 * the enumerator assigned, and writes what it collects into record batches (a batch per poll at most).
 *
 * <p>Watermark alignment ({@code WatermarkStrategy.withWatermarkAlignment}): the reader joins its group and reports
 * the watermark it emitted after every poll; before a poll it reads the group's largest allowed watermark (the
 * smallest of the group plus the drift). A reader whose watermark is beyond that does not poll its reader (it stays
 * active, not idle); a split whose watermark is beyond it is paused with {@code pauseOrResumeSplits} and resumed
 * when the group caught up (a reader without that method is only paused as a whole). With alignment a poll takes at
 * most {@link #ALIGNED_POLL_RECORDS} records, so a reader overshoots the allowed watermark by that many at most.
 *
 * <p>Position: the splits of the reader's snapshot (including those the enumerator assigned before its own
 * snapshot of the same checkpoint), whether "no more splits" was signalled, and (on the first reader) the
 * enumerator's state, each in its serializer's versioned form.
 */
final class SplitSourceReader<T, SplitT extends SourceSplit, EnumT> implements SourceReader,
        io.sluice.runtime.state.CheckpointCompletionListener {
    /** The records one poll takes at most when the source is aligned. */
    static final int ALIGNED_POLL_RECORDS = 100;
    private final ReaderContext context;
    private final SourceCoordinator<T, SplitT, EnumT> coordinator;
    private final StateSerializer<T> serializer;
    private final int subtask;
    private io.sluice.api.connector.source.SourceReader<T, SplitT> reader;
    private final List<SplitT> restoredSplits = new ArrayList<>();
    private boolean restoredNoMoreSplits;
    /** Whether the reader was told that no more splits come. */
    private boolean noMoreSplitsSignalled;
    private final RecordOutput output = new RecordOutput();
    private BatchBuilder batches;
    /** Copies what the reader emits: the batches keep the records as objects ({@link BatchBuilder}). */
    private io.sluice.datastream.runtime.RecordCopier copier;
    private Output current;
    private boolean ended;
    /** Snapshots this reader has taken in this run: its next one is that of checkpoint {@code snapshots + 1}. */
    private long snapshots;
    /** The id of the checkpoint the next snapshot is for (from the runtime), or 0 when unknown. */
    private long checkpointId;

    /** Assigns timestamps and generates watermarks per output (null: the records keep the source's timestamps). */
    private final io.sluice.api.common.eventtime.WatermarkStrategy<T> strategy;

    /** The alignment of the strategy (disabled without one). */
    private final io.sluice.api.common.eventtime.WatermarkAlignmentParams alignment;
    /** This reader's name in its alignment group. */
    private final String member;
    /** The alignment group this reader joined on open, or null. */
    private WatermarkAlignmentGroup group;
    /** The splits this reader paused for alignment. */
    private final java.util.Set<String> pausedSplits = new java.util.HashSet<>();
    /** Whether the reader refused {@code pauseOrResumeSplits}: it is then aligned as a whole only. */
    private boolean splitPausingUnsupported;
    /** Since when (wall clock) the reader has had no output taking part in its watermark, or -1. */
    private long withoutOutputsSince = -1;

    SplitSourceReader(ReaderContext context, SourceCoordinator<T, SplitT, EnumT> coordinator,
            StateSerializer<T> serializer, io.sluice.api.common.eventtime.WatermarkStrategy<T> strategy,
            String member) {
        this.strategy = strategy;
        this.alignment = strategy == null
                ? io.sluice.api.common.eventtime.WatermarkAlignmentParams.WATERMARK_ALIGNMENT_DISABLED
                : strategy.getAlignmentParameters();
        this.member = member;
        this.context = context;
        this.coordinator = coordinator;
        this.serializer = serializer;
        this.subtask = context.subtaskIndex();
    }

    @Override
    public void open() throws Exception {
        reader = coordinator.source().createReader(new Context());
        if (!restoredSplits.isEmpty()) {
            reader.addSplits(new ArrayList<>(restoredSplits));
        }
        coordinator.registerReader(subtask);
        if (alignment.isEnabled()) {
            group = WatermarkAlignmentGroup.join(context.config(), alignment.getWatermarkGroup(), member);
        }
        reader.start();
        if (restoredNoMoreSplits) {
            noMoreSplitsSignalled = true;
            reader.notifyNoMoreSplits();
        }
        copier = new io.sluice.datastream.runtime.RecordCopier(serializer);
        batches = new BatchBuilder(context.allocator(), context.batchSize(), new Output() {
            @Override
            public void emit(io.sluice.runtime.data.RowBatch batch) throws Exception {
                current.emit(batch);
            }

            @Override
            public void emitWatermark(long watermark) throws Exception {
                current.emitWatermark(watermark);
            }
        }, true);
    }

    @Override
    public ReadStatus pollNext(Output out) throws Exception {
        current = out;
        if (ended) {
            return ReadStatus.END_OF_INPUT;
        }
        SourceCoordinator.Mailbox<SplitT> box = coordinator.take(subtask, snapshots);
        if (box != null) {
            handOver(box);
        }
        int limit = context.batchSize();
        if (group != null) {
            limit = Math.min(limit, ALIGNED_POLL_RECORDS);
            if (!aligned()) {
                return ReadStatus.NOTHING_AVAILABLE;
            }
        }
        InputStatus status = InputStatus.MORE_AVAILABLE;
        for (int calls = 0; output.collected < limit && calls < 2 * limit; calls++) {
            status = reader.pollNext(output);
            if (status != InputStatus.MORE_AVAILABLE) {
                break;
            }
        }
        output.collected = 0;
        output.periodicEmit();
        batches.flush();
        if (group != null) {
            group.report(member, status == InputStatus.END_OF_INPUT ? Long.MAX_VALUE : alignedWatermark());
        }
        switch (status) {
            case END_OF_INPUT:
                ended = true;
                return ReadStatus.END_OF_INPUT;
            case NOTHING_AVAILABLE:
                return ReadStatus.NOTHING_AVAILABLE;
            default:
                return ReadStatus.MORE_AVAILABLE;
        }
    }

    /**
     * The watermark this reader holds its group at: none ({@code Long.MAX_VALUE}) when it is idle, or when it has had
     * no output emitting records or watermarks for the group's update interval (a reader without splits, when the
     * source has fewer splits than readers, would otherwise hold the group back for good); else what it emitted.
     */
    private long alignedWatermark() {
        if (output.idle()) {
            return Long.MAX_VALUE;
        }
        if (!output.hasParticipants()) {
            long now = System.currentTimeMillis();
            if (withoutOutputsSince < 0) {
                withoutOutputsSince = now;
            }
            if (now - withoutOutputsSince >= alignment.getUpdateInterval()) {
                return Long.MAX_VALUE;
            }
        } else {
            withoutOutputsSince = -1;
        }
        return output.emitted;
    }

    /**
     * Pauses and resumes splits against the group's allowed watermark; false when the reader as a whole is ahead of
     * it and is not to be polled now.
     */
    private boolean aligned() {
        group.report(member, alignedWatermark());
        long allowed = group.maxAllowedWatermark(alignment.getMaxAllowedWatermarkDrift());
        if (!splitPausingUnsupported) {
            java.util.Set<String> ahead = output.splitsAhead(allowed);
            List<String> toPause = new ArrayList<>();
            for (String id : ahead) {
                if (!pausedSplits.contains(id)) {
                    toPause.add(id);
                }
            }
            List<String> toResume = new ArrayList<>();
            for (String id : pausedSplits) {
                if (!ahead.contains(id)) {
                    toResume.add(id);
                }
            }
            if (!toPause.isEmpty() || !toResume.isEmpty()) {
                try {
                    reader.pauseOrResumeSplits(toPause, toResume);
                    pausedSplits.addAll(toPause);
                    pausedSplits.removeAll(toResume);
                } catch (UnsupportedOperationException e) {
                    splitPausingUnsupported = true;
                    pausedSplits.clear();
                }
            }
        }
        return output.emitted <= allowed;
    }

    @Override
    public void prepareSnapshot(long id) {
        checkpointId = id;
    }

    /** A checkpoint completed: the reader hears it, and the enumerator once (from whichever reader is first). */
    @Override
    public void notifyCheckpointComplete(long id) throws Exception {
        reader.notifyCheckpointComplete(id);
        coordinator.notifyCheckpointComplete(id);
    }

    /** A checkpoint was aborted: the reader hears it, and the enumerator once. */
    @Override
    public void notifyCheckpointAborted(long id) throws Exception {
        reader.notifyCheckpointAborted(id);
        coordinator.notifyCheckpointAborted(id);
    }

    @Override
    public byte[] snapshotPosition() throws Exception {
        synchronized (coordinator) {
            long id = snapshots + 1;
            // the enumerator's state of this checkpoint first (unless another reader got here before): what it
            // sent before that is handed over now, so that the reader's snapshot has it; what it sends after
            // comes after this snapshot
            long checkpoint = checkpointId > 0 ? checkpointId : id;
            byte[] enumeratorState = coordinator.enumeratorState(id, checkpoint, subtask != 0);
            SourceCoordinator.Mailbox<SplitT> box = coordinator.take(subtask, snapshots);
            if (box != null) {
                handOver(box);
            }
            snapshots = id;
            List<SplitT> splits = new ArrayList<>(reader.snapshotState(checkpoint));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            SimpleVersionedSerializer<SplitT> splitSerializer = coordinator.source().getSplitSerializer();
            out.writeInt(splits.size());
            for (SplitT s : splits) {
                writeVersioned(splitSerializer.getVersion(), splitSerializer.serialize(s), out);
            }
            out.writeBoolean(noMoreSplitsSignalled);
            boolean withEnumerator = subtask == 0;
            out.writeBoolean(withEnumerator);
            if (withEnumerator) {
                writeVersioned(coordinator.enumeratorStateVersion(), enumeratorState, out);
            }
            out.flush();
            return bytes.toByteArray();
        }
    }

    /** Hands what the enumerator sent over to the reader now (so that its snapshot includes it). */
    private void handOver(SourceCoordinator.Mailbox<SplitT> box) {
        if (!box.splits.isEmpty()) {
            reader.addSplits(box.splits);
        }
        if (box.noMoreSplits) {
            noMoreSplitsSignalled = true;
            reader.notifyNoMoreSplits();
        }
        for (SourceEvent e : box.events) {
            reader.handleSourceEvents(e);
        }
    }

    private static void writeVersioned(int version, byte[] bytes, DataOutputStream out) throws IOException {
        out.writeInt(version);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static byte[] readVersioned(DataInputStream in, int[] version) throws IOException {
        version[0] = in.readInt();
        byte[] b = new byte[in.readInt()];
        in.readFully(b);
        return b;
    }

    /** Reads a position: adds its splits to the restored ones; restores the enumerator when it has its state. */
    private void restoreFrom(byte[] position, boolean restoreEnumerator) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(position));
        SimpleVersionedSerializer<SplitT> splitSerializer = coordinator.source().getSplitSerializer();
        int[] version = new int[1];
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            byte[] b = readVersioned(in, version);
            restoredSplits.add(splitSerializer.deserialize(version[0], b));
        }
        restoredNoMoreSplits = in.readBoolean();
        if (in.readBoolean()) {
            byte[] b = readVersioned(in, version);
            if (restoreEnumerator) {
                coordinator.restoreEnumerator(coordinator.source().getEnumeratorCheckpointSerializer()
                        .deserialize(version[0], b));
            }
        }
    }

    @Override
    public void restorePosition(byte[] position) throws Exception {
        restoreFrom(position, subtask == 0);
    }

    /**
     * At another parallelism: the splits of all earlier readers are dealt out evenly (split {@code j} of their
     * concatenation goes to reader {@code j mod n}), as Flink redistributes a source's reader state; the first
     * reader restores the enumerator. No reader is told "no more splits": the enumerator signals that again.
     */
    @Override
    public void restoreRescaledPositions(List<byte[]> positions) throws Exception {
        List<SplitT> all = new ArrayList<>();
        for (byte[] p : positions) {
            restoredSplits.clear();
            restoreFrom(p, subtask == 0);
            all.addAll(restoredSplits);
        }
        restoredSplits.clear();
        for (int j = 0; j < all.size(); j++) {
            if (j % context.parallelism() == subtask) {
                restoredSplits.add(all.get(j));
            }
        }
        restoredNoMoreSplits = false;
    }

    @Override
    public void close() throws Exception {
        try {
            if (group != null) {
                group.leave(member);
            }
            if (reader != null) {
                reader.close();
            }
            if (batches != null) {
                batches.close();
            }
        } finally {
            coordinator.readerClosed();
        }
    }

    /** The reader's output: records into the batch (with their timestamps), watermarks after the batch so far. */
    /**
     * The reader's output. With outputs per split ({@code createOutputForSplit}) the reader's watermark is the
     * smallest of the watermarks of its active outputs: each split output and, once it emitted a watermark or was
     * marked, the reader's own output. An output marked idle does not hold the watermark back until it emits again
     * or is marked active; when every output is idle, the reader is idle ({@link #isIdle}), and the operators
     * downstream stop waiting for its watermark.
     */
    private final class RecordOutput implements ReaderOutput<T> {
        int collected;
        private final Progress main = new Progress(false);
        private final Map<String, SplitOutput> splitOutputs = new java.util.LinkedHashMap<>();
        /** The reader's watermark: the largest it emitted. */
        long emitted = Long.MIN_VALUE;

        @Override
        public void collect(T record) {
            collect(record, RecordBatches.NO_TIMESTAMP);
        }

        /** The main output's generator (with a strategy), made when it gets its first record. */
        private Generated mainGenerated;

        @Override
        public void collect(T record, long timestamp) {
            main.idle = false;
            if (strategy != null) {
                if (mainGenerated == null) {
                    main.participates = true;
                    mainGenerated = new Generated(main);
                }
                mainGenerated.collect(record, timestamp);
                return;
            }
            add(record, timestamp);
        }

        /** Lets every generator emit its periodic watermark (after each poll of the reader). */
        void periodicEmit() {
            if (strategy == null) {
                return;
            }
            if (mainGenerated != null) {
                mainGenerated.generator.onPeriodicEmit(mainGenerated);
            }
            for (SplitOutput o : splitOutputs.values()) {
                o.generated.generator.onPeriodicEmit(o.generated);
            }
        }

        /**
         * The timestamp assigner and watermark generator of one output: records get the assigned timestamp, the
         * generated watermarks and idleness are that output's.
         */
        private final class Generated implements io.sluice.api.common.eventtime.WatermarkOutput {
            final io.sluice.api.common.eventtime.TimestampAssigner<T> assigner;
            final io.sluice.api.common.eventtime.WatermarkGenerator<T> generator;
            final Progress progress;

            Generated(Progress progress) {
                this.progress = progress;
                this.assigner = strategy.createTimestampAssigner(
                        new io.sluice.api.common.eventtime.TimestampAssignerSupplier.Context() { });
                this.generator = strategy.createWatermarkGenerator(
                        new io.sluice.api.common.eventtime.WatermarkGeneratorSupplier.Context() { });
            }

            void collect(T record, long sourceTimestamp) {
                long ts = assigner.extractTimestamp(record, sourceTimestamp);
                add(record, ts);
                generator.onEvent(record, ts, this);
            }

            @Override
            public void emitWatermark(Watermark watermark) {
                progress.idle = false;
                progress.watermark = Math.max(progress.watermark, watermark.getTimestamp());
                advance();
            }

            @Override
            public void markIdle() {
                progress.idle = true;
                advance();
            }

            @Override
            public void markActive() {
                progress.idle = false;
            }
        }

        @SuppressWarnings("unchecked")
        void add(T record, long timestamp) {
            try {
                batches.add(serializer, (T) copier.copy(record), timestamp, false, 0, 0);
            } catch (Exception e) {
                throw new IllegalStateException("Cannot emit a record of the custom source: " + e.getMessage(), e);
            }
            collected++;
        }

        @Override
        public void emitWatermark(Watermark watermark) {
            main.participates = true;
            main.idle = false;
            main.watermark = Math.max(main.watermark, watermark.getTimestamp());
            advance();
        }

        @Override
        public void markIdle() {
            main.participates = true;
            main.idle = true;
            advance();
        }

        @Override
        public void markActive() {
            main.idle = false;
        }

        @Override
        public SourceOutput<T> createOutputForSplit(String splitId) {
            return splitOutputs.computeIfAbsent(splitId, id -> new SplitOutput());
        }

        @Override
        public void releaseOutputForSplit(String splitId) {
            splitOutputs.remove(splitId);
            pausedSplits.remove(splitId);
            advance();
        }

        /** The splits whose active outputs have a watermark beyond {@code allowed}. */
        java.util.Set<String> splitsAhead(long allowed) {
            java.util.Set<String> ahead = new java.util.HashSet<>();
            for (Map.Entry<String, SplitOutput> e : splitOutputs.entrySet()) {
                Progress p = e.getValue().progress;
                if (!p.idle && p.watermark > allowed) {
                    ahead.add(e.getKey());
                }
            }
            return ahead;
        }

        /** Whether some output takes part in the reader's watermark. */
        boolean hasParticipants() {
            return !participants().isEmpty();
        }

        /** Whether every output that takes part is idle (and some does). */
        boolean idle() {
            boolean any = false;
            for (Progress p : participants()) {
                if (!p.idle) {
                    return false;
                }
                any = true;
            }
            return any;
        }

        private List<Progress> participants() {
            List<Progress> all = new ArrayList<>();
            if (main.participates) {
                all.add(main);
            }
            for (SplitOutput o : splitOutputs.values()) {
                all.add(o.progress);
            }
            return all;
        }

        /** Emits the smallest watermark of the active outputs when it is larger than the last one emitted. */
        private void advance() {
            long min = Long.MAX_VALUE;
            boolean active = false;
            for (Progress p : participants()) {
                if (!p.idle) {
                    min = Math.min(min, p.watermark);
                    active = true;
                }
            }
            if (active && min > emitted) {
                emitted = min;
                try {
                    batches.watermark(min);
                } catch (Exception e) {
                    throw new IllegalStateException("Cannot emit a watermark of the custom source: "
                            + e.getMessage(), e);
                }
            }
        }

        /** The output of one split: its records go with the reader's, its watermark and idleness are its own. */
        private final class SplitOutput implements SourceOutput<T> {
            final Progress progress = new Progress(true);
            /** The split's own timestamp assigner and watermark generator (with a strategy), else null. */
            final Generated generated = strategy == null ? null : new Generated(progress);

            @Override
            public void collect(T record) {
                collect(record, RecordBatches.NO_TIMESTAMP);
            }

            @Override
            public void collect(T record, long timestamp) {
                progress.idle = false;
                if (generated != null) {
                    generated.collect(record, timestamp);
                } else {
                    add(record, timestamp);
                }
            }

            @Override
            public void emitWatermark(Watermark watermark) {
                progress.idle = false;
                progress.watermark = Math.max(progress.watermark, watermark.getTimestamp());
                advance();
            }

            @Override
            public void markIdle() {
                progress.idle = true;
                advance();
            }

            @Override
            public void markActive() {
                progress.idle = false;
            }
        }
    }

    /** The watermark and idleness of one output of the reader. */
    private static final class Progress {
        long watermark = Long.MIN_VALUE;
        boolean idle;
        boolean participates;

        Progress(boolean participates) {
            this.participates = participates;
        }
    }

    @Override
    public boolean isIdle() {
        return output.idle();
    }

    /** The reader's view of its instance and of the enumerator. */
    private final class Context implements SourceReaderContext {
        @Override
        public Configuration getConfiguration() {
            Configuration c = new Configuration();
            for (Map.Entry<String, String> e : context.config().toMap().entrySet()) {
                c.setString(e.getKey(), e.getValue());
            }
            return c;
        }

        @Override
        public String getLocalHostName() {
            return "localhost";
        }

        @Override
        public int getIndexOfSubtask() {
            return subtask;
        }

        @Override
        public void sendSplitRequest() {
            coordinator.handleSplitRequest(subtask);
        }

        @Override
        public void sendSourceEventToCoordinator(SourceEvent sourceEvent) {
            coordinator.handleSourceEvent(subtask, sourceEvent);
        }

        @Override
        public int currentParallelism() {
            return context.parallelism();
        }
    }
}
