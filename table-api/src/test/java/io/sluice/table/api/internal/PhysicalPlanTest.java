package io.sluice.table.api.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.codegen.CodeGenerator;
import io.sluice.planner.physical.BatchPhysicalHashAggregate;
import io.sluice.planner.physical.BatchPhysicalHashJoin;
import io.sluice.planner.physical.PhysicalCalc;
import io.sluice.planner.physical.PhysicalCorrelate;
import io.sluice.planner.physical.PhysicalMatch;
import io.sluice.planner.physical.PhysicalPlanConverter;
import io.sluice.planner.physical.PhysicalRel;
import io.sluice.planner.physical.PhysicalRules;
import io.sluice.planner.physical.PhysicalTableScan;
import io.sluice.planner.physical.PhysicalUnnest;
import io.sluice.planner.physical.PhysicalWatermarkAssigner;
import io.sluice.planner.physical.StreamPhysicalGroupAggregate;
import io.sluice.planner.physical.StreamPhysicalJoin;
import io.sluice.planner.physical.StreamPhysicalTemporalJoin;
import io.sluice.planner.translate.JobGraphGenerator;
import io.sluice.runtime.connector.ChangelogMode;
import io.sluice.runtime.graph.Transformation;
import io.sluice.table.api.EnvironmentSettings;
import io.sluice.table.api.TableEnvironment;
import io.sluice.table.api.UnsupportedFeatureException;
import io.sluice.types.RowKind;
import org.apache.calcite.rel.RelNode;
import org.junit.jupiter.api.Test;

/** The physical plan layer: which nodes the rules produce, the changelog pass and update-before elimination. */
class PhysicalPlanTest {
    private static final ChangelogMode UPDATES =
            ChangelogMode.of(RowKind.INSERT, RowKind.UPDATE_BEFORE, RowKind.UPDATE_AFTER);

    private static TableEnvironmentImpl env(boolean streaming) {
        TableEnvironmentImpl env = (TableEnvironmentImpl) TableEnvironment.create(
                streaming ? EnvironmentSettings.inStreamingMode() : EnvironmentSettings.inBatchMode());
        env.executeSql("CREATE TABLE t (k INT, v INT, s STRING) WITH ('connector' = 'datagen',"
                + " 'number-of-rows' = '10')");
        env.executeSql("CREATE TABLE u (k INT, w INT) WITH ('connector' = 'datagen', 'number-of-rows' = '10')");
        return env;
    }

    private static RelNode optimized(TableEnvironmentImpl env, String sql) {
        return env.planner().plan(sql).optimized;
    }

    private static RelNode physical(TableEnvironmentImpl env, boolean streaming, String sql) {
        return new PhysicalPlanConverter(PhysicalRules.forMode(streaming)).convert(optimized(env, sql));
    }

    private static JobGraphGenerator generator(TableEnvironmentImpl env) {
        return new JobGraphGenerator(new CodeGenerator(env.configuration()), env.configuration(), env.classLoader());
    }

    private static void assertAllPhysical(RelNode node) {
        assertInstanceOf(PhysicalRel.class, node, node.toString());
        node.getInputs().forEach(PhysicalPlanTest::assertAllPhysical);
    }

    @Test
    void aStreamingAggregateReadsOnlyTheColumnsItUses() {
        RelNode plan = physical(env(true), true, "SELECT k, SUM(v) FROM t GROUP BY k");
        assertAllPhysical(plan);
        StreamPhysicalGroupAggregate agg = assertInstanceOf(StreamPhysicalGroupAggregate.class, plan);
        PhysicalCalc calc = assertInstanceOf(PhysicalCalc.class, agg.getInput(), plan.explain());
        assertTrue(calc.isIdentity(), calc.explainText()); // no operator: the scan reads k and v only
        PhysicalTableScan scan = assertInstanceOf(PhysicalTableScan.class, calc.getInput());
        assertEquals(java.util.List.of("k", "v"), scan.getRowType().getFieldNames());
        assertTrue(agg.isStateful());
        assertFalse(calc.isStateful());
    }

