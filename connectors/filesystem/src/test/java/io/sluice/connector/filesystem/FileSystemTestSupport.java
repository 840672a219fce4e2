package io.sluice.connector.filesystem;

import io.sluice.runtime.config.Configuration;
import io.sluice.runtime.config.ExecutionOptions;
import io.sluice.runtime.connector.DynamicTableSink;
import io.sluice.runtime.connector.ReadStatus;
import io.sluice.runtime.connector.ReaderContext;
import io.sluice.runtime.connector.ScanTableSource;
import io.sluice.runtime.connector.SinkWriter;
import io.sluice.runtime.connector.TableContext;
import io.sluice.runtime.connector.WriterContext;
import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.data.VectorValues;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.types.RowType;
import io.sluice.types.Row;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;

/** Reads and writes filesystem tables through the factories, as the planner and runtime would. */
public final class FileSystemTestSupport {
    private final BufferAllocator allocator;
    /** Row counts of the batches of the last {@link #read}. */
    public final List<Integer> batchSizes = new ArrayList<>();
    /** Skipped records reported by the reader of the last {@link #read}. */
    public long skipped;

    public FileSystemTestSupport(BufferAllocator allocator) {
        this.allocator = allocator;
    }

    /** WITH options of a csv filesystem table at {@code path} plus {@code extra} key/value pairs. */
    public static Map<String, String> csvOptions(Path path, String... extra) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("connector", "filesystem");
        options.put("path", path.toString());
        options.put("format", "csv");
        for (int i = 0; i < extra.length; i += 2) {
            options.put(extra[i], extra[i + 1]);
        }
        return options;
    }

    /** WITH options of a json filesystem table at {@code path} plus {@code extra} key/value pairs. */
    public static Map<String, String> jsonOptions(Path path, String... extra) {
        Map<String, String> options = csvOptions(path, extra);
        options.put("format", "json");
        return options;
    }

    public static TableContext context(RowType type, Map<String, String> options) {
        return new TableContext("default_catalog.default_database.t", type, options, new Configuration());
    }

    /** The context of a table partitioned by {@code partitionKeys}. */
    public static TableContext context(RowType type, Map<String, String> options, List<String> partitionKeys) {
        return new TableContext("default_catalog.default_database.t", type, options, new Configuration(),
                partitionKeys);
    }

    /** Reads every row of the table, producing the columns {@code projection}. */
    public List<Row> read(RowType type, Map<String, String> options, int[] projection, int batchSize) throws Exception {
        ScanTableSource source = new FileSystemTableFactory().createDynamicTableSource(context(type, options));
        return read(source, type, projection, batchSize);
    }

    /**
     * Reads every row of {@code source}, producing the columns {@code projection} of {@code fullType} (the physical
     * columns followed by any metadata columns applied to the source).
     */
    public List<Row> read(ScanTableSource source, RowType fullType, int[] projection, int batchSize) throws Exception {
        RowType type = fullType;
        batchSizes.clear();
        List<Row> rows = new ArrayList<>();
        Output output = new Output() {
            @Override
            public void emit(RowBatch batch) {
                try (batch) {
                    batchSizes.add(batch.rowCount());
                    for (int r = 0; r < batch.rowCount(); r++) {
                        rows.add(batch.getRow(r));
                    }
                }
            }

            @Override
            public void emitWatermark(long watermark) {
            }
        };
        Configuration config = new Configuration().set(ExecutionOptions.BATCH_SIZE, batchSize);
        ReaderContext rc = new ReaderContext(projection, type.project(projection), allocator, config, 0, 1);
        try (FileSystemSourceReader reader = (FileSystemSourceReader) source.createReader(rc)) {
            reader.open();
            int polls = 0;
            while (reader.pollNext(output) != ReadStatus.END_OF_INPUT) {
                if (++polls > 1_000_000) {
                    throw new AssertionError("reader does not end");
                }
            }
            skipped = reader.skippedRecords();
        }
        return rows;
    }

    /** Reads all columns with batches of 4096 rows. */
    public List<Row> read(RowType type, Map<String, String> options) throws Exception {
        int[] all = new int[type.size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        return read(type, options, all, 4096);
    }

    /** A batch holding {@code rows} (external values), owned by the caller. */
    public RowBatch batch(RowType type, List<Row> rows) {
        RowBatch batch = RowBatch.allocate(type, allocator, Math.max(rows.size(), 1));
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < type.size(); c++) {
                VectorValues.set(type.type(c), batch.vector(c), r, rows.get(r).getField(c));
            }
        }
        batch.setRowCount(rows.size());
        return batch;
    }

    /** Writes {@code rows} through the table's sink (one writer, subtask 0), finishing it. */
    public void write(RowType type, Map<String, String> options, List<Row> rows) throws Exception {
        DynamicTableSink sink = new FileSystemTableFactory().createDynamicTableSink(context(type, options));
        try (SinkWriter writer = sink.createWriter(new WriterContext(type, allocator, new Configuration(), 0, 1))) {
            writer.open();
            try (RowBatch batch = batch(type, rows)) {
                writer.write(batch);
            }
            writer.finish();
        }
    }
}
