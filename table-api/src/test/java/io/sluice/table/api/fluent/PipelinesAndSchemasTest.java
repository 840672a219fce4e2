package io.sluice.table.api.fluent;

import static io.sluice.table.api.Expressions.$;
import static io.sluice.table.api.Expressions.array;
import static io.sluice.table.api.Expressions.row;
import static io.sluice.table.api.fluent.FluentTestSupport.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.table.api.CompiledPlan;
import io.sluice.table.api.DataType;
import io.sluice.table.api.DataTypes;
import io.sluice.table.api.EnvironmentSettings;
import io.sluice.table.api.ExplainDetail;
import io.sluice.table.api.Schema;
import io.sluice.table.api.StatementSet;
import io.sluice.table.api.Table;
import io.sluice.table.api.TableDescriptor;
import io.sluice.table.api.TableEnvironment;
import io.sluice.table.api.TableException;
import io.sluice.table.api.TablePipeline;
import io.sluice.table.api.ValidationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Flink 2.x's descriptor, pipeline and schema methods: {@code TableDescriptor.toBuilder}, {@code createTable} and
 * {@code createTemporaryTable} variants, {@code insertInto(TableDescriptor, overwrite)}, {@code StatementSet.add} and
 * its {@code addInsert} variants, {@code compilePlan()}, {@code fromValues} with any data type and
 * {@code Schema.Builder.fromResolvedSchema/fromRowDataType/fromFields}.
 */
class PipelinesAndSchemasTest {
    @TempDir
    Path dir;

    private TableDescriptor csv(String name) {
        return TableDescriptor.forConnector("filesystem")
                .schema(Schema.newBuilder().column("name", DataTypes.STRING()).column("score", DataTypes.INT()).build())
                .option("path", dir.resolve(name).toString())
                .format("csv")
                .build();
    }

    private static TableEnvironment batch() {
        return TableEnvironment.create(EnvironmentSettings.inBatchMode());
    }

    @Test
    void sourceWatermarkInASchema() {
        Schema schema = Schema.newBuilder().column("ts", DataTypes.TIMESTAMP(3))
                .watermark("ts", io.sluice.table.api.Expressions.sourceWatermark()).build();
        assertTrue(schema.toDdlColumns().endsWith("WATERMARK FOR `ts` AS SOURCE_WATERMARK()"), schema.toDdlColumns());
    }

    @Test
    void descriptorsToBuilderAndCreateVariants() throws Exception {
        TableEnvironment env = batch();
        TableDescriptor three = TableDescriptor.forConnector("datagen")
                .schema(Schema.newBuilder().column("id", DataTypes.INT()).build())
                .option("number-of-rows", "3")
                .build();
        TableDescriptor five = three.toBuilder().option("number-of-rows", "5").comment("five rows").build();
        assertEquals("3", three.getOptions().get("number-of-rows"));
        assertEquals("5", five.getOptions().get("number-of-rows"));
        assertEquals(three.getSchema(), five.getSchema());
        env.createTemporaryTable("Three", three);
        env.createTemporaryTable("Three", five, true); // exists: kept
        assertEquals(List.of("+I[3]"), rows(env.from("Three").select($("id").count())));
        assertThrows(ValidationException.class, () -> env.createTemporaryTable("Three", five));
        assertTrue(env.createTable("Five", five, true));
        assertFalse(env.createTable("Five", three, true));
        assertEquals(List.of("+I[5]"), rows(env.from("Five").select($("id").count())));
    }

    @Test
    void insertIntoADescriptorWithOverwrite() throws Exception {
        TableEnvironment env = batch();
        Table first = env.fromValues(row("ann", 3), row("bo", 5)).as("name", "score");
        Table second = env.fromValues(row("cy", 7)).as("name", "score");
        first.insertInto(csv("scores")).execute().await();
        assertEquals(List.of("+I[ann, 3]", "+I[bo, 5]"), rows(env.from(csv("scores"))));
        second.executeInsert(csv("scores"), true).await();
        assertEquals(List.of("+I[cy, 7]"), rows(env.from(csv("scores"))));
        second.insertInto(csv("scores"), false).execute().await();
        assertEquals(List.of("+I[cy, 7]", "+I[cy, 7]"), rows(env.from(csv("scores"))));
    }

    @Test
    void statementSetsAddPipelinesAndDescriptors() throws Exception {
        TableEnvironment env = batch();
        env.createTable("A", csv("a"));
        Table rows = env.fromValues(row("ann", 3), row("bo", 5)).as("name", "score");
        StatementSet set = env.createStatementSet()
                .add(rows.filter($("score").isGreater(4)).insertInto("A"))
                .addInsert(csv("b"), rows)
                .addInsert("A", rows.filter($("score").isLess(4)), false);
        String plan = set.explain(ExplainDetail.CHANGELOG_MODE);
        assertTrue(plan.contains("changelogMode=[NONE]"), plan);
        assertEquals(set.explain(), set.explain(new ExplainDetail[0]));
        set.execute().await();
        assertEquals(List.of("+I[ann, 3]", "+I[bo, 5]"), rows(env.from("A")));
        assertEquals(List.of("+I[ann, 3]", "+I[bo, 5]"), rows(env.from(csv("b"))));

        env.createStatementSet().addInsert(csv("b"), rows.filter($("score").isLess(4)), true).execute().await();
        assertEquals(List.of("+I[ann, 3]"), rows(env.from(csv("b"))));
    }

