package io.sluice.datastream.runtime.source;

import io.sluice.runtime.connector.ChangelogMode;
import io.sluice.runtime.connector.ReadStatus;
import io.sluice.runtime.connector.ReaderContext;
import io.sluice.runtime.connector.ScanTableSource;
import io.sluice.runtime.connector.SourceReader;
import io.sluice.runtime.state.CheckpointCompletionListener;
import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.operator.Output;
import java.time.Duration;
import java.util.List;

/**
 * A source whose instances report themselves idle ({@link SourceReader#isIdle}) after {@code idleTimeout} without
 * emitting a record ({@code WatermarkStrategy.withIdleness}): the executor then leaves their channels out of the
 * watermark downstream until they emit records again.
 */
public final class IdleTimeoutScan implements ScanTableSource {
    private final ScanTableSource source;
    private final long idleTimeoutMillis;

    public IdleTimeoutScan(ScanTableSource source, Duration idleTimeout) {
        this.source = source;
        this.idleTimeoutMillis = idleTimeout.toMillis();
    }

    @Override
    public boolean isBounded() {
        return source.isBounded();
    }

    @Override
    public ChangelogMode getChangelogMode() {
        return source.getChangelogMode();
    }

    @Override
    public SourceReader createReader(ReaderContext context) {
        return new Reader(source.createReader(context), idleTimeoutMillis);
    }

    @Override
    public String describe() {
        return source.describe();
    }

    /** The wrapped reader, with the time of its last record. */
    private static final class Reader implements SourceReader, CheckpointCompletionListener {
        private final SourceReader reader;
        private final long idleTimeoutMillis;
        private long lastRecordMillis;
        private Output downstream;
        private final Output counting = new Output() {
            @Override
            public void emit(RowBatch batch) throws Exception {
                if (batch.rowCount() > 0) {
                    lastRecordMillis = System.currentTimeMillis();
                }
                downstream.emit(batch);
            }

            @Override
            public void emitWatermark(long watermark) throws Exception {
                downstream.emitWatermark(watermark);
            }
        };

        Reader(SourceReader reader, long idleTimeoutMillis) {
            this.reader = reader;
            this.idleTimeoutMillis = idleTimeoutMillis;
        }

        @Override
        public void open() throws Exception {
            lastRecordMillis = System.currentTimeMillis();
            reader.open();
        }

        @Override
        public ReadStatus pollNext(Output output) throws Exception {
            downstream = output;
            return reader.pollNext(counting);
        }

        @Override
        public boolean isIdle() {
            return reader.isIdle() || System.currentTimeMillis() - lastRecordMillis >= idleTimeoutMillis;
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
        public long skippedBadRecords() {
            return reader.skippedBadRecords();
        }

        @Override
        public void close() throws Exception {
            reader.close();
        }
    }
}
