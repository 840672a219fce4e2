package io.sluice.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.codegen.udf.BatchScalarFunction;
import io.sluice.table.api.EnvironmentSettings;
import io.sluice.table.api.TableEnvironment;
import io.sluice.table.functions.ScalarFunction;
import io.sluice.types.Row;
import io.sluice.util.CloseableIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The codegen seam Python functions use: a projection calls evalBatch once per batch, filters call eval. */
public class BatchScalarFunctionTest {
    static final AtomicInteger BATCHES = new AtomicInteger();
    static final AtomicInteger ROWS = new AtomicInteger();

    /** Adds ten; counts how it was called. */
    public static class PlusTen extends ScalarFunction implements BatchScalarFunction {
        public Long eval(Long v) {
            ROWS.incrementAndGet();
            return v == null ? null : v + 10;
        }

        @Override
        public Object[] evalBatch(Object[][] arguments, int rowCount) {
            BATCHES.incrementAndGet();
            Object[] out = new Object[rowCount];
            for (int i = 0; i < rowCount; i++) {
                Long v = (Long) arguments[0][i];
                out[i] = v == null ? null : v + 10;
            }
            return out;
        }
    }

    private static List<String> rows(TableEnvironment env, String sql) {
        List<String> out = new ArrayList<>();
        try (CloseableIterator<Row> it = env.executeSql(sql).collect()) {
            it.forEachRemaining(r -> out.add(r.toString()));
        }
        return out;
    }

    @Test
    void projectionsCallEvalBatchOncePerBatch() {
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        env.getConfig().set("parallelism.default", "1");
        env.createTemporarySystemFunction("plus_ten", PlusTen.class);
        BATCHES.set(0);
        ROWS.set(0);
        List<String> got = rows(env, "SELECT plus_ten(v), plus_ten(v) * 2 FROM (VALUES (CAST(1 AS BIGINT)), (2),"
                + " (CAST(NULL AS BIGINT)), (4)) AS t(v) WHERE v <> 2 OR v IS NULL");
        assertEquals(3, got.size(), got.toString());
        assertTrue(got.get(0).contains("11") && got.get(0).contains("22"), got.toString());
        assertEquals(0, ROWS.get(), "eval was called per row in a projection");
        assertTrue(BATCHES.get() >= 1 && BATCHES.get() <= 2, "batches: " + BATCHES.get());
    }

    @Test
    void conditionsCallEvalPerRow() {
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        env.createTemporarySystemFunction("plus_ten", PlusTen.class);
        ROWS.set(0);
        List<String> got = rows(env, "SELECT v FROM (VALUES (CAST(1 AS BIGINT)), (5)) AS t(v) WHERE plus_ten(v) > 12");
        assertEquals(1, got.size(), got.toString());
        assertTrue(ROWS.get() >= 2, "rows: " + ROWS.get());
    }
}
