package io.sluice.table.udf;

import static io.sluice.table.api.Expressions.$;
import static io.sluice.table.api.Expressions.call;
import static io.sluice.table.api.Expressions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.table.annotation.ArgumentHint;
import io.sluice.table.annotation.DataTypeHint;
import io.sluice.table.annotation.FunctionHint;
import io.sluice.table.api.EnvironmentSettings;
import io.sluice.table.api.Table;
import io.sluice.table.api.TableEnvironment;
import io.sluice.table.api.TableException;
import io.sluice.table.functions.ScalarFunction;
import io.sluice.table.functions.TableFunction;
import io.sluice.types.Row;
import io.sluice.util.CloseableIterator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Calls of user-defined functions with named arguments ({@code f(name => value)} in SQL, {@code asArgument} in the
 * Table API) and optional arguments, with the functions and results of Flink's documentation.
 */
public class NamedArgumentsTest {

    /** Flink's documented example: names, optionality and types listed in the function hint. */
    public static class NamedParameterClass extends ScalarFunction {
        @FunctionHint(arguments = {
                @ArgumentHint(name = "param1", isOptional = false, type = @DataTypeHint("STRING")),
                @ArgumentHint(name = "param2", isOptional = true, type = @DataTypeHint("INTEGER"))})
        public String eval(String s1, Integer s2) {
            return s1 + ", " + s2;
        }
    }

    /** The same with the hints on the parameters. */
    public static class NamedParameterOnParams extends ScalarFunction {
        public String eval(@ArgumentHint(name = "param1", isOptional = false, type = @DataTypeHint("STRING")) String s1,
                @ArgumentHint(name = "param2", isOptional = true, type = @DataTypeHint("INT")) Integer s2) {
            return s1 + ", " + s2;
        }
    }

    /** No hints: the names come from the compiled method (Flink's "MyUdf(input => ..., threshold => ...)"). */
    public static class MyUdf extends ScalarFunction {
        public String eval(String input, Integer threshold) {
            return input.length() > threshold ? input : "short";
        }
    }

    /** A table function with named and optional arguments. */
    public static class Repeat extends TableFunction<String> {
        public void eval(@ArgumentHint(name = "word") String word,
                @ArgumentHint(name = "times", isOptional = true) Integer times) {
            for (int i = 0; i < (times == null ? 1 : times); i++) {
                collect(word);
            }
        }
    }

    /** Overloaded: named arguments are not available. */
    public static class Overloaded extends ScalarFunction {
        public int eval(int a) {
            return a;
        }

        public int eval(int a, int b) {
            return a + b;
        }
    }

    private static TableEnvironment env() {
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        env.createTemporarySystemFunction("NamedParameterClass", NamedParameterClass.class);
        env.createTemporarySystemFunction("NamedParameterOnParams", NamedParameterOnParams.class);
        env.createTemporarySystemFunction("MyUdf", MyUdf.class);
        env.createTemporarySystemFunction("Repeat", Repeat.class);
        env.createTemporarySystemFunction("Overloaded", Overloaded.class);
        env.createTemporarySystemFunction("WeightedAvg", AggregateUdfs.WeightedAvg.class);
        return env;
    }

    private static List<String> rows(TableEnvironment env, String sql) throws Exception {
        return rows(env.sqlQuery(sql));
    }

    private static List<String> rows(Table table) throws Exception {
        List<String> out = new ArrayList<>();
        try (CloseableIterator<Row> it = table.execute().collect()) {
            it.forEachRemaining(r -> out.add(r.toString()));
        }
        return out;
    }

    @Test
    void namedArgumentsInAnyOrderAndOptionalOnesLeftOut() throws Exception {
        TableEnvironment env = env();
        assertEquals(List.of("+I[value1, 1, value1, null]"), rows(env, "SELECT NamedParameterClass(param1 => 'value1',"
                + " param2 => 1), NamedParameterClass(param1 => 'value1')"));
        assertEquals(List.of("+I[value1, 2, value1, null]"), rows(env, "SELECT NamedParameterOnParams(param2 => 2,"
                + " param1 => 'value1'), namedparameteronparams(param1 => 'value1')"));
        assertEquals(List.of("+I[value1, 3]"), rows(env, "SELECT NamedParameterClass('value1', 3)"));
    }

    @Test
    void namesComeFromTheCompiledMethod() throws Exception {
        TableEnvironment env = env();
        env.createTemporaryView("T", env.sqlQuery("SELECT * FROM (VALUES ('a long text'), ('tiny')) AS t(my_column)"));
        assertEquals(List.of("+I[a long text]", "+I[short]"),
                rows(env, "SELECT MyUdf(input => my_column, threshold => 5) FROM T"));
        assertEquals(List.of("+I[a long text]", "+I[short]"),
                rows(env, "SELECT MyUdf(threshold => 5, input => my_column) FROM T"));
    }

    @Test
    void tableApiAsArgument() throws Exception {
        TableEnvironment env = env();
        Table t = env.sqlQuery("SELECT * FROM (VALUES ('a long text'), ('tiny')) AS t(my_column)");
        assertEquals(List.of("+I[a long text]", "+I[short]"), rows(t.select(call(MyUdf.class,
                $("my_column").asArgument("input"), lit(5).asArgument("threshold")))));
        assertEquals(List.of("+I[x, null]"), rows(env.fromValues(1).select(
                call("NamedParameterClass", lit("x").asArgument("param1")))));
        assertEquals(List.of("+I[x, 7]"), rows(env.fromValues(1).select(
                call(new NamedParameterClass(), lit(7).asArgument("param2"), lit("x").asArgument("param1")))));
    }

    @Test
    void tableAndAggregateFunctions() throws Exception {
        TableEnvironment env = env();
        assertEquals(List.of("+I[hi]", "+I[hi]", "+I[yo]"), rows(env, "SELECT w FROM (VALUES ('hi', 2), ('yo', 1))"
                + " AS v(s, n), LATERAL TABLE(Repeat(times => n, word => s)) AS r(w)"));
        assertEquals(List.of("+I[hi]"), rows(env, "SELECT w FROM (VALUES ('hi')) AS v(s),"
                + " LATERAL TABLE(Repeat(word => s)) AS r(w)"));
        assertEquals(List.of("+I[4]"), rows(env, "SELECT WeightedAvg(weight => w, `value` => CAST(v AS BIGINT))"
                + " FROM (VALUES (2, 1), (5, 2)) AS t(v, w)"));
    }

    @Test
    void invalidNamedCallsFailWithTheReason() {
        TableEnvironment env = env();
        assertMessage(env, "SELECT NamedParameterClass(param2 => 1)", "Argument 'param1' of function"
                + " 'NamedParameterClass' is missing; only optional arguments may be left out:"
                + " NamedParameterClass(param1 => STRING, param2 => INT (optional))");
        assertMessage(env, "SELECT NamedParameterClass(param1 => 'a', param3 => 1)",
                "Function 'NamedParameterClass' has no argument 'param3'");
        assertMessage(env, "SELECT NamedParameterClass(param1 => 'a', param1 => 'b')",
                "Argument 'param1' of function 'NamedParameterClass' is given more than once");
        assertMessage(env, "SELECT Overloaded(a => 1)", "Function 'Overloaded' does not support named arguments");
        assertMessage(env, "SELECT UPPER(s => 'a')", "not supported yet: named arguments");
    }

    private static void assertMessage(TableEnvironment env, String sql, String expected) {
        TableException e = assertThrows(TableException.class, () -> rows(env, sql));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
