package io.sluice.table.api.fluent;

import static io.sluice.table.api.Expressions.$;
import static io.sluice.table.api.Expressions.UNBOUNDED_ROW;
import static io.sluice.table.api.Expressions.call;
import static io.sluice.table.api.Expressions.lit;
import static io.sluice.table.api.Expressions.row;
import static io.sluice.table.api.fluent.FluentTestSupport.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.table.api.EnvironmentSettings;
import io.sluice.table.api.Over;
import io.sluice.table.api.Table;
import io.sluice.table.api.TableEnvironment;
import io.sluice.table.api.ValidationException;
import io.sluice.table.udf.AggregateUdfs;
import io.sluice.table.udf.ScalarUdfs;
import java.util.List;
import org.junit.jupiter.api.Test;

/** User-defined aggregate functions over OVER windows from the Table API, and what cannot be computed over one. */
class OverWindowUdafTest {
    private final TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inBatchMode());
    private final Table t = env.fromValues(row(1, "a", 10L), row(2, "a", 20L), row(3, "b", 5L), row(4, "a", 40L))
            .as("id", "k", "v");

    @Test
    void inlineAggregateFunctionOverRowsFrames() throws Exception {
        // a literal argument (the weight)
        Table literal = t.window(Over.partitionBy($("k")).orderBy($("id")).preceding(lit(1).rows()).as("w"))
                .select($("id"), call(AggregateUdfs.WeightedAvg.class, $("v"), lit(2)).over($("w")));
        assertEquals(List.of("+I[1, 10]", "+I[2, 15]", "+I[3, 5]", "+I[4, 30]"), rows(literal));
        Table weighted = t.addColumns(lit(1).as("one"))
                .window(Over.partitionBy($("k")).orderBy($("id")).preceding(lit(1).rows()).as("w"))
                .select($("id"), call(AggregateUdfs.WeightedAvg.class, $("v"), $("one")).over($("w")));
        assertEquals(List.of("+I[1, 10]", "+I[2, 15]", "+I[3, 5]", "+I[4, 30]"), rows(weighted));
        Table running = t.addColumns(lit(1).as("one"))
                .window(Over.partitionBy($("k")).orderBy($("id")).preceding(UNBOUNDED_ROW).as("w"))
                .select($("id"), call(AggregateUdfs.WeightedAvg.class, $("v"), $("one")).over($("w")));
        assertEquals(List.of("+I[1, 10]", "+I[2, 15]", "+I[3, 5]", "+I[4, 23]"), rows(running));
    }

    @Test
    void sum0OverAWindow() throws Exception {
        Table sums = t.window(Over.partitionBy($("k")).orderBy($("id")).preceding(lit(1).rows()).as("w"))
                .select($("id"), $("v").sum0().over($("w")));
        assertEquals(List.of("+I[1, 10]", "+I[2, 30]", "+I[3, 5]", "+I[4, 60]"), rows(sums));
    }

    @Test
    void aScalarFunctionOrAColumnOverAWindowIsNamedInTheError() {
        ValidationException e = assertThrows(ValidationException.class, () -> t
                .window(Over.partitionBy($("k")).orderBy($("id")).preceding(lit(1).rows()).as("w"))
                .select($("id"), call(ScalarUdfs.Plus.class, $("v"), $("v")).over($("w"))));
        assertTrue(e.getMessage().startsWith("OVER must be applied to an aggregate function, and "
                + ScalarUdfs.Plus.class.getName() + " is not one"), e.getMessage());
        ValidationException column = assertThrows(ValidationException.class, () -> t
                .window(Over.partitionBy($("k")).orderBy($("id")).preceding(lit(1).rows()).as("w"))
                .select($("id"), $("v").over($("w"))));
        assertTrue(column.getMessage().startsWith("OVER must be applied to an aggregate function, not to `v`"),
                column.getMessage());
    }
}
