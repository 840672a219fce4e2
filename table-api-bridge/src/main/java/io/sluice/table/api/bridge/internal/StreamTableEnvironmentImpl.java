package io.sluice.table.api.bridge.internal;

import io.sluice.api.common.typeinfo.TypeInformation;
import io.sluice.api.java.typeutils.RowTypeInfo;
import io.sluice.datastream.graph.OperatorNode;
import io.sluice.datastream.graph.SourceNode;
import io.sluice.datastream.runtime.RecordBatches;
import io.sluice.datastream.runtime.operators.PassThroughOperator;
import io.sluice.planner.catalog.CatalogColumn;
import io.sluice.planner.catalog.CatalogTable;
import io.sluice.runtime.graph.OperatorTransformation;
import io.sluice.runtime.graph.Transformation;
import io.sluice.runtime.graph.UpdateBeforeElimination;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import io.sluice.runtime.types.TypeRoot;
import io.sluice.streaming.api.datastream.DataStream;
import io.sluice.streaming.api.environment.StreamExecutionEnvironment;
import io.sluice.table.api.DataTypes;
import io.sluice.table.api.EnvironmentSettings;
import io.sluice.table.api.Schema;
import io.sluice.table.api.Table;
import io.sluice.table.api.TableConfig;
import io.sluice.table.api.TableDescriptor;
import io.sluice.table.api.TableEnvironment;
import io.sluice.table.api.TableResult;
import io.sluice.table.api.ValidationException;
import io.sluice.table.api.bridge.java.StreamStatementSet;
import io.sluice.table.api.bridge.java.StreamTableEnvironment;
import io.sluice.table.api.internal.BridgeSupport;
import io.sluice.table.connector.ChangelogMode;
import io.sluice.table.functions.UserDefinedFunction;
import io.sluice.types.Row;
import io.sluice.types.RowKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/** {@link StreamTableEnvironment}: a table environment plus the conversions from and to DataStreams. */
public final class StreamTableEnvironmentImpl implements StreamTableEnvironment {
    private static final AtomicInteger STREAM_TABLES = new AtomicInteger();
    private static final AtomicInteger STREAM_SINKS = new AtomicInteger();
    /** Marks a conversion into the values of a table's only column. */
    private static final Class<?> ATOMIC = Void.class;

    private final StreamExecutionEnvironment env;
    private final TableEnvironment tables;

    public StreamTableEnvironmentImpl(StreamExecutionEnvironment env, EnvironmentSettings settings) {
        this.env = env;
        EnvironmentSettings.Builder b = EnvironmentSettings.newInstance().withConfiguration(env.getConfiguration());
        if (settings != null) {
            b.withConfiguration(settings.getConfiguration());
        }
        this.tables = TableEnvironment.create(b.build());
    }

    // ------------------------------------------------------------------ DataStream -> Table

    @Override
    public <T> Table fromDataStream(DataStream<T> dataStream) {
        return fromStream(dataStream, null, null);
    }

    @Override
    public <T> Table fromDataStream(DataStream<T> dataStream, Schema schema) {
        return fromStream(dataStream, schema, null);
    }

    @Override
    public Table fromChangelogStream(DataStream<Row> dataStream) {
        return fromChangelogStream(dataStream, null, ChangelogMode.all());
    }

    @Override
    public Table fromChangelogStream(DataStream<Row> dataStream, Schema schema) {
        return fromChangelogStream(dataStream, schema, ChangelogMode.all());
    }

    @Override
    public Table fromChangelogStream(DataStream<Row> dataStream, Schema schema, ChangelogMode changelogMode) {
        if (!(dataStream.getType() instanceof RowTypeInfo)) {
            throw new ValidationException("fromChangelogStream needs a stream of Row with known field types, but the"
                    + " stream's type is " + dataStream.getType() + "; declare it with returns(Types.ROW(...)).");
        }
        return fromStream(dataStream, schema, changelogMode.toRuntime());
    }

    @Override
    public <T> void createTemporaryView(String path, DataStream<T> dataStream) {
        tables.createTemporaryView(path, fromDataStream(dataStream));
    }

    @Override
    public <T> void createTemporaryView(String path, DataStream<T> dataStream, Schema schema) {
        tables.createTemporaryView(path, fromDataStream(dataStream, schema));
    }

