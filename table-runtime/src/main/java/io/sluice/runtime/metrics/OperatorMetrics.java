package io.sluice.runtime.metrics;

import io.sluice.runtime.connector.ReadStatus;
import io.sluice.runtime.connector.SourceReader;
import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.operator.StreamOperator;

/**
 * The metrics of one operator instance (one subtask of a vertex), named as Flink names them: records and bytes in
 * and out, busy and back-pressured time, input and output watermark, late records dropped, state size at the latest
 * checkpoint, and a source's pending records where its reader knows them.
 *
 * <p><b>Threads.</b> Only the instance's task thread writes (through the {@code process...}, {@code poll} and
 * {@code emit} wrappers the executors call instead of calling the operator directly); any thread may read. Every
 * count moves once per batch, not per row.
 *
 * <p><b>Busy time</b> is the time spent inside the operator's own methods, without the time its output spent
 * handing batches downstream (chained operators count their own time), and without time blocked on a full exchange
 * queue, which is <b>back-pressured time</b>.
 */
public final class OperatorMetrics {
    /** No watermark yet. */
    public static final long NO_WATERMARK = Long.MIN_VALUE;

    private final int vertexIndex;
    private final String vertexName;
    private final int subtask;
    private final int parallelism;
    private final boolean source;

    private volatile long recordsIn;
    private volatile long bytesIn;
    private volatile long recordsOut;
    private volatile long bytesOut;
    private volatile long busyNanos;
    private volatile long backPressuredNanos;
    /** Time spent in the output's emit (downstream work), subtracted from busy time. */
    private long emitNanos;
    private volatile long inputWatermark = NO_WATERMARK;
    private volatile long outputWatermark = NO_WATERMARK;
    private volatile long lateRecordsDropped;
    private volatile long lateRecordsRouted;
    private volatile long badRecordsRouted;
    private volatile long stateSize = -1;
    private volatile SourceReader reader;
    private final UserMetricGroup userMetrics = new UserMetricGroup();

    private final RateMeter recordsInRate = new RateMeter();
    private final RateMeter recordsOutRate = new RateMeter();
    private final RateMeter bytesInRate = new RateMeter();
    private final RateMeter bytesOutRate = new RateMeter();
    private final RateMeter busyRate = new RateMeter();
    private final RateMeter backPressureRate = new RateMeter();

    /** Metrics of subtask {@code subtask} (0-based) of vertex {@code vertexIndex} named {@code vertexName}. */
    public OperatorMetrics(int vertexIndex, String vertexName, int subtask, int parallelism, boolean source) {
        this.vertexIndex = vertexIndex;
        this.vertexName = vertexName;
        this.subtask = subtask;
        this.parallelism = parallelism;
        this.source = source;
    }

    /** Metrics that belong to no job, for operators opened outside an executor (tests, tools). */
    public static OperatorMetrics detached(String name) {
        return new OperatorMetrics(-1, name, 0, 1, false);
    }

    // ---------------------------------------------------------------- wrappers the executors call

    /** Hands {@code batch} to {@code operator}, counting its records and bytes in and the busy time. */
    public void processBatch(StreamOperator operator, int input, RowBatch batch) throws Exception {
        recordsIn += batch.rowCount();
        bytesIn += batch.sizeInBytes();
        long emitted = emitNanos;
        long start = System.nanoTime();
        try {
            operator.processBatch(input, batch);
        } finally {
            busyNanos += System.nanoTime() - start - (emitNanos - emitted);
        }
    }

    /** Hands the combined input watermark to {@code operator}, recording it as the current input watermark. */
    public void processWatermark(StreamOperator operator, int input, long watermark, Output output)
            throws Exception {
        if (watermark > inputWatermark) {
            inputWatermark = watermark;
        }
        long emitted = emitNanos;
        long start = System.nanoTime();
        try {
            operator.processWatermark(input, watermark, output);
        } finally {
            busyNanos += System.nanoTime() - start - (emitNanos - emitted);
        }
    }

    /** Calls {@code operator.onProcessingTime}, counting the busy time. */
    public void onProcessingTime(StreamOperator operator, long now, Output output) throws Exception {
        long emitted = emitNanos;
        long start = System.nanoTime();
        try {
            operator.onProcessingTime(now, output);
        } finally {
            busyNanos += System.nanoTime() - start - (emitNanos - emitted);
        }
    }

    /** Polls a source reader, counting the busy time (what it emits is counted by {@link #beginEmit}). */
    public ReadStatus pollNext(SourceReader reader, Output output) throws Exception {
        this.reader = reader;
        long emitted = emitNanos;
        long start = System.nanoTime();
        try {
            return reader.pollNext(output);
        } finally {
            busyNanos += System.nanoTime() - start - (emitNanos - emitted);
        }
    }

    /**
     * The operator emits {@code batch}: counts its records and bytes out (and in, for a source, as Flink's sources
     * count them); returns the start time to give {@link #endEmit}.
     */
    public long beginEmit(RowBatch batch) {
        int rows = batch.rowCount();
        long bytes = batch.sizeInBytes();
        recordsOut += rows;
        bytesOut += bytes;
        if (source) {
            recordsIn += rows;
            bytesIn += bytes;
        }
        return System.nanoTime();
    }

