package io.sluice.connector.datagen;

import io.sluice.runtime.config.Configuration;
import io.sluice.runtime.config.ExecutionOptions;
import io.sluice.runtime.connector.ReadStatus;
import io.sluice.runtime.connector.ReaderContext;
import io.sluice.runtime.connector.TableContext;
import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.types.RowType;
import io.sluice.types.Row;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;

/** Creates datagen sources through the factory and drives their readers as the runtime would. */
final class DataGenTestSupport {
    static final String TABLE = "default_catalog.default_database.gen";

    private DataGenTestSupport() {
    }

    /** WITH options: connector=datagen plus key/value pairs. */
    static Map<String, String> options(String... keyValues) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("connector", "datagen");
        for (int i = 0; i < keyValues.length; i += 2) {
            options.put(keyValues[i], keyValues[i + 1]);
        }
        return options;
    }

    static DataGenTableSource source(RowType type, Map<String, String> options) {
        return new DataGenTableSourceFactory().createDynamicTableSource(
                new TableContext(TABLE, type, options, new Configuration()));
    }

    static int[] all(RowType type) {
        int[] p = new int[type.size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = i;
        }
        return p;
    }

    /** A reader of all columns whose clock is {@code clock}. */
    static DataGenSourceReader reader(DataGenTableSource source, RowType type, BufferAllocator allocator,
            int batchSize, int subtask, int parallelism, FakeClock clock) {
        return reader(source, type, all(type), allocator, batchSize, subtask, parallelism, clock);
    }

    static DataGenSourceReader reader(DataGenTableSource source, RowType type, int[] projection,
            BufferAllocator allocator, int batchSize, int subtask, int parallelism, FakeClock clock) {
        Configuration config = new Configuration().set(ExecutionOptions.BATCH_SIZE, batchSize);
        ReaderContext context = new ReaderContext(projection, type.project(projection), allocator, config, subtask,
                parallelism);
        return source.createReader(context, clock);
    }

    /** Polls until the end of input, advancing the clock one second whenever the reader waits. */
    static List<Row> readAll(DataGenSourceReader reader, FakeClock clock, CollectingOutput out) throws Exception {
        for (int polls = 0; polls < 1_000_000; polls++) {
            ReadStatus status = reader.pollNext(out);
            if (status == ReadStatus.END_OF_INPUT) {
                return out.rows;
            }
            if (status == ReadStatus.NOTHING_AVAILABLE) {
                clock.advanceMillis(1000);
            }
        }
        throw new AssertionError("reader did not end");
    }

    /** A manual nanosecond clock. */
    static final class FakeClock implements java.util.function.LongSupplier {
        long nanos = 1_000_000_000L;

        void advanceMillis(long millis) {
            nanos += millis * 1_000_000L;
        }

        @Override
        public long getAsLong() {
            return nanos;
        }
    }

    /** Keeps the rows and batch sizes of every emitted batch and closes the batch. */
    static final class CollectingOutput implements Output {
        final List<Row> rows = new ArrayList<>();
        final List<Integer> batchSizes = new ArrayList<>();

        @Override
        public void emit(RowBatch batch) {
            try (batch) {
                batchSizes.add(batch.rowCount());
                for (int i = 0; i < batch.rowCount(); i++) {
                    rows.add(batch.getRow(i));
                }
            }
        }

        @Override
        public void emitWatermark(long watermark) {
            throw new AssertionError("datagen emits no watermarks");
        }
    }
}
