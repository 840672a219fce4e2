package io.sluice.table.api.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.api.common.RuntimeExecutionMode;
import io.sluice.api.java.tuple.Tuple2;
import io.sluice.streaming.api.datastream.DataStream;
import io.sluice.streaming.api.environment.StreamExecutionEnvironment;
import io.sluice.table.api.Schema;
import io.sluice.table.api.Table;
import io.sluice.table.api.TableException;
import io.sluice.table.api.ValidationException;
import io.sluice.table.api.bridge.java.StreamStatementSet;
import io.sluice.table.api.bridge.java.StreamTableEnvironment;
import io.sluice.table.connector.ChangelogMode;
import io.sluice.types.Row;
import io.sluice.types.RowKind;
import io.sluice.util.CloseableIterator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Conversions between DataStreams and tables: types, schemas, modes, table jobs and errors. */
class ConversionsTest {
    @TempDir
    Path dir;

    private static List<String> collect(Table table) throws Exception {
        List<String> rows = new ArrayList<>();
        try (CloseableIterator<Row> it = table.execute().collect()) {
            it.forEachRemaining(r -> rows.add(r.toString()));
        }
        return rows;
    }

    @Test
    void tuplesBecomeColumnsF0F1AndPojosAreMadeFromRows() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        StreamTableEnvironment tableEnv = StreamTableEnvironment.create(env);
        DataStream<Tuple2<String, Integer>> pairs = env.fromElements(Tuple2.of("a", 1), Tuple2.of("b", 2));
        Table t = tableEnv.fromDataStream(pairs);
        assertEquals(List.of("f0", "f1"), t.getResolvedSchema().getColumnNames());
        Table users = tableEnv.sqlQuery("SELECT f0 AS name, f1 * 10 AS score, TO_TIMESTAMP_LTZ(1000, 3)"
                + " AS event_time FROM " + t);
        List<String> out = new ArrayList<>();
        for (EventTimeTest.User u : tableEnv.toDataStream(
                tableEnv.sqlQuery("SELECT name, score, CAST(event_time AS TIMESTAMP_LTZ(9)) AS event_time FROM "
                        + users), EventTimeTest.User.class).executeAndCollect(10)) {
            out.add(u.name + "=" + u.score + "@" + u.event_time);
        }
        assertEquals(List.of("a=10@1970-01-01T00:00:01Z", "b=20@1970-01-01T00:00:01Z"), out);
    }

    @Test
    void schemaWithPhysicalColumnsReordersAndRetypes() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        StreamTableEnvironment tableEnv = StreamTableEnvironment.create(env);
        DataStream<EventTimeTest.User> users = env.fromElements(
                new EventTimeTest.User("Alice", 4, Instant.ofEpochMilli(1000)),
                new EventTimeTest.User("Bob", 6, Instant.ofEpochMilli(1001)));
        Table table = tableEnv.fromDataStream(users, Schema.newBuilder()
                .column("event_time", "TIMESTAMP_LTZ(3)")
                .column("name", "STRING")
                .column("score", "INT")
                .build());
        assertEquals(List.of("event_time", "name", "score"), table.getResolvedSchema().getColumnNames());
        assertEquals(List.of("+I[1970-01-01T00:00:01Z, Alice, 4]", "+I[1970-01-01T00:00:01.001Z, Bob, 6]"),
                collect(table));
    }

    @Test
    void schemaWithSomePhysicalColumnsProjectsTheOthersAway() throws Exception {
        // as in Flink: declared physical columns project the stream's fields; score and event_time are not columns
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        StreamTableEnvironment tableEnv = StreamTableEnvironment.create(env);
        DataStream<EventTimeTest.User> users = env.fromElements(
                new EventTimeTest.User("Alice", 4, Instant.ofEpochMilli(1000)),
                new EventTimeTest.User("Bob", 6, Instant.ofEpochMilli(1001)));
        Table table = tableEnv.fromDataStream(users, Schema.newBuilder()
                .column("name", "STRING")
                .columnByExpression("upper_name", "UPPER(name)")
                .columnByExpression("doubled", "score * 2") // a computed column reads a field left out
                .build());
        assertEquals(List.of("name", "upper_name", "doubled"), table.getResolvedSchema().getColumnNames());
        assertEquals(List.of("+I[Alice, ALICE, 8]", "+I[Bob, BOB, 12]"), collect(table));
    }

    @Test
    void unknownSchemaFieldAndMetadataKeyAreErrors() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        StreamTableEnvironment tableEnv = StreamTableEnvironment.create(env);
        DataStream<String> names = env.fromElements("Alice");
        ValidationException e = assertThrows(ValidationException.class, () -> tableEnv.fromDataStream(names,
                Schema.newBuilder().column("name", "STRING").build()));
        assertTrue(e.getMessage().contains("Unable to find a field named 'name'"), e.getMessage());
        assertTrue(e.getMessage().contains("f0"), e.getMessage());
        e = assertThrows(ValidationException.class, () -> tableEnv.fromDataStream(names,
                Schema.newBuilder().columnByMetadata("ts", "TIMESTAMP_LTZ(3)").build()));
        assertTrue(e.getMessage().contains("Invalid metadata key 'ts'"), e.getMessage());
    }

    @Test
    void updatingTableCannotBecomeAnInsertOnlyStream() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        StreamTableEnvironment tableEnv = StreamTableEnvironment.create(env);
        tableEnv.createTemporaryView("Words", env.fromElements("a", "b", "a"));
        TableException e = assertThrows(TableException.class, () -> tableEnv.toDataStream(
                tableEnv.sqlQuery("SELECT f0, COUNT(*) FROM Words GROUP BY f0")));
        assertTrue(e.getMessage().startsWith("Table sink 'Unregistered_DataStream_Sink_"), e.getMessage());
        assertTrue(e.getMessage().contains("doesn't support consuming update changes"), e.getMessage());
    }

    @Test
    void upsertChangelogLeavesOutUpdateBefore() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        StreamTableEnvironment tableEnv = StreamTableEnvironment.create(env);
        tableEnv.createTemporaryView("Words", env.fromElements("a", "b", "a"));
        Table counts = tableEnv.sqlQuery("SELECT f0 AS word, COUNT(*) AS n FROM Words GROUP BY f0");
        List<String> out = new ArrayList<>();
        for (Row r : tableEnv.toChangelogStream(counts, Schema.newBuilder()
                .column("word", "STRING").column("n", "BIGINT").primaryKey("word").build(), ChangelogMode.upsert())
                .executeAndCollect(10)) {
            out.add(r.toString());
        }
        assertEquals(List.of("+I[a, 1]", "+I[b, 1]", "+U[a, 2]"), out);
    }

    @Test
    void batchModeEmitsFinalResults() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        StreamTableEnvironment tableEnv = StreamTableEnvironment.create(env);
        DataStream<Row> dataStream = env.fromElements(Row.of("Alice", 12), Row.of("Bob", 10), Row.of("Alice", 100));
        tableEnv.createTemporaryView("InputTable", tableEnv.fromDataStream(dataStream).as("name", "score"));
        List<String> out = new ArrayList<>();
        for (Row r : tableEnv.toChangelogStream(tableEnv.sqlQuery(
                "SELECT name, SUM(score) FROM InputTable GROUP BY name")).executeAndCollect(10)) {
            out.add(r.toString());
        }
        out.sort(null);
        assertEquals(List.of("+I[Alice, 112]", "+I[Bob, 10]"), out);
    }

    @Test
    void insertIntoATableSinkRunsTheStreamInTheTableJob() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        StreamTableEnvironment tableEnv = StreamTableEnvironment.create(env);
        DataStream<Row> orders = env.fromElements(Row.of("pen", 3), Row.of("ink", 5), Row.of("pen", 4))
                .map(r -> Row.of(r.getField(0), (Integer) r.getField(1) * 100))
                .returns(new io.sluice.api.java.typeutils.RowTypeInfo(
                        new io.sluice.api.common.typeinfo.TypeInformation<?>[] {
                                io.sluice.api.common.typeinfo.Types.STRING, io.sluice.api.common.typeinfo.Types.INT},
                        new String[] {"item", "cents"}));
        tableEnv.createTemporaryView("Orders", orders);
        Path out = dir.resolve("out");
        tableEnv.executeSql("CREATE TABLE Big (item STRING, cents INT) WITH ('connector' = 'filesystem', 'path' = '"
                + out.toString().replace("'", "''") + "', 'format' = 'csv')");
        tableEnv.executeSql("INSERT INTO Big SELECT item, cents FROM Orders WHERE cents > 300").await();
        List<String> lines = new ArrayList<>();
        try (var files = Files.walk(out)) {
            for (Path p : files.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                    .toList()) {
                lines.addAll(Files.readAllLines(p));
            }
        }
        lines.sort(null);
        assertEquals(List.of("ink,500", "pen,400"), lines);
    }

    @Test
    void upsertChangelogStreamNeedsAPrimaryKey() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        StreamTableEnvironment tableEnv = StreamTableEnvironment.create(env);
        DataStream<Row> dataStream = env.fromElements(Row.ofKind(RowKind.INSERT, "Alice", 12));
        ValidationException e = assertThrows(ValidationException.class,
                () -> tableEnv.fromChangelogStream(dataStream, Schema.newBuilder().build(), ChangelogMode.upsert()));
        assertTrue(e.getMessage().contains("needs a primary key"), e.getMessage());
    }

    @Test
    void statementSetAttachedToTheDataStreamJobRunsWithIt() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        StreamTableEnvironment tableEnv = StreamTableEnvironment.create(env);
        DataStream<String> words = env.fromElements("a", "bb", "ccc");
        tableEnv.createTemporaryView("Words", words);
        Path out = dir.resolve("lengths");
        tableEnv.executeSql("CREATE TABLE Lengths (w STRING, n INT) WITH ('connector' = 'filesystem', 'path' = '"
                + out.toString().replace("'", "''") + "', 'format' = 'csv')");
        StreamStatementSet set = tableEnv.createStatementSet();
        set.addInsertSql("INSERT INTO Lengths SELECT f0, CHAR_LENGTH(f0) FROM Words");
        set.attachAsDataStream();
        String printed = StdOut.capture(() -> {
            words.map(String::toUpperCase).print();
            env.execute();
        });
        assertEquals("A\nBB\nCCC\n", printed);
        List<String> lines = new ArrayList<>();
        try (var files = Files.walk(out)) {
            for (Path p : files.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                    .toList()) {
                lines.addAll(Files.readAllLines(p));
            }
        }
        lines.sort(null);
        assertEquals(List.of("a,1", "bb,2", "ccc,3"), lines);
    }

    @Test
    void proctimeComputedColumn() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        StreamTableEnvironment tableEnv = StreamTableEnvironment.create(env);
        Table table = tableEnv.fromDataStream(env.fromElements("x", "y"),
                Schema.newBuilder().columnByExpression("proc_time", "PROCTIME()").build());
        assertEquals(List.of("f0", "proc_time"), table.getResolvedSchema().getColumnNames());
        List<String> rows = collect(tableEnv.sqlQuery("SELECT f0, proc_time IS NOT NULL FROM " + table));
        assertEquals(List.of("+I[x, true]", "+I[y, true]"), rows);
    }

    @Test
    void oneColumnTableToAStreamOfAnAtomicType() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        StreamTableEnvironment tableEnv = StreamTableEnvironment.create(env);
        Table lengths = tableEnv.sqlQuery("SELECT CHAR_LENGTH(f0) FROM "
                + tableEnv.fromDataStream(env.fromElements("a", "bb", "ccc")));
        DataStream<Long> longs = tableEnv.toDataStream(lengths, io.sluice.table.api.DataTypes.BIGINT());
        assertEquals(List.of(2L, 3L, 4L), longs.map(n -> n + 1).executeAndCollect(10));
        assertThrows(ValidationException.class, () -> tableEnv.toDataStream(
                tableEnv.fromDataStream(env.fromElements(Tuple2.of("a", 1))), io.sluice.table.api.DataTypes.INT()));
    }
}
