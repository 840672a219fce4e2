package io.sluice.python.datastream;

import io.sluice.api.common.typeinfo.TypeInformation;
import io.sluice.api.connector.source.Boundedness;
import io.sluice.codegen.udf.TypeStrings;
import io.sluice.connector.filesystem.format.FileFormatFactory;
import io.sluice.connector.filesystem.format.RecordDecoder;
import io.sluice.connector.filesystem.format.RecordDecoderFactory;
import io.sluice.datastream.runtime.RecordBatches;
import io.sluice.datastream.runtime.source.BuiltInSource;
import io.sluice.runtime.config.Configuration;
import io.sluice.runtime.connector.FactoryUtil;
import io.sluice.runtime.connector.ReadStatus;
import io.sluice.runtime.connector.ReaderContext;
import io.sluice.runtime.connector.ScanTableSource;
import io.sluice.runtime.connector.SourceReader;
import io.sluice.runtime.connector.TableContext;
import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.state.keyed.StateSerializer;
import io.sluice.runtime.types.RowType;
import io.sluice.table.api.ValidationException;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarBinaryVector;

/**
 * The Python DataStream API's {@code FileSource} over a file format of the engine ({@code parquet}, {@code avro},
 * {@code csv}): the rows of the files (a directory: its visible files in name order), as Rows of the given ROW type.
 * Files are split over the parallel instances; each instance's position (file and row) is checkpointed. Bounded.
 */
public final class FormatFileSource extends BuiltInSource<Object> {
    private static final long serialVersionUID = 1L;

    private final List<String> paths;
    private final String format;
    private final String rowType;
    private final HashMap<String, String> options;
    private final TypeInformation<Object> producedType;

    /**
     * @param rowType the SQL text of the ROW type of the files' records
     * @param options format options with the format's prefix ({@code csv.field-delimiter}, ...)
     * @param producedType the type information of the Rows the source emits
     */
    public FormatFileSource(List<String> paths, String format, String rowType, Map<String, String> options,
            TypeInformation<Object> producedType) {
        this.paths = List.copyOf(paths);
        this.format = format;
        this.rowType = rowType;
        this.options = new HashMap<>(options);
        this.producedType = producedType;
        decoderFactory(); // fails early on an unknown format, bad options or unsupported types
    }

    private RowType type() {
        RowType type = TypeStrings.parseRow(rowType);
        if (type == null) {
            throw new ValidationException("A FileSource of format " + format + " needs a ROW type, not " + rowType);
        }
        return type;
    }

    private RecordDecoderFactory decoderFactory() {
        FileFormatFactory factory = FactoryUtil.discover(FileFormatFactory.class, format,
                FormatFileSource.class.getClassLoader());
        Map<String, String> tableOptions = new HashMap<>(options);
        tableOptions.put("format", format);
        return factory.createDecoderFactory(new TableContext("FileSource(" + paths + ")", type(), tableOptions,
                new Configuration()));
    }

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.BOUNDED;
    }

    @Override
    public TypeInformation<Object> getProducedType() {
        return producedType;
    }

    @Override
    public ScanTableSource scanSource(StateSerializer<Object> serializer) {
        return new ScanTableSource() {
            @Override
            public boolean isBounded() {
                return true;
            }

            @Override
            public SourceReader createReader(ReaderContext context) {
                List<Path> all = files();
                List<Path> mine = new ArrayList<>();
                for (int i = context.subtaskIndex(); i < all.size(); i += context.parallelism()) {
                    mine.add(all.get(i));
                }
                return new Reader(context, mine, serializer);
            }

            @Override
            public String describe() {
                return format + " files(" + paths + ")";
            }
        };
    }

    private List<Path> files() {
        List<Path> files = new ArrayList<>();
        for (String p : paths) {
            Path local = Path.of(p.startsWith("file://") ? p.substring("file://".length()) : p);
            if (Files.isDirectory(local)) {
                try (Stream<Path> s = Files.list(local)) {
                    s.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith("."))
                            .sorted().forEach(files::add);
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot list " + local, e);
                }
            } else if (Files.isRegularFile(local)) {
                files.add(local);
            } else {
                throw new IllegalArgumentException("File source: " + local + " does not exist");
            }
        }
        return files;
    }

    /** Reads its files in order; the position is the file's index and the rows read from it. */
    private final class Reader implements SourceReader {
        private final ReaderContext context;
        private final List<Path> files;
        private final StateSerializer<Object> serializer;
        private final RowType type = type();
        private final RecordDecoderFactory factory = decoderFactory();
        private final int[] fields;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final DataOutputStream out = new DataOutputStream(bytes);
        private int file;
        private long row;
        private RecordDecoder decoder;

        Reader(ReaderContext context, List<Path> files, StateSerializer<Object> serializer) {
            this.context = context;
            this.files = files;
            this.serializer = serializer;
            this.fields = new int[type.size()];
            for (int i = 0; i < fields.length; i++) {
                fields[i] = i;
            }
        }

        @Override
        public void open() {
        }

        @Override
        public ReadStatus pollNext(Output output) throws Exception {
            List<byte[]> records = new ArrayList<>();
            while (records.isEmpty() && file < files.size()) {
                if (decoder == null) {
                    decoder = factory.createDecoder(files.get(file), type, fields);
                    skip(row);
                }
                try (RowBatch batch = RowBatch.allocate(type, context.allocator(), context.batchSize())) {
                    batch.setRowCount(0);
                    boolean more = decoder.decode(batch, context.batchSize());
                    for (int r = 0; r < batch.rowCount(); r++) {
                        bytes.reset();
                        serializer.serialize(batch.getRow(r), out);
                        out.flush();
                        records.add(bytes.toByteArray());
                    }
                    row += batch.rowCount();
                    if (!more) {
                        decoder.close();
                        decoder = null;
                        file++;
                        row = 0;
                    }
                }
            }
            io.sluice.datastream.runtime.RecordBatches.emit(context.allocator(), records, output);
            return file >= files.size() ? ReadStatus.END_OF_INPUT : ReadStatus.MORE_AVAILABLE;
        }

        /** Decodes and drops the first {@code rows} rows of the open file (after a restore). */
        private void skip(long rows) throws IOException {
            long left = rows;
            while (left > 0) {
                try (RowBatch batch = RowBatch.allocate(type, context.allocator(), context.batchSize())) {
                    batch.setRowCount(0);
                    int n = (int) Math.min(left, context.batchSize());
                    boolean more = decoder.decode(batch, n);
                    left -= batch.rowCount();
                    if (!more) {
                        break;
                    }
                }
            }
        }

        @Override
        public byte[] snapshotPosition() {
            return ByteBuffer.allocate(12).putInt(file).putLong(row).array();
        }

        @Override
        public void restorePosition(byte[] position) {
            ByteBuffer b = ByteBuffer.wrap(position);
            file = b.getInt();
            row = b.getLong();
        }

        @Override
        public void close() throws IOException {
            if (decoder != null) {
                decoder.close();
            }
        }
    }
}
