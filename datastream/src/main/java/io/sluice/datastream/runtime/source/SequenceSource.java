package io.sluice.datastream.runtime.source;

import io.sluice.runtime.connector.ReaderContext;
import io.sluice.runtime.connector.ScanTableSource;
import io.sluice.runtime.connector.SourceReader;
import java.nio.ByteBuffer;

/**
 * {@code fromSequence(from, to)}: the numbers {@code from..to} (inclusive) as {@code Long}s, split into contiguous
 * ranges over the parallel instances.
 */
public final class SequenceSource implements ScanTableSource {
    private final long from;
    private final long to;

    public SequenceSource(long from, long to) {
        if (from > to) {
            throw new IllegalArgumentException("Start of sequence must not be greater than the end");
        }
        this.from = from;
        this.to = to;
    }

    @Override
    public boolean isBounded() {
        return true;
    }

    @Override
    public SourceReader createReader(ReaderContext context) {
        long count = to - from + 1;
        int p = context.parallelism();
        int i = context.subtaskIndex();
        long start = count / p * i + Math.min(i, count % p);
        long end = start + count / p + (i < count % p ? 1 : 0);
        io.sluice.runtime.state.keyed.StateSerializer<Long> longs =
                io.sluice.datastream.state.StateStore.serializerOf(io.sluice.api.common.typeinfo.Types.LONG);
        return new RecordReader(context, start, end) {
            @Override
            byte[] record(long index) {
                // the Long serializer's form: a non-null flag, then the value
                return ByteBuffer.allocate(9).put((byte) 1).putLong(from + index).array();
            }

            @Override
            io.sluice.runtime.state.keyed.StateSerializer<?> objectSerializer() {
                return longs;
            }

            @Override
            Object object(long index) {
                return from + index;
            }
        };
    }

    @Override
    public String describe() {
        return "sequence(" + from + ", " + to + ")";
    }
}
