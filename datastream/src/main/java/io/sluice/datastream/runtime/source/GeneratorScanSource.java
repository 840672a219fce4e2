package io.sluice.datastream.runtime.source;

import io.sluice.connector.datagen.source.GeneratorFunction;
import io.sluice.datastream.runtime.FunctionCopies;
import io.sluice.runtime.connector.ReadStatus;
import io.sluice.runtime.connector.ReaderContext;
import io.sluice.runtime.connector.ScanTableSource;
import io.sluice.runtime.connector.SourceReader;
import io.sluice.runtime.state.keyed.StateSerializer;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;

/**
 * Runs a {@code DataGeneratorSource}: instance {@code i} of {@code p} generates a contiguous range of the indexes,
 * at {@code rate / p} records per second when rate-limited.
 */
public final class GeneratorScanSource<T> implements ScanTableSource {
    private final byte[] function;
    private final long count;
    private final double recordsPerSecond;
    private final StateSerializer<T> serializer;

    public GeneratorScanSource(byte[] function, long count, double recordsPerSecond, StateSerializer<T> serializer) {
        this.function = function;
        this.count = count;
        this.recordsPerSecond = recordsPerSecond;
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
        GeneratorFunction<Long, T> f = FunctionCopies.deserialize(function);
        double rate = recordsPerSecond / p;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        return new RecordReader(context, start, end) {
            private long startTime = -1;

            @Override
            byte[] record(long index) throws Exception {
                bytes.reset();
                serializer.serialize(f.map(index), out);
                out.flush();
                return bytes.toByteArray();
            }

            @Override
            public ReadStatus pollNext(io.sluice.runtime.operator.Output output) throws Exception {
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
        };
    }

    @Override
    public String describe() {
        return "datagen(" + count + " records)";
    }
}
