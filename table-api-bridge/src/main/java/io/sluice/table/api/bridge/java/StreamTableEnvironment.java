package io.sluice.table.api.bridge.java;

import io.sluice.streaming.api.datastream.DataStream;
import io.sluice.streaming.api.environment.StreamExecutionEnvironment;
import io.sluice.table.api.EnvironmentSettings;
import io.sluice.table.api.Schema;
import io.sluice.table.api.Table;
import io.sluice.table.api.TableEnvironment;
import io.sluice.table.api.bridge.internal.StreamTableEnvironmentImpl;
import io.sluice.table.connector.ChangelogMode;
import io.sluice.types.Row;

/**
 * A {@link TableEnvironment} that converts between tables and DataStreams of a {@link StreamExecutionEnvironment},
 * as Flink's {@code StreamTableEnvironment}. It takes the stream environment's configuration (runtime mode,
 * parallelism, checkpointing) when it is created.
 *
 * <p>Conversions are lazy: a table read from a stream and a stream made from a table run in the job that executes
 * them. {@code env.execute()} runs every stream made with {@link #toDataStream}/{@link #toChangelogStream} together
 * with the SQL it contains and the streams that SQL reads, as one job; {@code executeSql}, {@code Table.execute()}
 * and statement sets run a table pipeline, with the streams it reads, as a job of its own. Records become Arrow
 * batches once where a stream enters a table, and batches become records once where a table leaves.
 */
public interface StreamTableEnvironment extends TableEnvironment {

    /** A table environment for {@code executionEnvironment}, with its runtime mode and options. */
    static StreamTableEnvironment create(StreamExecutionEnvironment executionEnvironment) {
        return new StreamTableEnvironmentImpl(executionEnvironment, null);
    }

    /** A table environment for {@code executionEnvironment}; {@code settings}' options apply on top of its options. */
    static StreamTableEnvironment create(StreamExecutionEnvironment executionEnvironment, EnvironmentSettings settings) {
        return new StreamTableEnvironmentImpl(executionEnvironment, settings);
    }

    /**
     * The insert-only stream as a table; its columns come from the stream's type (an atomic type is column
     * {@code f0}; a {@code Row}'s fields, a tuple's {@code f0, f1, ...}, a POJO's fields). Event time and watermarks
     * are not taken (use a {@link Schema} with the {@code rowtime} metadata column and {@code SOURCE_WATERMARK()}).
     */
    <T> Table fromDataStream(DataStream<T> dataStream);

    /**
     * The insert-only stream as a table with {@code schema}: physical columns declared in the schema project the
     * stream's fields (only they are columns, in the schema's order, and they may change their types; as in Flink,
     * the undeclared fields are left out); without physical columns every field is a column. Computed columns,
     * {@code PROCTIME()}, the metadata column {@code rowtime} ({@code TIMESTAMP_LTZ(3)}, the record's timestamp), a
     * watermark (an expression or {@code SOURCE_WATERMARK()} for the stream's own watermarks) and a primary key are
     * added.
     */
    <T> Table fromDataStream(DataStream<T> dataStream, Schema schema);

    /** A stream of {@code Row}s with any {@link io.sluice.types.RowKind} as a table (a changelog of all kinds). */
    Table fromChangelogStream(DataStream<Row> dataStream);

    /** {@link #fromChangelogStream(DataStream)} with a {@link Schema} as in {@link #fromDataStream(DataStream, Schema)}. */
    Table fromChangelogStream(DataStream<Row> dataStream, Schema schema);

    /** {@link #fromChangelogStream(DataStream, Schema)} reading the row kinds of {@code changelogMode}. */
    Table fromChangelogStream(DataStream<Row> dataStream, Schema schema, ChangelogMode changelogMode);

    /** Registers {@code fromDataStream(dataStream)} as the temporary view {@code path}. */
    <T> void createTemporaryView(String path, DataStream<T> dataStream);

    /** Registers {@code fromDataStream(dataStream, schema)} as the temporary view {@code path}. */
    <T> void createTemporaryView(String path, DataStream<T> dataStream, Schema schema);

    /**
     * The insert-only table as a stream of {@code Row}s (kind {@code +I}); a table that produces updates is an error.
     * The value of the table's single rowtime column (if it has exactly one) becomes the record's timestamp, and the
     * table's watermarks pass into the stream.
     */
    DataStream<Row> toDataStream(Table table);

    /** {@link #toDataStream(Table)} as instances of a POJO class whose fields are the table's columns by name. */
    <T> DataStream<T> toDataStream(Table table, Class<T> targetClass);

    /**
     * {@link #toDataStream(Table)} converted to {@code targetDataType} (Sluice's {@code DataType} stands for Flink's
     * {@code AbstractDataType}): for a structured type ({@code DataTypes.STRUCTURED(User.class, FIELD("name",
     * STRING()), ...)}) the table's columns matched to its fields by name, cast to the fields' types, as instances
     * of its class; for an atomic type such as {@code DataTypes.STRING()}, the values of the table's one column.
     */
    <T> DataStream<T> toDataStream(Table table, io.sluice.table.api.DataType targetDataType);

    /** The table's changelog as a stream of {@code Row}s with their row kinds ({@code +I -U +U -D}). */
    DataStream<Row> toChangelogStream(Table table);

    /** {@link #toChangelogStream(Table)}; {@code targetSchema} names the table's columns in the order of the rows. */
    DataStream<Row> toChangelogStream(Table table, Schema targetSchema);

    /**
     * {@link #toChangelogStream(Table, Schema)} with the row kinds of {@code changelogMode}: {@code upsert()} leaves
     * out update-before rows, {@code insertOnly()} fails for a table that produces updates.
     */
    DataStream<Row> toChangelogStream(Table table, Schema targetSchema, ChangelogMode changelogMode);

    /** A statement set whose INSERTs run as their own job ({@code execute()}) or in the DataStream job. */
    @Override
    StreamStatementSet createStatementSet();
}
