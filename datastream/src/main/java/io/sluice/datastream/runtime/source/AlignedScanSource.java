package io.sluice.datastream.runtime.source;

import io.sluice.api.common.eventtime.WatermarkAlignmentParams;
import io.sluice.runtime.connector.ChangelogMode;
import io.sluice.runtime.connector.ReadStatus;
import io.sluice.runtime.connector.ReaderContext;
import io.sluice.runtime.connector.ScanTableSource;
import io.sluice.runtime.connector.SourceReader;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.state.CheckpointCompletionListener;
import java.util.List;

/**
 * One of Sluice's own sources ({@code KafkaSource}, {@code DataGeneratorSource}, {@code FileSource}) in a watermark
 * alignment group: its watermarks are generated right after it ({@link AlignedSourceStrategy}), which reports them
 * for the reader of its instance; a reader whose watermark is more than the drift ahead of the group's smallest does
 * not poll its source until the others catch up. A poll reads a batch, so a reader overshoots by a batch at most.
 * A reader that has emitted no record for the group's update interval since it opened (a Kafka reader without
 * partitions, when the topic has fewer partitions than readers) holds nobody back until its first records.
 */
public final class AlignedScanSource implements ScanTableSource {
    private final ScanTableSource inner;
    private final WatermarkAlignmentParams alignment;
    private final String member;

    public AlignedScanSource(ScanTableSource inner, WatermarkAlignmentParams alignment, String member) {
        this.inner = inner;
        this.alignment = alignment;
        this.member = member;
    }

    @Override
    public boolean isBounded() {
        return inner.isBounded();
    }

    @Override
    public ChangelogMode getChangelogMode() {
        return inner.getChangelogMode();
    }

    @Override
    public SourceReader createReader(ReaderContext context) {
        return new AlignedReader(inner.createReader(context), context, member + "#" + context.subtaskIndex());
    }

    @Override
    public String describe() {
        return inner.describe();
    }

    private final class AlignedReader implements SourceReader, CheckpointCompletionListener {
        private final SourceReader reader;
        private final ReaderContext context;
        private final String name;
        private WatermarkAlignmentGroup group;
        private long openedAt;
        /** Whether the reader emitted records; until then it may stop holding the group back. */
        private boolean emittedRecords;
        /** Whether the reader stopped holding the group back for lack of records. */
        private boolean withoutRecords;
        private Output downstream;
        private final Output counting = new Output() {
            @Override
            public void emit(io.sluice.runtime.data.RowBatch batch) throws Exception {
                if (batch.rowCount() > 0 && !emittedRecords) {
                    emittedRecords = true;
                    if (withoutRecords) {
                        group.report(name, Long.MIN_VALUE); // holds the group again, from its first watermark on
                    }
                }
                downstream.emit(batch);
            }

            @Override
            public void emitWatermark(long watermark) throws Exception {
                downstream.emitWatermark(watermark);
            }
        };

        AlignedReader(SourceReader reader, ReaderContext context, String name) {
            this.reader = reader;
            this.context = context;
            this.name = name;
        }

        @Override
        public void open() throws Exception {
            group = WatermarkAlignmentGroup.join(context.config(), alignment.getWatermarkGroup(), name);
            openedAt = System.currentTimeMillis();
            reader.open();
        }

        @Override
        public ReadStatus pollNext(Output output) throws Exception {
            if (!emittedRecords && !withoutRecords
                    && System.currentTimeMillis() - openedAt >= alignment.getUpdateInterval()) {
                withoutRecords = true;
                group.report(name, Long.MAX_VALUE);
            }
            if (group.isAhead(name, alignment.getMaxAllowedWatermarkDrift())) {
                return ReadStatus.NOTHING_AVAILABLE;
            }
            downstream = output;
            ReadStatus status = reader.pollNext(counting);
            if (status == ReadStatus.END_OF_INPUT) {
                group.report(name, Long.MAX_VALUE);
            }
            return status;
        }

        @Override
        public byte[] snapshotPosition() throws Exception {
            return reader.snapshotPosition();
        }

        @Override
        public void prepareSnapshot(long checkpointId) throws Exception {
            reader.prepareSnapshot(checkpointId);
        }

        @Override
        public void restorePosition(byte[] position) throws Exception {
            reader.restorePosition(position);
        }

        @Override
        public void restoreRescaledPositions(List<byte[]> positions) throws Exception {
            reader.restoreRescaledPositions(positions);
        }

        @Override
        public long pendingRecords() {
            return reader.pendingRecords();
        }

        @Override
        public boolean isIdle() {
            return reader.isIdle();
        }

        @Override
        public long skippedBadRecords() {
            return reader.skippedBadRecords();
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) throws Exception {
            if (reader instanceof CheckpointCompletionListener) {
                ((CheckpointCompletionListener) reader).notifyCheckpointComplete(checkpointId);
            }
        }

        @Override
        public void notifyCheckpointAborted(long checkpointId) throws Exception {
            if (reader instanceof CheckpointCompletionListener) {
                ((CheckpointCompletionListener) reader).notifyCheckpointAborted(checkpointId);
            }
        }

        @Override
        public void close() throws Exception {
            try {
                if (group != null) {
                    group.leave(name);
                }
            } finally {
                reader.close();
            }
        }
    }
}
