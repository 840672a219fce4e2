package io.sluice.format.parquet;

import io.sluice.connector.filesystem.format.RecordDecoder;
import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.data.VectorValues;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import io.sluice.table.api.TableException;
import io.sluice.table.api.UnsupportedFeatureException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Reads the projected columns of one Parquet file, row group by row group. Only the projected columns' chunks
 * are read from the file and decoded (the reader's requested schema); each column chunk is decoded straight
 * into its vector by a {@link ColumnDecoders.ColumnDecoder}. ARRAY, MAP, MULTISET and ROW columns are assembled
 * record by record by Parquet's record reader into external values ({@link NestedConverters}). Columns are matched
 * by name; a nullable column the file lacks reads as NULL. Used by one thread.
 */
final class ParquetDecoder implements RecordDecoder {
    private static final GroupConverter IGNORING = new IgnoringConverter();

    private final String fileName;
    private final ParquetFileReader reader;
    private final MessageType requested;
    private final String createdBy;
    /** Per output column: its decoder, or null for a column the file lacks (NULL). */
    private final ColumnDecoders.ColumnDecoder[] decoders;
    private final ColumnDescriptor[] descriptors;
    private final List<BlockMetaData> rowGroups;
    private int nextRowGroup;
    private final ColumnReader[] readers;
    private long rowsLeftInGroup;
    /** Per output column: its index among the nested columns, or -1. */
    private final int[] nestedIndex;
    private final LogicalType[] nestedTypes;
    private final String[] nestedNames;
    private final MessageColumnIO nestedIO;
    private final NestedConverters.Materializer materializer;
    private RecordReader<Object[]> nestedReader;

    ParquetDecoder(InputFile file, String fileName, RowType physicalType, int[] projectedFields,
            ParquetFormatConfig config) throws IOException {
        this.fileName = fileName;
        ParquetReadOptions options = ParquetReadOptions.builder(new PlainParquetConfiguration()).build();
        try {
            this.reader = ParquetFileReader.open(file, options);
        } catch (IOException | RuntimeException e) {
            throw new TableException("Cannot read parquet file " + fileName + ": " + e.getMessage(), e);
        }
        try {
            MessageType schema = reader.getFileMetaData().getSchema();
            this.createdBy = reader.getFileMetaData().getCreatedBy();
            int n = projectedFields.length;
            this.decoders = new ColumnDecoders.ColumnDecoder[n];
            this.descriptors = new ColumnDescriptor[n];
            this.readers = new ColumnReader[n];
            List<Type> fields = new ArrayList<>();
            List<Type> nestedFields = new ArrayList<>();
            List<LogicalType> nestedTypeList = new ArrayList<>();
            List<String> nestedNameList = new ArrayList<>();
            this.nestedIndex = new int[n];
            java.util.Arrays.fill(nestedIndex, -1);
            for (int i = 0; i < n; i++) {
                String name = physicalType.name(projectedFields[i]);
                if (!schema.containsField(name)) {
                    if (!physicalType.type(projectedFields[i]).isNullable()) {
                        throw new TableException("Parquet file " + fileName + " has no column '" + name
                                + "', which is NOT NULL in the table.");
                    }
                    continue;
                }
                Type stored = schema.getType(name);
                LogicalType declared = physicalType.type(projectedFields[i]);
                boolean nested = !stored.isPrimitive() || stored.isRepetition(Type.Repetition.REPEATED);
                if (nested || declared.root().isConstructed()) {
                    if (!nested || !declared.root().isConstructed()) {
                        throw new TableException("Column '" + name + "' of parquet file " + fileName + " is stored as "
                                + stored + ", which cannot be read as " + declared.typeName() + ".");
                    }
                    if (nestedNameList.contains(name)) {
                        throw new UnsupportedFeatureException("reading the nested column '" + name + "' of parquet"
                                + " file " + fileName + " twice in one scan");
                    }
                    nestedIndex[i] = nestedFields.size();
                    nestedFields.add(stored);
                    nestedTypeList.add(declared);
                    nestedNameList.add(name);
                }
                if (!fields.contains(stored)) {
                    fields.add(stored);
                }
            }
            this.requested = new MessageType(schema.getName(), fields);
            reader.setRequestedSchema(requested);
            this.nestedTypes = nestedTypeList.toArray(new LogicalType[0]);
            this.nestedNames = nestedNameList.toArray(new String[0]);
            if (nestedFields.isEmpty()) {
                this.nestedIO = null;
                this.materializer = null;
            } else {
                MessageType nestedSchema = new MessageType(schema.getName(), nestedFields);
                this.materializer = new NestedConverters.Materializer(nestedSchema, nestedTypes, nestedNames, config,
                        fileName);
                this.nestedIO = new ColumnIOFactory(createdBy).getColumnIO(nestedSchema, schema);
            }
            for (int i = 0; i < n; i++) {
                String name = physicalType.name(projectedFields[i]);
                if (!requested.containsField(name) || nestedIndex[i] >= 0) {
                    continue;
                }
                ColumnDescriptor descriptor = requested.getColumnDescription(new String[] {name});
                descriptors[i] = descriptor;
                PrimitiveType stored = descriptor.getPrimitiveType();
                decoders[i] = ColumnDecoders.of(physicalType.type(projectedFields[i]), stored,
                        descriptor.getMaxDefinitionLevel(), config, name, fileName);
            }
            this.rowGroups = reader.getRowGroups();
        } catch (RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    @Override
    public boolean decode(RowBatch batch, int maxRows) throws IOException {
        int start = batch.rowCount();
        while (rowsLeftInGroup == 0) {
            if (!nextRowGroup()) {
                return false;
            }
        }
        int n = (int) Math.min(maxRows - start, rowsLeftInGroup);
        if (n <= 0) {
            return true;
        }
        if (nestedIO != null) {
            readNested(batch, start, n);
        }
        for (int c = 0; c < decoders.length; c++) {
            if (nestedIndex[c] >= 0) {
                continue;
            }
            FieldVector vector = batch.vector(c);
            if (!(vector instanceof BaseVariableWidthVector)) {
                while (vector.getValueCapacity() < start + n) {
                    vector.reAlloc();
                }
            }
            try {
                if (decoders[c] == null) {
                    for (int row = start; row < start + n; row++) {
                        vector.setNull(row);
                    }
                } else {
                    decoders[c].read(readers[c], vector, start, n);
                }
            } catch (TableException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new TableException("Cannot decode column '" + batch.type().name(c) + "' of parquet file "
                        + fileName + " (row group " + nextRowGroup + "): " + e.getMessage(), e);
            }
        }
        rowsLeftInGroup -= n;
        batch.setRowCount(start + n);
        return rowsLeftInGroup > 0 || nextRowGroup < rowGroups.size();
    }

    /** Reads {@code n} records of the nested columns into rows {@code start ..} of their vectors. */
    private void readNested(RowBatch batch, int start, int n) {
        for (int row = start; row < start + n; row++) {
            Object[] values;
            try {
                values = nestedReader.read();
            } catch (TableException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new TableException("Cannot decode the nested columns " + java.util.Arrays.toString(nestedNames)
                        + " of parquet file " + fileName + " (row group " + (nextRowGroup - 1) + "): " + e.getMessage(),
                        e);
            }
            for (int c = 0; c < nestedIndex.length; c++) {
                int j = nestedIndex[c];
                if (j < 0) {
                    continue;
                }
                Object value = values[j];
                if (value == null && !nestedTypes[j].isNullable()) {
                    throw new TableException("NULL in the NOT NULL column '" + nestedNames[j] + "' of parquet file "
                            + fileName + ".");
                }
                try {
                    VectorValues.set(nestedTypes[j], batch.vector(c), row, value);
                } catch (RuntimeException e) {
                    throw new TableException("Cannot decode column '" + nestedNames[j] + "' of parquet file "
                            + fileName + ": " + e.getMessage(), e);
                }
            }
        }
    }

    /** Moves to the next row group; false at the end of the file. */
    private boolean nextRowGroup() throws IOException {
        if (nextRowGroup >= rowGroups.size()) {
            return false;
        }
        long rows = rowGroups.get(nextRowGroup++).getRowCount();
        if (requested.getFieldCount() == 0) {
            reader.skipNextRowGroup();
        } else {
            PageReadStore pages;
            try {
                pages = reader.readNextRowGroup();
            } catch (IOException | RuntimeException e) {
                throw new TableException("Cannot read row group " + (nextRowGroup - 1) + " of parquet file "
                        + fileName + ": " + e.getMessage(), e);
            }
            ColumnReadStoreImpl store = new ColumnReadStoreImpl(pages, IGNORING, requested, createdBy);
            for (int c = 0; c < decoders.length; c++) {
                readers[c] = descriptors[c] == null ? null : store.getColumnReader(descriptors[c]);
            }
            if (nestedIO != null) {
                nestedReader = nestedIO.getRecordReader(pages, materializer);
            }
        }
        rowsLeftInGroup = rows;
        return true;
    }

    @Override
    public long skippedRecords() {
        return 0;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }

    /** Column readers need a converter tree; values are taken from the readers directly, so it ignores them. */
    private static final class IgnoringConverter extends GroupConverter {
        private static final PrimitiveConverter PRIMITIVE = new PrimitiveConverter() {
        };

        @Override
        public Converter getConverter(int fieldIndex) {
            return PRIMITIVE;
        }

        @Override
        public void start() {
        }

        @Override
        public void end() {
        }
    }
}
