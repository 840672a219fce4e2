package io.sluice.benchmarks.memory;

import io.sluice.runtime.config.Configuration;
import io.sluice.runtime.connector.ReadStatus;
import io.sluice.runtime.connector.ReaderContext;
import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.types.RowType;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Runs the {@code 'bench-memory'} reader outside any job, to time what the engine pays for replaying
 * (copying) a dataset: each emitted batch is closed at once.
 */
public final class MemoryReplay {
    private MemoryReplay() {
    }

    /** Copies columns {@code fields} of {@code batches} into {@code allocator} as the reader does; returns the rows emitted. */
    public static long replay(RowType type, List<RowBatch> batches, int[] fields, BufferAllocator allocator)
            throws Exception {
        long[] rows = new long[1];
        Output discard = new Output() {
            @Override
            public void emit(RowBatch batch) {
                rows[0] += batch.rowCount();
                batch.close();
            }

            @Override
            public void emitWatermark(long watermark) {
            }
        };
        ReaderContext context = new ReaderContext(fields, type.project(fields), allocator, new Configuration(), 0, 1);
        try (MemorySourceReader reader = new MemorySourceReader(batches, context, ReplayMode.COPY)) {
            reader.open();
            while (reader.pollNext(discard) != ReadStatus.END_OF_INPUT) {
                // keep reading
            }
        }
        return rows[0];
    }
}
