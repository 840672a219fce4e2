package io.sluice.benchmarks.nexmark;

import io.sluice.runtime.config.Configuration;
import io.sluice.runtime.connector.ReadStatus;
import io.sluice.runtime.connector.ReaderContext;
import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.operator.Output;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Runs one {@code 'nexmark'} reader outside any job, producing every column of its table, to time
 * the generator alone: each emitted batch is closed at once.
 */
public final class GeneratorRun {
    private GeneratorRun() {
    }

    /** Generates all of {@code config}'s table as one reader would; returns the rows produced. */
    public static long generate(NexmarkConfig config, BufferAllocator allocator) throws Exception {
        int[] all = new int[config.table().columns().size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
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
        ReaderContext context = new ReaderContext(all, config.table().rowType(), allocator, new Configuration(), 0, 1);
        try (NexmarkSourceReader reader = new NexmarkSourceReader(config, all, context)) {
            reader.open();
            while (reader.pollNext(discard) != ReadStatus.END_OF_INPUT) {
                // keep generating
            }
        }
        return rows[0];
    }
}
