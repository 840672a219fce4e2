package io.sluice.datastream.runtime.source;

import io.sluice.connector.datagen.source.GeneratorFunction;
import io.sluice.datastream.runtime.FunctionCopies;
import io.sluice.runtime.connector.ReadStatus;
import io.sluice.runtime.connector.ReaderContext;
import io.sluice.runtime.connector.ScanTableSource;
import io.sluice.runtime.connector.SourceReader;
import io.sluice.runtime.state.CheckpointCompletionListener;
import io.sluice.runtime.state.keyed.StateSerializer;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;

/**
 * Runs a {@code DataGeneratorSource}: instance {@code i} of {@code p} generates a contiguous range of the indexes,
 * at {@code rate / p} records per second when rate-limited per second, or {@code recordsPerCheckpoint / p} records
 * between two completed checkpoints when limited per checkpoint.
 */
public final class GeneratorScanSource<T> implements ScanTableSource {
    private final byte[] function;
    private final long count;
    private final double recordsPerSecond;
    private final int recordsPerCheckpoint;
    private final StateSerializer<T> serializer;

    public GeneratorScanSource(byte[] function, long count, double recordsPerSecond, int recordsPerCheckpoint,
            StateSerializer<T> serializer) {
        this.function = function;
        this.count = count;
        this.recordsPerSecond = recordsPerSecond;
        this.recordsPerCheckpoint = recordsPerCheckpoint;
        this.serializer = serializer;
    }

    @Override
    public boolean isBounded() {
        return count != Long.MAX_VALUE;
    }

    @Override
    public SourceReader createReader(ReaderContext context) {
        int p = context.parallelism();
        int i = context.subtaskIndex();
        long start = count / p * i + Math.min(i, count % p);
        long end = start + count / p + (i < count % p ? 1 : 0);
        if (recordsPerCheckpoint > 0 && recordsPerCheckpoint / p == 0) {
            throw new IllegalArgumentException("recordsPerCheckpoint (" + recordsPerCheckpoint + ") must be greater"
                    + " than or equal to the parallelism (" + p + ")");
        }
        return new GeneratorReader(context, start, end, FunctionCopies.deserialize(function), recordsPerSecond / p,
                recordsPerCheckpoint / p);
    }

    /** Generates the records of one instance's range. */
    private final class GeneratorReader extends RecordReader implements CheckpointCompletionListener {
        private final GeneratorFunction<Long, T> f;
        private final double rate;
        /** Records per checkpoint of this instance; 0 when not limited per checkpoint. */
        private final int perCheckpoint;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final DataOutputStream out = new DataOutputStream(bytes);
        private long startTime = -1;
        /** Records this instance may still emit before the next checkpoint completes. */
        private long gate;

        GeneratorReader(ReaderContext context, long start, long end, GeneratorFunction<Long, T> f, double rate,
                int perCheckpoint) {
            super(context, start, end);
            this.f = f;
            this.rate = rate;
            this.perCheckpoint = perCheckpoint;
            this.gate = perCheckpoint;
        }

        @Override
        byte[] record(long index) throws Exception {
            bytes.reset();
            serializer.serialize(f.map(index), out);
            out.flush();
            return bytes.toByteArray();
        }

        @Override
        public ReadStatus pollNext(io.sluice.runtime.operator.Output output) throws Exception {
            if (perCheckpoint > 0) {
                if (exhausted()) {
                    return ReadStatus.END_OF_INPUT;
                }
                if (gate <= 0) {
                    return ReadStatus.NOTHING_AVAILABLE;
                }
                long before = emittedRecords;
                ReadStatus status = pollUpTo(output, next + gate);
                gate -= emittedRecords - before;
                return status;
            }
            if (Double.isInfinite(rate)) {
                return super.pollNext(output);
            }
            long now = System.currentTimeMillis();
            if (startTime < 0) {
                startTime = now;
            }
            long allowed = (long) ((now - startTime) / 1000.0 * rate) + 1 - emittedRecords;
            if (exhausted()) {
                return ReadStatus.END_OF_INPUT;
            }
            if (allowed <= 0) {
                return ReadStatus.NOTHING_AVAILABLE;
            }
            return pollUpTo(output, next + allowed);
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            gate = perCheckpoint;
        }
    }

    @Override
    public String describe() {
        return "datagen(" + count + " records)";
    }
}
