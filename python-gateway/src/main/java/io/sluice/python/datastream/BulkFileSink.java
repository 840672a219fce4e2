package io.sluice.python.datastream;

import io.sluice.api.connector.sink2.Sink;
import io.sluice.api.connector.sink2.SinkWriter;
import io.sluice.api.connector.sink2.WriterInitContext;
import io.sluice.codegen.udf.TypeStrings;
import io.sluice.connector.filesystem.format.FileFormatFactory;
import io.sluice.connector.filesystem.format.RecordEncoder;
import io.sluice.connector.filesystem.format.RecordEncoderFactory;
import io.sluice.runtime.config.Configuration;
import io.sluice.runtime.connector.FactoryUtil;
import io.sluice.runtime.connector.TableContext;
import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.data.VectorValues;
import io.sluice.runtime.types.RowType;
import io.sluice.table.api.ValidationException;
import io.sluice.types.Row;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * The bulk-format {@code FileSink} of the Python DataStream API ({@code FileSink.for_bulk_format} with
 * {@code ParquetBulkWriters} or {@code AvroBulkWriters}): records (Rows or Tuples in the order of the row type's
 * fields, or maps by field name) are encoded by the engine's file format ({@code parquet}, {@code avro}) into part
 * files under a base directory, in buckets as the row-format sink ({@link RowFileSink}).
 *
 * <p>As Flink's bulk formats, a part file rolls at every checkpoint and at the end of the input (a Parquet file is
 * complete only with its footer): it is hidden ({@code .<name>.inprogress}) while it is written and gets its final
 * name ({@code <prefix>-<uuid>-<subtask>-<counter><suffix>}) then.
 */
public final class BulkFileSink implements Sink<Object> {
    private static final long serialVersionUID = 1L;
    private static final int BATCH_ROWS = 1024;

    private final String basePath;
    private final String format;
    private final String rowType;
    private final HashMap<String, String> options;
    private final String prefix;
    private final String suffix;
    private final String bucketFormat;
    private final String zone;
    private final String jobUuid = UUID.randomUUID().toString();

    /**
     * @param format the file format's identifier ({@code parquet} or {@code avro})
     * @param rowType the SQL text of the records' ROW type
     * @param options format options with the format's prefix ({@code parquet.compression}, ...)
     * @param bucketFormat a date-time pattern for bucket directories, or null to write into {@code basePath}
     * @param zone a time zone id for the buckets, or null for the system's
     */
    public BulkFileSink(String basePath, String format, String rowType, Map<String, String> options, String prefix,
            String suffix, String bucketFormat, String zone) {
        this.basePath = basePath;
        this.format = format;
        this.rowType = rowType;
        this.options = new HashMap<>(options);
        this.prefix = prefix;
        this.suffix = suffix;
        this.bucketFormat = bucketFormat;
        this.zone = zone;
        encoderFactory(); // fails early on an unknown format, bad options or unsupported types
    }

    private RecordEncoderFactory encoderFactory() {
        RowType type = TypeStrings.parseRow(rowType);
        if (type == null) {
            throw new ValidationException("A bulk FileSink needs a ROW type, not " + rowType);
        }
        FileFormatFactory factory = FactoryUtil.discover(FileFormatFactory.class, format,
                BulkFileSink.class.getClassLoader());
        Map<String, String> tableOptions = new HashMap<>(options);
        tableOptions.put("format", format);
        return factory.createEncoderFactory(new TableContext("FileSink(" + basePath + ")", type, tableOptions,
                new Configuration()));
    }

    @Override
    public SinkWriter<Object> createWriter(WriterInitContext context) throws IOException {
        return new Writer(context.getTaskInfo().getIndexOfThisSubtask());
    }

    /** One open part file with the rows buffered for its encoder. */
    private final class Part {
        final Path inProgress;
        final Path finished;
        final OutputStream out;
        final RecordEncoder encoder;
        final RowBatch batch;

        Part(Path inProgress, Path finished, RecordEncoderFactory factory, RowType type, BufferAllocator allocator)
                throws IOException {
            this.inProgress = inProgress;
            this.finished = finished;
            Files.createDirectories(inProgress.getParent());
            this.out = new BufferedOutputStream(Files.newOutputStream(inProgress), 1 << 16);
            this.encoder = factory.createEncoder(out);
            this.batch = RowBatch.allocate(type, allocator, BATCH_ROWS);
            batch.setRowCount(0);
        }

        void add(Object record, RowType type) throws IOException {
            int row = batch.rowCount();
            for (int c = 0; c < type.size(); c++) {
                VectorValues.set(type.type(c), batch.vector(c), row, field(record, c, type));
            }
            batch.setRowCount(row + 1);
            if (row + 1 == BATCH_ROWS) {
                encoder.write(batch);
                batch.setRowCount(0);
            }
        }

        /** Writes the buffered rows and the file's trailer, closes it and gives it its final name. */
        void finish() throws IOException {
            if (batch.rowCount() > 0) {
                encoder.write(batch);
            }
            encoder.flush();
            out.close();
            batch.close();
            Files.move(inProgress, finished, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    private static Object field(Object record, int index, RowType type) {
        if (record instanceof Row) {
            Row r = (Row) record;
            if (r.getArity() != type.size()) {
                throw new IllegalArgumentException("A record of " + r.getArity() + " fields for the bulk FileSink of "
                        + type.size() + " fields " + type);
            }
            return r.getField(index);
        }
        if (record instanceof io.sluice.api.java.tuple.Tuple) {
            return ((io.sluice.api.java.tuple.Tuple) record).getField(index);
        }
        if (record instanceof Map) {
            return ((Map<?, ?>) record).get(type.name(index));
        }
        if (record instanceof List) {
            return ((List<?>) record).get(index);
        }
        throw new IllegalArgumentException("The bulk FileSink writes Rows, Tuples or dicts, not "
                + (record == null ? "null" : record.getClass().getSimpleName() + " " + record));
    }

    private final class Writer implements SinkWriter<Object> {
        private final int subtask;
        private final RowType type = TypeStrings.parseRow(rowType);
        private final RecordEncoderFactory factory = encoderFactory();
        private final BufferAllocator allocator = new RootAllocator();
        private final DateTimeFormatter buckets = bucketFormat == null ? null
                : DateTimeFormatter.ofPattern(bucketFormat).withZone(zone == null ? ZoneId.systemDefault()
                        : ZoneId.of(zone));
        private final Map<String, Part> open = new HashMap<>();
        private long counter;

        Writer(int subtask) {
            this.subtask = subtask;
        }

        @Override
        public void write(Object element, Context context) throws IOException {
            String bucket = buckets == null ? "" : buckets.format(Instant.ofEpochMilli(System.currentTimeMillis()));
            Part part = open.get(bucket);
            if (part == null) {
                Path dir = bucket.isEmpty() ? Path.of(basePath) : Path.of(basePath, bucket);
                String name = prefix + "-" + jobUuid + "-" + subtask + "-" + counter++ + suffix;
                part = new Part(dir.resolve("." + name + ".inprogress"), dir.resolve(name), factory, type, allocator);
                open.put(bucket, part);
            }
            part.add(element, type);
        }

        /** At a checkpoint and at the end: every open part is completed (bulk formats roll on checkpoints). */
        @Override
        public void flush(boolean endOfInput) throws IOException {
            for (Part p : open.values()) {
                p.finish();
            }
            open.clear();
        }

        @Override
        public void close() throws IOException {
            for (Part p : open.values()) {
                p.out.close();
                p.batch.close();
            }
            open.clear();
            allocator.close();
        }
    }
}
