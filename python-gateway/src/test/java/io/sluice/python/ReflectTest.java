package io.sluice.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.table.api.ApiExpression;
import io.sluice.table.api.Expressions;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Overload choice and argument conversion of calls that Python sends by method name. */
class ReflectTest {
    @Test
    void plainValuesBecomeLiteralsAndVarargsFill() {
        Object e = Reflect.invoke(Expressions.col("a"), "plus", List.of(1));
        assertEquals(Expressions.col("a").plus(1).toString(), e.toString());
        Object alias = Reflect.invoke(Expressions.col("a"), "as", List.of("x"));
        assertEquals(Expressions.col("a").as("x").toString(), alias.toString());
        Object concat = Reflect.invokeStatic(Expressions.class, "concat", List.of(Expressions.col("a"), "b", "c"));
        assertEquals(Expressions.concat(Expressions.col("a"), "b", "c").toString(), concat.toString());
    }

    @Test
    void exactTypesWinOverConversions() {
        // columnByExpression(String, String) is SQL text; (String, Expression) an expression
        Object sql = Reflect.invokeStatic(Expressions.class, "callSql", List.of("a + 1"));
        assertTrue(sql instanceof ApiExpression);
        Object range = Reflect.invokeStatic(Expressions.class, "range", List.of(1, 3));
        assertEquals(Expressions.range(1, 3).toString(), range.toString());
    }

    @Test
    void unknownMethodsNameTheArguments() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Reflect.invoke(Expressions.col("a"), "plus", List.of(1, 2)));
        assertTrue(e.getMessage().contains("no method plus"), e.getMessage());
        assertTrue(e.getMessage().contains("[Integer, Integer]"), e.getMessage());
    }
}
