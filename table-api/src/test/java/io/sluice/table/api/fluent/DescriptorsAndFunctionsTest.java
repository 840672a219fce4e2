package io.sluice.table.api.fluent;

import static io.sluice.table.api.Expressions.$;
import static io.sluice.table.api.Expressions.call;
import static io.sluice.table.api.Expressions.lit;
import static io.sluice.table.api.Expressions.row;
import static io.sluice.table.api.fluent.FluentTestSupport.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.table.api.DataTypes;
import io.sluice.table.api.EnvironmentSettings;
import io.sluice.table.api.FormatDescriptor;
import io.sluice.table.api.Schema;
import io.sluice.table.api.Table;
import io.sluice.table.api.TableDescriptor;
import io.sluice.table.api.TableEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tables described in code, values, lateral joins with table functions, and map/flatMap. */
class DescriptorsAndFunctionsTest {
    @TempDir
    Path dir;

    @Test
    void temporaryTableFromDescriptorWithComputedColumnWatermarkAndKey() throws Exception {
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        env.createTemporaryTable("Gen", TableDescriptor.forConnector("datagen")
                .schema(Schema.newBuilder()
                        .column("id", DataTypes.BIGINT().notNull())
                        .column("ts", DataTypes.TIMESTAMP(3))
                        .columnByExpression("id2", $("id").times(2))
                        .watermark("ts", $("ts").minus(lit(5).seconds()))
                        .primaryKey("id")
                        .build())
                .option("number-of-rows", "4")
                .option("fields.id.kind", "sequence")
                .option("fields.id.start", "1")
                .option("fields.id.end", "4")
                .build());
        String ddl = env.executeSql("SHOW CREATE TABLE Gen").collect().next().getField(0).toString();
        assertTrue(ddl.contains("WATERMARK FOR `ts` AS") && ddl.contains("INTERVAL '5' SECOND"), ddl);
        assertTrue(ddl.contains("PRIMARY KEY (`id`) NOT ENFORCED"), ddl);
        assertEquals(List.of("+I[1, 2]", "+I[2, 4]", "+I[3, 6]", "+I[4, 8]"),
                rows(env.from("Gen").select($("id"), $("id2"))));
    }

    @Test
    void filesystemTableWithFormatDescriptorWrittenAndRead() throws Exception {
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        TableDescriptor csv = TableDescriptor.forConnector("filesystem")
                .schema(Schema.newBuilder().column("name", DataTypes.STRING()).column("score", "INT").build())
                .option("path", dir.resolve("scores").toString())
                .format(FormatDescriptor.forFormat("csv").option("field-delimiter", "|").build())
                .build();
        env.createTable("Scores", csv);
        env.fromValues(row("ann", 3), row("bo", 5)).as("name", "score").executeInsert("Scores").await();
        assertEquals(List.of("+I[ann, 3]", "+I[bo, 5]"), rows(env.from("Scores")));
        String written = Files.list(dir.resolve("scores")).filter(Files::isRegularFile).map(p -> {
            try {
                return Files.readString(p);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).reduce("", String::concat);
        assertTrue(written.contains("ann|3"), written);
        assertEquals(List.of("+I[ann, 3]", "+I[bo, 5]"), rows(env.from(csv)));
    }

    @Test
    void fromValuesWithAndWithoutRowType() throws Exception {
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        Table untyped = env.fromValues(row(1, "ABC"), row(2L, "ABCDE"));
        assertEquals(List.of("f0", "f1"), untyped.getResolvedSchema().getColumnNames());
        assertEquals("BIGINT NOT NULL", untyped.getResolvedSchema().getColumnDataTypes().get(0).toString());
        assertEquals(List.of("+I[1, ABC]", "+I[2, ABCDE]"), rows(untyped));
        Table typed = env.fromValues(DataTypes.ROW(DataTypes.FIELD("id", DataTypes.DECIMAL(10, 2)),
                DataTypes.FIELD("name", DataTypes.STRING())), row(1, "ABC"), row(2L, "ABCDE"));
        assertEquals(List.of("id", "name"), typed.getResolvedSchema().getColumnNames());
        assertEquals(List.of("+I[1.00, ABC]", "+I[2.00, ABCDE]"), rows(typed));
    }

    @Test
    void lateralJoinsMapAndFlatMap() throws Exception {
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        env.createTemporarySystemFunction("split", FluentUdfs.Split.class);
        Table orders = env.fromValues(row(1, "a bb"), row(2, ""), row(3, "ccc")).as("id", "c");
        assertEquals(List.of("+I[1, a, 1]", "+I[1, bb, 2]", "+I[3, ccc, 3]"),
                rows(orders.joinLateral(call("split", $("c")).as("s", "t")).select($("id"), $("s"), $("t"))));
        assertEquals(List.of("+I[1, a]", "+I[1, bb]", "+I[2, null]", "+I[3, ccc]"),
                rows(orders.leftOuterJoinLateral(call("split", $("c")).as("s", "t")).select($("id"), $("s"))));
        assertEquals(List.of("+I[1, bb]", "+I[3, ccc]"), rows(orders.joinLateral(call(FluentUdfs.Split.class,
                $("c")).as("s", "t"), $("t").isGreater(1)).select($("id"), $("s"))));
        assertEquals(List.of("+I[2]", "+I[4]", "+I[6]"),
                rows(orders.map(call(FluentUdfs.Twice.class, $("id"))).as("x")));
        Table pairs = orders.map(call(FluentUdfs.WithLength.class, $("c")));
        assertEquals(List.of("_c0", "_c1"), pairs.getResolvedSchema().getColumnNames());
        assertEquals(List.of("+I[, 0]", "+I[a bb, 4]", "+I[ccc, 3]"), rows(pairs));
        assertEquals(List.of("w", "n"), orders.map(call(FluentUdfs.WithLength.class, $("c"))).as("w", "n")
                .getResolvedSchema().getColumnNames());
        assertEquals(List.of("w", "n"), orders.map(call(FluentUdfs.WithLength.class, $("c")).as("w", "n"))
                .getResolvedSchema().getColumnNames());
        assertEquals(List.of("+I[a, 1]", "+I[bb, 2]", "+I[ccc, 3]"),
                rows(orders.flatMap(call("split", $("c")))));
    }

    @Test
    void userDefinedAggregateFunctionsByClassAndName() throws Exception {
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        env.createTemporarySystemFunction("wavg", io.sluice.table.udf.AggregateUdfs.WeightedAvg.class);
        Table t = env.fromValues(row("x", 10L, 1), row("x", 40L, 2), row("y", 7L, 5)).as("k", "v", "w");
        assertEquals(List.of("+I[x, 30, 30]", "+I[y, 7, 7]"), rows(t.groupBy($("k")).select($("k"),
                call(io.sluice.table.udf.AggregateUdfs.WeightedAvg.class, $("v"), $("w")),
                call("wavg", $("v"), $("w")))));
        assertEquals(List.of("+I[x, 30]", "+I[y, 7]"), rows(t.groupBy($("k"))
                .aggregate(call("wavg", $("v"), $("w")).as("avg")).select($("k"), $("avg"))));
        assertEquals(List.of("+I[15]"), rows(t.aggregate(call("wavg", $("v"), $("w")).as("avg")).select($("avg"))));
    }
}
