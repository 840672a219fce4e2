package io.sluice.table.api.fluent;

import static io.sluice.table.api.Expressions.$;
import static io.sluice.table.api.Expressions.array;
import static io.sluice.table.api.Expressions.map;
import static io.sluice.table.api.Expressions.row;
import static io.sluice.table.api.fluent.FluentTestSupport.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.table.api.EnvironmentSettings;
import io.sluice.table.api.Table;
import io.sluice.table.api.TableEnvironment;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ROW, ARRAY and MAP values built in expressions, and their fields and elements read back. */
class CompositeValuesTest {
    @Test
    void rowArrayMapValuesAndAccess() throws Exception {
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        Table t = env.fromValues(row(1, "ann"), row(2, "bo")).as("id", "name")
                .select($("id"), $("name"), row($("id"), $("name")).as("r"), array($("id"), $("id").times(10)).as("a"),
                        map($("name"), $("id")).as("m"));
        assertEquals(List.of("+I[1, ann, 10, 1, 2]", "+I[2, bo, 20, 2, 2]"),
                rows(t.select($("id"), $("r").get(1), $("a").at(2), $("m").at($("name")), $("a").cardinality())));
    }
}