    /** The batch begun at {@code start} has been handed downstream. */
    public void endEmit(long start) {
        emitNanos += System.nanoTime() - start;
    }

    /** The operator emitted a watermark. */
    public void emitWatermark(long watermark) {
        if (watermark > outputWatermark) {
            outputWatermark = watermark;
        }
    }

    /** Time the task thread was blocked because a consumer's queue was full. */
    public void addBackPressuredNanos(long nanos) {
        backPressuredNanos += nanos;
    }

    /** An operator dropped {@code rows} late rows (for {@code numLateRecordsDropped}). */
    public void lateRecordsDropped(long rows) {
        lateRecordsDropped += rows;
    }

    /**
     * Of the late rows counted by {@link #lateRecordsDropped}, {@code rows} were handed to the job's late-rows
     * table instead of being lost (for {@code numLateRecordsRouted}, a Sluice addition).
     */
    public void lateRecordsRouted(long rows) {
        lateRecordsRouted += rows;
    }

    /**
     * A source handed {@code records} records its format could not decode to the table's bad-records table (for
     * {@code numBadRecordsRouted}, a Sluice addition).
     */
    public void badRecordsRouted(long records) {
        badRecordsRouted += records;
    }

    /** The size of the instance's state in the latest checkpoint. */
    public void recordStateSize(long bytes) {
        stateSize = bytes;
    }

    /**
     * The user-defined metrics of this instance (what functions register through
     * {@code FunctionContext.getMetricGroup()}); the same group across restarts.
     */
    public UserMetricGroup userMetricGroup() {
        return userMetrics;
    }

    // ---------------------------------------------------------------- reading

    public int vertexIndex() {
        return vertexIndex;
    }

    public String vertexName() {
        return vertexName;
    }

    public int subtask() {
        return subtask;
    }

    public int parallelism() {
        return parallelism;
    }

    public boolean isSource() {
        return source;
    }

    public long numRecordsIn() {
        return recordsIn;
    }

    public long numRecordsOut() {
        return recordsOut;
    }

    public long numBytesIn() {
        return bytesIn;
    }

    public long numBytesOut() {
        return bytesOut;
    }

    public double numRecordsInPerSecond() {
        return recordsInRate.rate(recordsIn, 1);
    }

    public double numRecordsOutPerSecond() {
        return recordsOutRate.rate(recordsOut, 1);
    }

    public double numBytesInPerSecond() {
        return bytesInRate.rate(bytesIn, 1);
    }

    public double numBytesOutPerSecond() {
        return bytesOutRate.rate(bytesOut, 1);
    }

    /** Total busy time in milliseconds. */
    public long accumulatedBusyTimeMs() {
        return Math.max(0, busyNanos) / 1_000_000;
    }

    /** Total back-pressured time in milliseconds. */
    public long accumulatedBackPressuredTimeMs() {
        return backPressuredNanos / 1_000_000;
    }

    /** Milliseconds per second spent busy (0 to 1000). */
    public double busyTimeMsPerSecond() {
        return clamp(busyRate.rate(Math.max(0, busyNanos), 1e-6));
    }

    /** Milliseconds per second spent blocked on a full exchange queue (0 to 1000). */
    public double backPressuredTimeMsPerSecond() {
        return clamp(backPressureRate.rate(backPressuredNanos, 1e-6));
    }

    /** Milliseconds per second neither busy nor back-pressured. */
    public double idleTimeMsPerSecond() {
        return clamp(1000 - busyTimeMsPerSecond() - backPressuredTimeMsPerSecond());
    }

    private static double clamp(double ms) {
        return Math.max(0, Math.min(1000, ms));
    }

    /** The combined watermark of the inputs, or {@link #NO_WATERMARK}. */
    public long currentInputWatermark() {
        return inputWatermark;
    }

    /** The latest watermark emitted, or {@link #NO_WATERMARK}. */
    public long currentOutputWatermark() {
        return outputWatermark;
    }

    /**
     * How far the input watermark (for a source: the output watermark) lags behind the wall clock, in
     * milliseconds; -1 without a watermark.
     */
    public long watermarkLag() {
        long w = source ? outputWatermark : inputWatermark;
        if (w == NO_WATERMARK || w == Long.MAX_VALUE) {
            return -1;
        }
        return Math.max(0, System.currentTimeMillis() - w);
    }

    public long numLateRecordsDropped() {
        return lateRecordsDropped;
    }

    /** Late rows written to the job's late-rows table (a subset of {@link #numLateRecordsDropped}). */
    public long numLateRecordsRouted() {
        return lateRecordsRouted;
    }

    /** Records a source could not decode and wrote to its bad-records table (a Sluice addition). */
    public long numBadRecordsRouted() {
        return badRecordsRouted;
    }

    /**
     * Records a source could not decode and skipped ({@code <format>.ignore-parse-errors}), where its reader counts
     * them; else 0 (a Sluice addition).
     */
    public long numBadRecordsSkipped() {
        SourceReader r = reader;
        return r == null ? 0 : r.skippedBadRecords();
    }

    /** Bytes of state in the latest checkpoint; -1 before the first. */
    public long stateSize() {
        return stateSize;
    }

    /** Records the source has yet to read, where its reader knows it; else -1. */
    public long pendingRecords() {
        SourceReader r = reader;
        return r == null ? -1 : r.pendingRecords();
    }
}
