package io.sluice.runtime.operator.window;

import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.operator.OperatorContext;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.operator.StreamOperator;
import io.sluice.runtime.operator.aggregate.AggregateSpec;
import io.sluice.runtime.operator.aggregate.HashAggregateOperator;
import io.sluice.runtime.operator.aggregate.SharedUserAggregates;
import io.sluice.runtime.state.KeyOwnership;
import io.sluice.runtime.state.RescalableOperator;
import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateWriter;
import io.sluice.runtime.types.RowType;
import java.io.IOException;
import java.util.List;

/**
 * SESSION window aggregation in one operator: {@code GROUP BY k, window_start, window_end} over
 * {@code TABLE(SESSION(TABLE t PARTITION BY k, ...))}, where the group keys include every partition key.
 *
 * <p>A {@link SessionWindowOperator} keeps the rows of the open sessions and, when the watermark closes sessions,
 * hands all their rows over at once (before it forwards the watermark). Each such firing is aggregated by one
 * hash aggregation over the group keys (which include {@code window_start} and {@code window_end}) and emitted as
 * one batch, one insert-only row per session and group. A session's rows all come in one firing and its groups
 * stay on one parallel instance (the input is hash-distributed on the partition keys, which are group keys), so
 * every group is complete when it is emitted. The separate window aggregation this replaces kept a hash
 * aggregation per distinct window end, which for sessions meant one per session, and emitted a batch per session.
 *
 * <p><b>Streaming semantics:</b> insert-only input and output; state is the session operator's (the rows of the
 * open sessions and the watermark): the aggregation holds nothing between calls, so checkpoints and rescaled
 * restores are the session operator's. Late rows are dropped and counted, or routed, as there. With
 * {@code state.backend.type: rocksdb} the open sessions' rows live in the keyed-state backend (see
 * {@link SessionWindowOperator}); only the groups of one firing are on the heap.
 */
public final class SessionWindowAggregateOperator implements StreamOperator, RescalableOperator {
    private final SessionWindowOperator sessions;
    private final RowType sessionRowType;
    private final int[] groupFields;
    private final List<AggregateSpec> aggregates;
    private final RowType outputType;

    private OperatorContext context;
    private Output output;
    private SharedUserAggregates userAggregates;
    /** The aggregation of the current firing's rows, or null when no session rows came since the last flush. */
    private HashAggregateOperator firing;

    /**
     * @param inputType the rows of the SESSION function's input
     * @param timeField the time attribute in {@code inputType}
     * @param gapMillis the session gap
     * @param partitionFields the SESSION function's partition keys in {@code inputType}
     * @param sessionRowType {@code inputType} followed by {@code window_start}, {@code window_end}, {@code window_time}
     * @param groupFields the group keys in {@code sessionRowType}, including every partition key and the window
     *     start and end
     * @param aggregates the aggregate calls over {@code sessionRowType}
     * @param outputType the group keys (in {@code groupFields} order) followed by the aggregates
     */
    public SessionWindowAggregateOperator(RowType inputType, int timeField, long gapMillis, int[] partitionFields,
            RowType sessionRowType, int[] groupFields, List<AggregateSpec> aggregates, RowType outputType) {
        this.sessions = new SessionWindowOperator(inputType, timeField, gapMillis, partitionFields, sessionRowType);
        this.sessionRowType = sessionRowType;
        this.groupFields = groupFields.clone();
        this.aggregates = List.copyOf(aggregates);
        this.outputType = outputType;
    }

    @Override
    public void open(OperatorContext context, Output output) throws Exception {
        this.context = context;
        this.output = output;
        this.userAggregates = new SharedUserAggregates();
        sessions.open(context, new FiringOutput(output));
    }

    /** Bytes of state kept in a state backend (on disk for RocksDB), or -1 when the sessions are on the heap. */
    public long backendStateBytes() {
        return sessions.backendStateBytes();
    }

    /** Rows dropped because their session had already closed. */
    public long lateRowsDropped() {
        return sessions.lateRowsDropped();
    }

    @Override
    public void processBatch(int input, RowBatch batch) throws Exception {
        sessions.processBatch(input, batch);
        flush();
    }

    @Override
    public void processWatermark(int input, long watermark, Output out) throws Exception {
        sessions.processWatermark(input, watermark, new FiringOutput(out));
    }

    @Override
    public void endInput(int input) throws Exception {
        sessions.endInput(input);
        flush();
    }

    @Override
    public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
        sessions.prepareSnapshotPreBarrier(checkpointId);
        flush();
    }

    @Override
    public boolean wantsProcessingTime() {
        return sessions.wantsProcessingTime();
    }

    @Override
    public void onProcessingTime(long nowMillis, Output out) throws Exception {
        sessions.onProcessingTime(nowMillis, new FiringOutput(out));
        flush();
    }

    /** Aggregates the rows of closed sessions the session operator emits; emits the results before a watermark. */
    private final class FiringOutput implements Output {
        private final Output downstream;

        FiringOutput(Output downstream) {
            this.downstream = downstream;
        }

        @Override
        public void emit(RowBatch batch) throws Exception {
            if (firing == null) {
                firing = new HashAggregateOperator(sessionRowType, groupFields, aggregates, outputType,
                        userAggregates);
                firing.open(context, output);
            }
            firing.processBatch(0, batch);
        }

        @Override
        public void emitWatermark(long watermark) throws Exception {
            flush();
            downstream.emitWatermark(watermark);
        }
    }

    /** Emits the current firing's groups, if any. */
    private void flush() throws Exception {
        HashAggregateOperator done = firing;
        if (done == null) {
            return;
        }
        firing = null;
        try {
            done.endInput(0);
        } finally {
            done.close();
        }
    }

    @Override
    public void snapshotState(StateWriter out) throws IOException {
        sessions.snapshotState(out);
    }

    @Override
    public void restoreState(StateReader in) throws IOException {
        sessions.restoreState(in);
    }

    @Override
    public void restoreRescaled(List<StateReader> snapshots, KeyOwnership owned) throws IOException {
        sessions.restoreRescaled(snapshots, owned);
    }

    @Override
    public void close() throws Exception {
        try {
            if (firing != null) {
                firing.close();
                firing = null;
            }
            sessions.close();
        } finally {
            if (userAggregates != null) {
                userAggregates.close();
            }
        }
    }
}