    @Test
    void batchModeChoosesTheBatchOperators() {
        RelNode plan = physical(env(false), false,
                "SELECT t.k, COUNT(*) FROM t JOIN u ON t.k = u.k GROUP BY t.k");
        assertAllPhysical(plan);
        BatchPhysicalHashAggregate agg = assertInstanceOf(BatchPhysicalHashAggregate.class, plan);
        assertInstanceOf(BatchPhysicalHashJoin.class, below(agg, BatchPhysicalHashJoin.class));
    }

    /** The first node of class {@code type} on the path of first inputs from {@code node}. */
    private static RelNode below(RelNode node, Class<?> type) {
        while (!type.isInstance(node) && !node.getInputs().isEmpty()) {
            node = node.getInput(0);
        }
        return node;
    }

    @Test
    void theChangelogPassDerivesEachNodesRowKindsFromItsInputs() {
        TableEnvironmentImpl env = env(true);
        JobGraphGenerator generator = generator(env);
        assertEquals(ChangelogMode.insertOnly(), generator.changelogMode(optimized(env, "SELECT k, v + 1 FROM t")));
        assertEquals(UPDATES, generator.changelogMode(optimized(env, "SELECT k, COUNT(*) FROM t GROUP BY k")));
        // an aggregate over an updating input also deletes groups
        assertEquals(ChangelogMode.all(), generator.changelogMode(optimized(env,
                "SELECT c, COUNT(*) FROM (SELECT k, COUNT(*) AS c FROM t GROUP BY k) GROUP BY c")));
        // an inner join passes its inputs' kinds on
        RelNode join = optimized(env, "SELECT * FROM (SELECT k, COUNT(*) AS c FROM t GROUP BY k) a JOIN u ON a.k = u.k");
        assertInstanceOf(StreamPhysicalJoin.class, below(new PhysicalPlanConverter(PhysicalRules.STREAM).convert(join),
                StreamPhysicalJoin.class));
        assertEquals(UPDATES, generator.changelogMode(join));
    }

    @Test
    void aNodeThatNeedsInsertsRejectsAnUpdatingInputNamingItsProducer() {
        TableEnvironmentImpl env = env(true);
        UnsupportedFeatureException e = assertThrows(UnsupportedFeatureException.class, () -> generator(env)
                .translate(optimized(env, "SELECT * FROM (SELECT k, COUNT(*) AS c FROM t GROUP BY k) LIMIT 3")));
        assertTrue(e.getMessage().contains("LIMIT over an updating input (produced by GroupAggregate(groupBy=[k]"),
                e.getMessage());
    }

    @Test
    void updateBeforeRowsAreLeftOutThroughProjectionsOnly() {
        TableEnvironmentImpl env = env(true);
        JobGraphGenerator generator = generator(env);
        RelNode projected = optimized(env, "SELECT k, c * 2 FROM (SELECT k, COUNT(*) AS c FROM t GROUP BY k)");
        Transformation root = generator.translate(projected);
        assertTrue(generator.dropUpdateBefore(projected));
        ChangelogMode upsert = ChangelogMode.of(RowKind.INSERT, RowKind.UPDATE_AFTER);
        assertEquals(upsert, generator.changelogMode(projected));
        assertEquals(upsert, root.changelogMode());
        assertEquals(upsert, root.inputs().get(0).changelogMode());

        JobGraphGenerator other = generator(env);
        RelNode filtered = optimized(env, "SELECT k, c FROM (SELECT k, COUNT(*) AS c FROM t GROUP BY k) WHERE c > 1");
        Transformation filteredRoot = other.translate(filtered);
        assertFalse(other.dropUpdateBefore(filtered)); // a filter must see -U rows to retract what it passed
        assertEquals(UPDATES, filteredRoot.changelogMode());
    }