    @Test
    void compiledPlansOfPipelinesAndStatementSets() throws Exception {
        TableEnvironment env = batch();
        env.createTable("A", csv("a"));
        env.createTable("B", csv("b"));
        Table rows = env.fromValues(row("ann", 3), row("bo", 5)).as("name", "score");
        TablePipeline pipeline = rows.insertInto("A");
        CompiledPlan plan = pipeline.compilePlan();
        assertTrue(plan.asJsonString().contains("\"statement\" : \"INSERT INTO"), plan.asJsonString());
        assertEquals(pipeline.explain(), plan.explain());
        assertEquals(io.sluice.FlinkVersion.v2_3, plan.getFlinkVersion());
        assertTrue(plan.asJsonString().contains("\"flinkVersion\" : \"2.3\""), plan.asJsonString());
        Path file = dir.resolve("plans").resolve("a.json");
        plan.writeToFile(file);
        assertEquals(plan.asJsonString(), Files.readString(file));
        TableException exists = assertThrows(TableException.class, () -> plan.writeToFile(file.toString()));
        assertTrue(exists.getMessage().contains("Cannot overwrite the plan file"), exists.getMessage());
        plan.writeToFile(file.toFile(), true);
        plan.execute().await();
        assertEquals(List.of("+I[ann, 3]", "+I[bo, 5]"), rows(env.from("A")));
        env.executeSql("EXECUTE PLAN '" + file + "'").await();
        assertEquals(List.of("+I[ann, 3]", "+I[ann, 3]", "+I[bo, 5]", "+I[bo, 5]"), rows(env.from("A")));

        CompiledPlan both = env.createStatementSet().addInsert("B", rows).addInsertSql("INSERT INTO B VALUES ('cy', 7)")
                .compilePlan();
        assertTrue(both.asJsonString().contains("STATEMENT SET BEGIN"), both.asJsonString());
        assertTrue(both.explain().contains("Sink(table=[default_catalog.default_database.B]"), both.explain());
        both.writeToFile(dir.resolve("plans").resolve("b.json"));
        both.execute().await();
        assertEquals(List.of("+I[ann, 3]", "+I[bo, 5]", "+I[cy, 7]"), rows(env.from("B")));
    }

    @Test
    void fromValuesWithAnyDataTypeAndSchemasFromTypes() throws Exception {
        TableEnvironment env = batch();
        Table longs = env.fromValues(DataTypes.BIGINT(), 1, 2);
        assertEquals(List.of("f0"), longs.getResolvedSchema().getColumnNames());
        assertEquals("BIGINT", longs.getResolvedSchema().getColumnDataTypes().get(0).toString());
        assertEquals(List.of("+I[1]", "+I[2]"), rows(longs));
        DataType rowType = DataTypes.ROW(DataTypes.FIELD("id", DataTypes.INT()),
                DataTypes.FIELD("tags", DataTypes.ARRAY(DataTypes.STRING())));
        Table typed = env.fromValues(rowType, List.of(row(1, array("a"))));
        assertEquals(List.of("id", "tags"), typed.getResolvedSchema().getColumnNames());

        Schema fromType = Schema.newBuilder().fromRowDataType(rowType).build();
        assertEquals(List.of("id", "tags"), fromType.getColumnNames());
        env.createTemporaryTable("Typed", TableDescriptor.forConnector("datagen").schema(fromType).build());
        Schema fromTable = Schema.newBuilder().fromResolvedSchema(env.from("Typed").getResolvedSchema()).build();
        assertEquals(fromType.toString(), fromTable.toString());
        assertEquals("(\n  `id` INT,\n  `tags` ARRAY<STRING>\n)", fromTable.toString());
        Schema nested = Schema.newBuilder()
                .fromFields(List.of("k", "r"), List.of(DataTypes.STRING(), DataTypes.ROW(
                        DataTypes.FIELD("a", DataTypes.INT()), DataTypes.FIELD("b", DataTypes.STRING()))))
                .build();
        env.createTemporaryTable("Nested", TableDescriptor.forConnector("datagen").schema(nested)
                .option("number-of-rows", "2").build());
        assertEquals(List.of("a", "b"), env.from("Nested").getResolvedSchema().getColumnDataTypes().get(1)
                .getLogicalType().fieldNames());
        assertThrows(ValidationException.class, () -> Schema.newBuilder().fromRowDataType(DataTypes.INT()));
    }
}
