package io.sluice.table.api.fluent;

import static io.sluice.table.api.Expressions.$;
import static io.sluice.table.api.Expressions.lit;
import static io.sluice.table.api.Expressions.rowInterval;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.table.api.Table;
import io.sluice.table.api.TableEnvironment;
import io.sluice.table.api.Tumble;
import io.sluice.table.api.UnsupportedFeatureException;
import io.sluice.table.api.ValidationException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.function.Executable;

/** Mistakes fail where they are written, naming the valid choices; missing features say "not supported yet". */
class TableApiErrorsTest {
    @TempDir
    Path dir;

    private static String message(Class<? extends Throwable> type, Executable action) {
        return assertThrows(type, action).getMessage();
    }

    private static void assertFails(String expectedPart, Executable action) {
        String m = message(ValidationException.class, action);
        assertTrue(m.contains(expectedPart), m);
    }

    @Test
    void unknownColumnsNameTheNearestOnes() throws Exception {
        Table orders = FluentTestSupport.batch(dir).from("Orders");
        assertEquals("Cannot resolve field [rowtme], input field list:[a, b, c, rowtime]. Did you mean 'rowtime'?",
                message(ValidationException.class, () -> orders.select($("a"), $("rowtme"))));
        assertFails("'b'", () -> orders.filter($("B").isGreater(1)));
        assertFails("Did you mean 'a'", () -> orders.groupBy($("aa")).select($("a")));
        assertFails("Did you mean 'c'", () -> orders.dropColumns($("cc")));
        assertFails("'b'", () -> orders.renameColumns($("bb").as("x")));
    }

    @Test
    void invalidOperations() throws Exception {
        Table orders = FluentTestSupport.batch(dir).from("Orders");
        assertFails("join relations with ambiguous names: [a, b, c, rowtime]", () -> orders.join(orders, $("a").isEqual($("a"))));
        assertFails("Ambiguous column name: a", () -> orders.select($("a"), $("b").as("a")));
        assertFails("exists already", () -> orders.addColumns(lit(1).as("a")));
        assertFails("gives 1 names but the table has 4 columns", () -> orders.as("x"));
        assertFails("groupBy($(\"w\"), ...)", () -> orders.window(Tumble.over(lit(1).hours())
                .on($("rowtime")).as("w")).groupBy($("a")).select($("a")));
        assertFails("window alias 'w'", () -> orders.window(Tumble.over(lit(1).hours())
                .on($("rowtime")).as("w")).groupBy($("w")).select($("w")));
        assertFails("needs a table with one column", () -> orders.where($("a").in(orders)));
        assertFails("Over window alias 'w' is not defined", () -> orders.select($("b").sum().over($("w"))));
    }

    @Test
    void plannerErrorsShowTheTranslatedQueryWithoutAPosition() throws Exception {
        Table orders = FluentTestSupport.batch(dir).from("Orders");
        ValidationException e = assertThrows(ValidationException.class,
                () -> orders.select($("a").plus(lit(true))));
        assertTrue(e.getMessage().contains("The Table API operation translates to this SQL query: SELECT (`a` + TRUE)"),
                e.getMessage());
        assertEquals(false, e.hasPosition());
    }

    @Test
    void missingFeaturesSayNotSupportedYet() throws Exception {
        Table orders = FluentTestSupport.batch(dir).from("Orders");
        for (Executable e : new Executable[] {
                () -> orders.window(Tumble.over(rowInterval(2L)).on($("rowtime")).as("w")).groupBy($("w"))
                        .select($("b").sum()),
                () -> orders.aggregate($("b").sum().as("x", "y")),
        }) {
            String m = message(UnsupportedFeatureException.class, e);
            assertTrue(m.startsWith("not supported yet: "), m);
        }
    }
}