    private static TableEnvironmentImpl eventEnv() {
        TableEnvironmentImpl env = env(true);
        env.executeSql("CREATE TABLE e (k INT, cur STRING, a ARRAY<INT>, ts TIMESTAMP(3), WATERMARK FOR ts AS ts)"
                + " WITH ('connector' = 'datagen', 'number-of-rows' = '10')");
        env.executeSql("CREATE TABLE rates (cur STRING, rate INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts,"
                + " PRIMARY KEY (cur) NOT ENFORCED) WITH ('connector' = 'datagen', 'number-of-rows' = '10')");
        env.createTemporarySystemFunction("range_of", io.sluice.table.udf.TableUdfs.Range.class);
        return env;
    }

    @Test
    void watermarksMatchRecognizeTemporalJoinsUnnestAndCorrelatesArePhysicalNodes() {
        TableEnvironmentImpl env = eventEnv();
        RelNode match = physical(env, true, "SELECT * FROM e MATCH_RECOGNIZE (PARTITION BY k ORDER BY ts"
                + " MEASURES A.k AS ak PATTERN (A) DEFINE A AS A.k > 0)");
        assertAllPhysical(match);
        PhysicalMatch m = assertInstanceOf(PhysicalMatch.class, below(match, PhysicalMatch.class));
        assertTrue(m.isStateful());
        assertEquals("MATCH_RECOGNIZE", m.insertOnlyInputRequired(0));
        assertInstanceOf(PhysicalWatermarkAssigner.class, below(m, PhysicalWatermarkAssigner.class));

        RelNode temporal = physical(env, true, "SELECT e.k, rates.rate FROM e JOIN rates FOR SYSTEM_TIME AS OF e.ts"
                + " ON e.cur = rates.cur");
        assertAllPhysical(temporal);
        assertInstanceOf(StreamPhysicalTemporalJoin.class, below(temporal, StreamPhysicalTemporalJoin.class));

        RelNode unnest = physical(env, true, "SELECT k, x FROM e CROSS JOIN UNNEST(a) AS u(x)");
        assertAllPhysical(unnest);
        PhysicalUnnest u = assertInstanceOf(PhysicalUnnest.class, below(unnest, PhysicalUnnest.class));
        assertFalse(u.isStateful());

        RelNode correlate = physical(env, true, "SELECT k, n FROM e, LATERAL TABLE(range_of(k)) AS r(n)");
        assertAllPhysical(correlate);
        assertInstanceOf(PhysicalCorrelate.class, below(correlate, PhysicalCorrelate.class));
    }

    @Test
    void unnestAndCorrelatePassRetractionsThroughWhileMatchRecognizeRejectsThem() {
        TableEnvironmentImpl env = eventEnv();
        JobGraphGenerator generator = generator(env);
        assertEquals(UPDATES, generator.changelogMode(optimized(env, "SELECT k, x FROM (SELECT k, ARRAY[COUNT(*)] AS a"
                + " FROM t GROUP BY k) CROSS JOIN UNNEST(a) AS u(x)")));
        assertEquals(UPDATES, generator.changelogMode(optimized(env, "SELECT k, n FROM (SELECT k, CAST(COUNT(*) AS INT)"
                + " AS c FROM t GROUP BY k), LATERAL TABLE(range_of(c)) AS r(n)")));
        UnsupportedFeatureException e = assertThrows(UnsupportedFeatureException.class, () -> generator(env)
                .translate(optimized(env, "SELECT * FROM (SELECT k, COUNT(*) AS c, MAX(ts) AS mt FROM e GROUP BY k)"
                        + " MATCH_RECOGNIZE (ORDER BY mt MEASURES A.k AS ak PATTERN (A) DEFINE A AS A.c > 0)")));
        assertTrue(e.getMessage().contains("MATCH_RECOGNIZE over an updating input"), e.getMessage());
    }
}