    private Table fromStream(DataStream<?> stream, Schema schema, io.sluice.runtime.connector.ChangelogMode mode) {
        if (stream.getExecutionEnvironment() != env) {
            throw new ValidationException("The DataStream belongs to another StreamExecutionEnvironment than this"
                    + " table environment's.");
        }
        StreamColumns columns = StreamColumns.of(stream.getType());
        Set<String> declared = new HashSet<>(schema == null ? List.of() : schema.getColumnNames());
        // as in Flink: declared physical columns project the stream's fields (the others are left out once computed
        // columns, which may read them, are evaluated); without any, every field is a column, followed by the
        // declared computed and metadata columns
        boolean projected = schema != null && !schema.getPhysicalColumnNames().isEmpty();
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < columns.names().size(); i++) {
            if (!declared.contains(columns.names().get(i))) {
                parts.add("`" + columns.names().get(i).replace("`", "``") + "` " + columns.sqlTypes().get(i));
            }
        }
        if (schema != null && !schema.toDdlColumns().isEmpty()) {
            parts.add(schema.toDdlColumns());
        }
        if (parts.isEmpty()) {
            throw new ValidationException("The schema declares no column of the stream (fields: "
                    + String.join(", ", columns.names()) + ").");
        }
        String name = "__datastream_" + STREAM_TABLES.incrementAndGet();
        io.sluice.runtime.connector.ChangelogMode changelog = mode == null
                ? io.sluice.runtime.connector.ChangelogMode.insertOnly() : mode;
        BridgeSupport.createSourceTable(tables, name, String.join(",\n  ", parts),
                table -> source(stream, columns, table, changelog));
        Table table = tables.from(name);
        if (projected) {
            table = table.select(schema.getColumnNames().stream().map(io.sluice.table.api.Expressions::$)
                    .toArray(io.sluice.table.expressions.Expression[]::new));
        }
        return table;
    }

    /** The source of a converted stream: where each of the table's source columns comes from. */
    private DataStreamScanSource source(DataStream<?> stream, StreamColumns columns, CatalogTable table,
            io.sluice.runtime.connector.ChangelogMode mode) {
        RowType sourceType = table.sourceRowType();
        int[] fieldOf = new int[sourceType.size()];
        int rowtime = -1;
        int c = 0;
        for (CatalogColumn col : table.columns()) {
            if (col.isPhysical()) {
                int field = columns.indexOf(col.name());
                if (field < 0) {
                    throw new ValidationException("Unable to find a field named '" + col.name() + "' in the type of"
                            + " the stream; its fields are: " + String.join(", ", columns.names()) + ".");
                }
                fieldOf[c++] = field;
            }
        }
        for (CatalogColumn col : table.metadataColumns()) {
            String key = col.metadataKey() == null ? col.name() : col.metadataKey();
            if (!key.equals("rowtime")) {
                throw new ValidationException("Invalid metadata key '" + key + "' in column '" + col.name()
                        + "'. A converted DataStream supports the following metadata keys for reading: rowtime.");
            }
            if (col.type().root() != TypeRoot.TIMESTAMP_LTZ || col.type().precision() != 3) {
                throw new ValidationException("The metadata column 'rowtime' has the type TIMESTAMP_LTZ(3) (the"
                        + " stream record's timestamp), but column '" + col.name() + "' declares " + col.type() + ".");
            }
            rowtime = c;
            fieldOf[c++] = -1;
        }
        if (mode.hasUpdates() && columns.kind() != StreamColumns.Kind.ROW) {
            throw new ValidationException("A changelog stream must be a stream of Row.");
        }
        boolean upsert = mode.contains(RowKind.UPDATE_AFTER) && !mode.contains(RowKind.UPDATE_BEFORE);
        if (!upsert) {
            return new DataStreamScanSource(stream, columns, fieldOf, rowtime, mode, true, sourceType, null);
        }
        if (table.primaryKey().isEmpty()) {
            throw new ValidationException("An upsert changelog (a changelog mode with UPDATE_AFTER but without"
                    + " UPDATE_BEFORE) needs a primary key; declare it in the schema with primaryKey(...).");
        }
        int[] key = new int[table.primaryKey().size()];
        for (int i = 0; i < key.length; i++) {
            key[i] = sourceType.indexOf(table.primaryKey().get(i));
            if (key[i] < 0) {
                throw new ValidationException("The primary key column '" + table.primaryKey().get(i)
                        + "' of an upsert changelog must be a column of the stream.");
            }
        }
        return new DataStreamScanSource(stream, columns, fieldOf, rowtime,
                io.sluice.runtime.connector.ChangelogMode.all(), true, sourceType, key);
    }

    // ------------------------------------------------------------------ Table -> DataStream

    @Override
    public DataStream<Row> toDataStream(Table table) {
        return toStream(table, null, io.sluice.runtime.connector.ChangelogMode.insertOnly(), -2);
    }

    @Override
    public <T> DataStream<T> toDataStream(Table table, Class<T> targetClass) {
        if (targetClass == Row.class) {
            @SuppressWarnings("unchecked")
            DataStream<T> rows = (DataStream<T>) toDataStream(table);
            return rows;
        }
        return toStream(table, targetClass, io.sluice.runtime.connector.ChangelogMode.insertOnly(), -2);
    }

    @Override
    public <T> DataStream<T> toDataStream(Table table, io.sluice.table.api.DataType targetDataType) {
        if (targetDataType.getLogicalType().root() == io.sluice.runtime.types.TypeRoot.ROW) {
            return toStructuredStream(table, targetDataType);
        }
        List<String> columns = table.getResolvedSchema().getColumnNames();
        if (columns.size() != 1) {
            throw new ValidationException("A table converted to a stream of " + targetDataType + " must have one"
                    + " column, but it has " + columns.size() + " (" + String.join(", ", columns) + ").");
        }
        Table cast = tables.sqlQuery("SELECT CAST(`" + columns.get(0).replace("`", "``") + "` AS "
                + targetDataType.getLogicalType().typeName() + ") AS `" + columns.get(0).replace("`", "``")
                + "` FROM " + table);
        return toStream(cast, ATOMIC, io.sluice.runtime.connector.ChangelogMode.insertOnly(), -2);
    }

    /**
     * A stream of a structured type ({@code DataTypes.STRUCTURED(User.class, FIELD(...), ...)}) or a row type: the
     * table's columns are matched to the fields by name and cast to the fields' types where they differ; the records
     * are instances of the structured type's class (fields set by name, as with {@code toDataStream(table, class)}),
     * or {@code Row}s of the fields.
     */
    private <T> DataStream<T> toStructuredStream(Table table, io.sluice.table.api.DataType targetDataType) {
        io.sluice.runtime.types.LogicalType target = targetDataType.getLogicalType();
        io.sluice.table.api.ResolvedSchema schema = table.getResolvedSchema();
        List<String> items = new java.util.ArrayList<>();
        for (int i = 0; i < target.fieldNames().size(); i++) {
            String field = target.fieldNames().get(i);
            io.sluice.runtime.types.LogicalType type = target.children().get(i);
            io.sluice.table.api.Column column = schema.getColumn(field).orElseThrow(() -> new ValidationException(
                    "The table has no column '" + field + "' for the field of the same name of " + targetDataType
                            + "; its columns are " + String.join(", ", schema.getColumnNames()) + "."));
            String quoted = "`" + field.replace("`", "``") + "`";
            io.sluice.runtime.types.LogicalType actual = column.getDataType().getLogicalType();
            items.add(actual.copy(true).equals(type.copy(true)) ? quoted
                    : "CAST(" + quoted + " AS " + type.typeName() + ") AS " + quoted);
        }
        Table projected = tables.sqlQuery("SELECT " + String.join(", ", items) + " FROM " + table);
        Class<?> targetClass = targetDataType.getConversionClass();
        if (targetClass == null || targetClass == Row.class) {
            @SuppressWarnings("unchecked")
            DataStream<T> rows = (DataStream<T>) toDataStream(projected);
            return rows;
        }
        return toStream(projected, targetClass, io.sluice.runtime.connector.ChangelogMode.insertOnly(), -2);
    }

    @Override
    public DataStream<Row> toChangelogStream(Table table) {
        return toStream(table, null, io.sluice.runtime.connector.ChangelogMode.all(), -2);
    }

    @Override
    public DataStream<Row> toChangelogStream(Table table, Schema targetSchema) {
        return toChangelogStream(table, targetSchema, ChangelogMode.all());
    }

    @Override
    public DataStream<Row> toChangelogStream(Table table, Schema targetSchema, ChangelogMode changelogMode) {
        if (targetSchema == null) {
            return toStream(table, null, changelogMode.toRuntime(), -2);
        }
        TargetSchemas.Target target = TargetSchemas.apply(tables, table, targetSchema);
        return toStream(target.table(), null, changelogMode.toRuntime(), target.timestampColumn());
    }

    /**
     * A stream of the table's rows: Rows, or instances of {@code pojoClass}, with the row kinds {@code accepted}
     * allows. {@code timestampColumn} is the last column, which becomes the records' timestamp instead of a field;
     * -2 takes the table's single rowtime column (if it has one) as the timestamp, keeping it a field. The table is
     * planned now to check it, and again into the job that runs the stream.
     */
    private <T> DataStream<T> toStream(Table table, Class<?> pojoClass,
            io.sluice.runtime.connector.ChangelogMode accepted, int timestampColumn) {
        BridgeSupport.PlannedTable checked = BridgeContext.dry(() -> BridgeSupport.plan(tables, table));
        String sinkName = "Unregistered_DataStream_Sink_" + STREAM_SINKS.incrementAndGet();
        io.sluice.runtime.connector.ChangelogMode produced = checked.root().changelogMode();
        if (produced.hasUpdates() && !accepted.hasUpdates()) {
            throw new io.sluice.table.api.TableException("Table sink '" + sinkName + "' doesn't support consuming"
                    + " update changes which is produced by node " + checked.root().updateProducer().name());
        }
        if (produced.contains(RowKind.DELETE) && !accepted.contains(RowKind.DELETE)) {
            throw new io.sluice.table.api.TableException("Table sink '" + sinkName + "' doesn't support consuming"
                    + " delete changes.");
        }
        RowType rowType = checked.rowType();
        int rowtime = timestampColumn != -2 ? timestampColumn
                : checked.rowtimeColumns().size() == 1 ? checked.rowtimeColumns().get(0) : -1;
        int recordColumns = timestampColumn >= 0 ? rowType.size() - 1 : rowType.size();
        List<String> recordNames = rowType.names().subList(0, recordColumns);
        RecordFactory factory = pojoClass == null ? RecordFactory.rows()
                : pojoClass == ATOMIC ? RecordFactory.atomic() : RecordFactory.pojos(pojoClass, recordNames);
        TypeInformation<?> type = pojoClass == null ? rowTypeInfo(rowType, recordColumns)
                : pojoClass == ATOMIC ? TypeInformation.of(externalClass(rowType.type(0)))
                : TypeInformation.of(pojoClass);
        boolean dropUpdateBefore = produced.contains(RowKind.UPDATE_BEFORE)
                && !accepted.contains(RowKind.UPDATE_BEFORE);
        String name = "TableToDataStream(" + sinkName + ")";
        SourceNode[] self = new SourceNode[1];
        SourceNode source = new SourceNode(name, type, builder -> BridgeContext.within(builder, () -> {
            BridgeSupport.PlannedTable planned = BridgeSupport.plan(tables, table);
            if (dropUpdateBefore) {
                UpdateBeforeElimination.apply(planned.root());
            }
            Transformation root = planned.root();
            if (self[0].idleTimeout() != null) {
                IdleSources.apply(root, self[0].idleTimeout());
            }
            return new OperatorTransformation(name, List.of(root),
                    () -> new TableToRecordsOperator(planned.rowType(), factory, rowtime, recordColumns, type),
                    RecordBatches.TYPE);
        }));
        self[0] = source;
        OperatorNode head = new OperatorNode(name, type, new PassThroughOperator(name), List.of(source));
        return new DataStream<>(env, head);
    }

    private static RowTypeInfo rowTypeInfo(RowType rowType, int columns) {
        TypeInformation<?>[] types = new TypeInformation<?>[columns];
        for (int i = 0; i < types.length; i++) {
            types[i] = TypeInformation.of(externalClass(rowType.type(i)));
        }
        return new RowTypeInfo(types, rowType.names().subList(0, columns).toArray(new String[0]));
    }

    private static Class<?> externalClass(LogicalType t) {
        switch (t.root()) {
            case BOOLEAN:
                return Boolean.class;
            case TINYINT:
                return Byte.class;
            case SMALLINT:
                return Short.class;
            case INTEGER:
                return Integer.class;
            case BIGINT:
                return Long.class;
            case FLOAT:
                return Float.class;
            case DOUBLE:
                return Double.class;
            case DECIMAL:
                return java.math.BigDecimal.class;
            case CHAR:
            case VARCHAR:
                return String.class;
            case BINARY:
            case VARBINARY:
                return byte[].class;
            case DATE:
                return java.time.LocalDate.class;
            case TIME:
                return java.time.LocalTime.class;
            case TIMESTAMP:
                return java.time.LocalDateTime.class;
            case TIMESTAMP_LTZ:
                return java.time.Instant.class;
            case ARRAY:
            case MAP:
            case MULTISET:
            case ROW:
                return io.sluice.runtime.data.ConstructedValues.externalClass(t);
            default:
                return Object.class;
        }
    }

    // ------------------------------------------------------------------ TableEnvironment

    @Override
    public TableResult executeSql(String statement) {
        return tables.executeSql(statement);
    }

    @Override
    public Table sqlQuery(String query) {
        return tables.sqlQuery(query);
    }

    @Override
    public Table from(String path) {
        return tables.from(path);
    }

    @Override
    public Table fromValues(DataTypes.RowDataType rowType, Object... values) {
        return tables.fromValues(rowType, values);
    }

    @Override
    public Table fromValues(DataTypes.RowDataType rowType, Iterable<?> values) {
        return tables.fromValues(rowType, values);
    }

    @Override
    public Table fromValues(Object... values) {
        return tables.fromValues(values);
    }

    @Override
    public Table fromValues(Iterable<?> values) {
        return tables.fromValues(values);
    }

    @Override
    public Table from(TableDescriptor descriptor) {
        return tables.from(descriptor);
    }

    @Override
    public void createTemporaryTable(String path, TableDescriptor descriptor) {
        tables.createTemporaryTable(path, descriptor);
    }

    @Override
    public void createTemporaryTable(String path, TableDescriptor descriptor, boolean ignoreIfExists) {
        tables.createTemporaryTable(path, descriptor, ignoreIfExists);
    }

    @Override
    public void createTable(String path, TableDescriptor descriptor) {
        tables.createTable(path, descriptor);
    }

    @Override
    public boolean createTable(String path, TableDescriptor descriptor, boolean ignoreIfExists) {
        return tables.createTable(path, descriptor, ignoreIfExists);
    }

    @Override
    public void createView(String path, Table view) {
        tables.createView(path, view);
    }

    @Override
    public boolean dropTemporaryView(String path) {
        return tables.dropTemporaryView(path);
    }

    @Override
    public boolean dropTemporaryTable(String path) {
        return tables.dropTemporaryTable(path);
    }

    @Override
    public void createTemporaryView(String path, Table table) {
        tables.createTemporaryView(path, table);
    }

    @Override
    public List<String> listTables() {
        List<String> names = new ArrayList<>();
        for (String n : tables.listTables()) {
            if (!n.startsWith("__datastream_")) {
                names.add(n);
            }
        }
        return names;
    }

    @Override
    public String explainSql(String statement) {
        return tables.explainSql(statement);
    }

    @Override
    public TableConfig getConfig() {
        return tables.getConfig();
    }

    @Override
    public StreamStatementSet createStatementSet() {
        return new StreamStatementSetImpl(tables.createStatementSet(), env);
    }

    @Override
    public void createTemporarySystemFunction(String name, Class<? extends UserDefinedFunction> functionClass) {
        tables.createTemporarySystemFunction(name, functionClass);
    }

    @Override
    public void createTemporarySystemFunction(String name, UserDefinedFunction functionInstance) {
        tables.createTemporarySystemFunction(name, functionInstance);
    }

    @Override
    public void createTemporaryFunction(String path, Class<? extends UserDefinedFunction> functionClass) {
        tables.createTemporaryFunction(path, functionClass);
    }

    @Override
    public void createTemporaryFunction(String path, UserDefinedFunction functionInstance) {
        tables.createTemporaryFunction(path, functionInstance);
    }

    @Override
    public void createFunction(String path, Class<? extends UserDefinedFunction> functionClass) {
        tables.createFunction(path, functionClass);
    }

    @Override
    public void createFunction(String path, Class<? extends UserDefinedFunction> functionClass,
            boolean ignoreIfExists) {
        tables.createFunction(path, functionClass, ignoreIfExists);
    }

    @Override
    public boolean dropTemporarySystemFunction(String name) {
        return tables.dropTemporarySystemFunction(name);
    }

    @Override
    public boolean dropTemporaryFunction(String path) {
        return tables.dropTemporaryFunction(path);
    }

    @Override
    public boolean dropFunction(String path) {
        return tables.dropFunction(path);
    }

    @Override
    public String[] listUserDefinedFunctions() {
        return tables.listUserDefinedFunctions();
    }
}
