package io.sluice.table.api.bridge;

import static io.sluice.table.api.Expressions.$;
import static io.sluice.table.api.Expressions.row;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.streaming.api.datastream.DataStream;
import io.sluice.streaming.api.environment.StreamExecutionEnvironment;
import io.sluice.table.api.Schema;
import io.sluice.table.api.Table;
import io.sluice.table.api.bridge.java.StreamTableEnvironment;
import io.sluice.table.connector.ChangelogMode;
import io.sluice.types.Row;
import io.sluice.types.RowKind;
import io.sluice.util.CloseableIterator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The examples of Flink's documentation page "DataStream API Integration", ported (imports {@code org.apache.flink}
 * -> {@code io.sluice}) and compared with the output the page documents.
 */
class FlinkDocExamplesTest {

    @Test
    void convertingBetweenDataStreamAndTable() throws Exception {
        String out = StdOut.capture(() -> {
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            StreamTableEnvironment tableEnv = StreamTableEnvironment.create(env);
            DataStream<String> dataStream = env.fromElements("Alice", "Bob", "John");
            Table inputTable = tableEnv.fromDataStream(dataStream);
            tableEnv.createTemporaryView("InputTable", inputTable);
            Table resultTable = tableEnv.sqlQuery("SELECT UPPER(f0) FROM InputTable");
            DataStream<Row> resultStream = tableEnv.toDataStream(resultTable);
            resultStream.print();
            env.execute();
        });
        assertEquals("+I[ALICE]\n+I[BOB]\n+I[JOHN]\n", out);
    }

    @Test
    void updatingTableToChangelogStream() throws Exception {
        String out = StdOut.capture(() -> {
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            StreamTableEnvironment tableEnv = StreamTableEnvironment.create(env);
            DataStream<Row> dataStream = env.fromElements(
                    Row.of("Alice", 12),
                    Row.of("Bob", 10),
                    Row.of("Alice", 100));
            Table inputTable = tableEnv.fromDataStream(dataStream).as("name", "score");
            tableEnv.createTemporaryView("InputTable", inputTable);
            Table resultTable = tableEnv.sqlQuery("SELECT name, SUM(score) FROM InputTable GROUP BY name");
            DataStream<Row> resultStream = tableEnv.toChangelogStream(resultTable);
            resultStream.print();
            env.execute();
        });
        assertEquals("+I[Alice, 12]\n+I[Bob, 10]\n-U[Alice, 12]\n+U[Alice, 112]\n", out);
    }

    @Test
    void fromChangelogStreamAsRetractStream() throws Exception {
        String out = StdOut.capture(() -> {
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            StreamTableEnvironment tableEnv = StreamTableEnvironment.create(env);
            DataStream<Row> dataStream = env.fromElements(
                    Row.ofKind(RowKind.INSERT, "Alice", 12),
                    Row.ofKind(RowKind.INSERT, "Bob", 5),
                    Row.ofKind(RowKind.UPDATE_BEFORE, "Alice", 12),
                    Row.ofKind(RowKind.UPDATE_AFTER, "Alice", 100));
            Table table = tableEnv.fromChangelogStream(dataStream);
            tableEnv.createTemporaryView("InputTable", table);
            tableEnv.executeSql("SELECT f0 AS name, SUM(f1) AS score FROM InputTable GROUP BY f0").print();
        });
        // Flink's page shows Bob's row first (its job ran in parallel); per name the changes come in this order
        assertEquals(String.join("\n",
                "+----+--------------------------------+-------------+",
                "| op |                           name |       score |",
                "+----+--------------------------------+-------------+",
                "| +I |                          Alice |          12 |",
                "| +I |                            Bob |           5 |",
                "| -D |                          Alice |          12 |",
                "| +I |                          Alice |         100 |",
                "+----+--------------------------------+-------------+",
                "Received a total of 4 rows", ""), out);
    }

    @Test
    void fromChangelogStreamAsUpsertStream() throws Exception {
        String out = StdOut.capture(() -> {
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            StreamTableEnvironment tableEnv = StreamTableEnvironment.create(env);
            DataStream<Row> dataStream = env.fromElements(
                    Row.ofKind(RowKind.INSERT, "Alice", 12),
                    Row.ofKind(RowKind.INSERT, "Bob", 5),
                    Row.ofKind(RowKind.UPDATE_AFTER, "Alice", 100));
            Table table = tableEnv.fromChangelogStream(
                    dataStream,
                    Schema.newBuilder().primaryKey("f0").build(),
                    ChangelogMode.upsert());
            tableEnv.createTemporaryView("InputTable", table);
            tableEnv.executeSql("SELECT f0 AS name, SUM(f1) AS score FROM InputTable GROUP BY f0").print();
        });
        // the same changes as Flink's page shows (there Bob's row comes first)
        assertEquals(String.join("\n",
                "+----+--------------------------------+-------------+",
                "| op |                           name |       score |",
                "+----+--------------------------------+-------------+",
                "| +I |                          Alice |          12 |",
                "| +I |                            Bob |           5 |",
                "| -D |                          Alice |          12 |",
                "| +I |                          Alice |         100 |",
                "+----+--------------------------------+-------------+",
                "Received a total of 4 rows", ""), out);
    }

    @Test
    void toChangelogStreamWithoutEventTime() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        StreamTableEnvironment tableEnv = StreamTableEnvironment.create(env);
        Table simpleTable = tableEnv
                .fromValues(row("Alice", 12), row("Alice", 2), row("Bob", 12))
                .as("name", "score")
                .groupBy($("name"))
                .select($("name"), $("score").sum());
        List<String> printed = new ArrayList<>();
        try (CloseableIterator<Row> it = tableEnv.toChangelogStream(simpleTable).executeAndCollect()) {
            it.forEachRemaining(r -> printed.add(r.toString()));
        }
        assertEquals(List.of("+I[Alice, 12]", "-U[Alice, 12]", "+U[Alice, 14]", "+I[Bob, 12]"), printed);
    }
}
