package io.sluice.formats.parquet.avro;

import io.sluice.api.common.typeinfo.TypeInformation;
import io.sluice.configuration.Configuration;
import io.sluice.connector.file.src.reader.StreamFormat;
import io.sluice.core.fs.FSDataInputStream;
import io.sluice.formats.avro.typeutils.AvroSerializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.io.api.RecordMaterializer;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * Reads the rows of Parquet files as Avro records ({@code FileSource.forRecordStreamFormat}); made by
 * {@link AvroParquetReaders}. The Avro schema is the reader's: Parquet columns are matched to its fields by name,
 * columns it lacks are not read, and a field the file lacks takes its default (or null when nullable). A file is
 * read whole (not splittable); a restored reader reads its file again up to its record.
 */
public class AvroParquetRecordFormat<E> implements StreamFormat<E> {
    private static final long serialVersionUID = 1L;
    private final TypeInformation<E> type;
    private final String schemaJson;
    private final AvroSerializer.Model model;
    private final Class<?> typeClass;

    AvroParquetRecordFormat(TypeInformation<E> type, Schema schema, AvroSerializer.Model model, Class<?> typeClass) {
        this.type = type;
        this.schemaJson = schema.toString();
        this.model = model;
        this.typeClass = typeClass;
    }

    @Override
    public Reader<E> createReader(Configuration config, FSDataInputStream stream, long fileLen, long splitEnd)
            throws IOException {
        if (splitEnd != fileLen) {
            throw new IllegalArgumentException("A Parquet file is read whole: split end " + splitEnd
                    + " is not the file length " + fileLen);
        }
        Schema schema = new Schema.Parser().parse(schemaJson);
        if (schema.getType() != Schema.Type.RECORD) {
            throw new IllegalArgumentException("The Avro schema of a Parquet reader must be a record, not " + schema);
        }
        if (model != AvroSerializer.Model.GENERIC && typeClass != null) {
            io.sluice.formats.avro.typeutils.AvroClasses.trust(typeClass, schema);
        }
        return new ParquetRecordReader<>(new StreamInputFile(stream, fileLen), schema, dataModel());
    }

    @Override
    public Reader<E> restoreReader(Configuration config, FSDataInputStream stream, long restoredOffset, long fileLen,
            long splitEnd) throws IOException {
        stream.seek(0);
        return createReader(config, stream, fileLen, splitEnd);
    }

    private GenericData dataModel() {
        ClassLoader loader = typeClass != null && typeClass.getClassLoader() != null ? typeClass.getClassLoader()
                : Thread.currentThread().getContextClassLoader();
        return AvroSerializer.dataModel(model, loader);
    }

    @Override
    public boolean isSplittable() {
        return false;
    }

    @Override
    public TypeInformation<E> getProducedType() {
        return type;
    }

    /** Reads one file, a row group at a time. */
    private static final class ParquetRecordReader<E> implements Reader<E> {
        private final ParquetFileReader file;
        private final MessageColumnIO columns;
        private final RecordMaterializer<Object> materializer;
        private RecordReader<Object> rows;
        private long remaining;

        ParquetRecordReader(StreamInputFile input, Schema schema, GenericData model) throws IOException {
            ParquetReadOptions options = ParquetReadOptions.builder(new PlainParquetConfiguration()).build();
            this.file = ParquetFileReader.open(input, options);
            try {
                MessageType stored = file.getFileMetaData().getSchema();
                List<Type> read = new ArrayList<>();
                for (Type column : stored.getFields()) {
                    if (schema.getField(column.getName()) != null) {
                        read.add(column);
                    }
                }
                for (Schema.Field f : schema.getFields()) {
                    if (!stored.containsField(f.name()) && !f.hasDefaultValue()
                            && AvroConverters.nonNull(f.schema()) == f.schema()) {
                        throw new IOException("Parquet/Avro schema mismatch: the Avro field '" + f.name()
                                + "' is not in the Parquet file, has no default and is not nullable");
                    }
                }
                MessageType requested = new MessageType(stored.getName(), read);
                file.setRequestedSchema(requested);
                this.columns = new ColumnIOFactory().getColumnIO(requested, stored);
                this.materializer = AvroConverters.materializer(requested, schema, model);
            } catch (IOException | RuntimeException e) {
                file.close();
                throw e;
            }
        }

        @Override
        @SuppressWarnings("unchecked")
        public E read() throws IOException {
            while (remaining == 0) {
                PageReadStore pages = file.readNextRowGroup();
                if (pages == null) {
                    return null;
                }
                rows = columns.getRecordReader(pages, materializer);
                remaining = pages.getRowCount();
            }
            remaining--;
            return (E) rows.read();
        }

        @Override
        public void close() throws IOException {
            file.close();
        }
    }
}
