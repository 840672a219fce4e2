package io.sluice.benchmarks.tpch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.table.api.EnvironmentSettings;
import io.sluice.table.api.TableEnvironment;
import io.sluice.types.Row;
import io.sluice.util.CloseableIterator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The join plans of the TPC-H queries whose FROM lists start with unrelated tables (q2, q8, q9) or whose
 * join key sits inside each branch of an OR (q19): hash joins, no nested loop over a cross product; and
 * the rewritten joins give the rows the same query gives written with explicit joins.
 */
class TpchPlanTest {
    private static TableEnvironment env() {
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        env.getConfig().set("parallelism.default", "1");
        return env;
    }

    @Test
    void tpchQueriesJoinOnKeys() {
        TableEnvironment env = env();
        for (String ddl : SluiceEngine.ddl(Path.of("tpch-plan-test-no-files"))) {
            env.executeSql(ddl);
        }
        for (String q : List.of("q2", "q8", "q9", "q19")) {
            String plan = env.explainSql(TpchQueries.flink(q, 1));
            String physical = plan.substring(plan.indexOf("== Optimized Physical Plan =="));
            assertFalse(physical.contains("NestedLoopJoin"), q + ":\n" + physical);
            assertTrue(physical.contains("HashJoin"), q + ":\n" + physical);
        }
    }

    private static List<String> rows(TableEnvironment env, String sql) {
        List<String> rows = new ArrayList<>();
        try (CloseableIterator<Row> it = env.executeSql(sql).collect()) {
            it.forEachRemaining(r -> rows.add(r.toString()));
        }
        rows.sort(null);
        return rows;
    }

    @Test
    void reorderedCrossJoinsAndPulledOrFactorsKeepTheRows() {
        TableEnvironment env = env();
        env.executeSql("CREATE TEMPORARY VIEW p AS SELECT * FROM (VALUES (1, 'p1', 10), (2, 'p2', 20), (3, 'p3', 30))"
            + " AS t(pk, pname, psize)");
        env.executeSql("CREATE TEMPORARY VIEW s AS SELECT * FROM (VALUES (7, 's7'), (8, 's8')) AS t(sk, sname)");
        env.executeSql("CREATE TEMPORARY VIEW l AS SELECT * FROM (VALUES (1, 7, 100), (1, 8, 101), (2, 8, 102),"
            + " (3, 9, 103), (4, 7, 104), (2, 7, 105)) AS t(lpk, lsk, qty)");
        List<String> expected = rows(env, "SELECT pname, sname, qty, psize FROM l JOIN p ON lpk = pk JOIN s ON lsk = sk");
        assertEquals(4, expected.size(), expected.toString());
        assertEquals(expected, rows(env, "SELECT pname, sname, qty, psize FROM p, s, l WHERE pk = lpk AND sk = lsk"));
        // only the second table relates to the third one
        assertEquals(rows(env, "SELECT sname, qty FROM l JOIN s ON lsk = sk CROSS JOIN p WHERE psize > 15"),
            rows(env, "SELECT sname, qty FROM p, s, l WHERE sk = lsk AND psize > 15"));
        List<String> or = rows(env, "SELECT pname, qty FROM l, p WHERE (lpk = pk AND psize = 10 AND qty > 100)"
            + " OR (lpk = pk AND psize = 20 AND qty < 105)");
        assertEquals(List.of("+I[p1, 101]", "+I[p2, 102]"), or);
        String plan = env.explainSql("SELECT pname, qty FROM l, p WHERE (lpk = pk AND psize = 10) OR (lpk = pk AND psize = 20)");
        assertFalse(plan.substring(plan.indexOf("== Optimized Physical Plan ==")).contains("NestedLoopJoin"), plan);
    }
}
