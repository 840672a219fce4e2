package io.sluice.table.api.fluent;

import static io.sluice.table.api.Expressions.$;
import static io.sluice.table.api.Expressions.call;
import static io.sluice.table.api.Expressions.callSql;
import static io.sluice.table.api.Expressions.coalesce;
import static io.sluice.table.api.Expressions.concat;
import static io.sluice.table.api.Expressions.concatWs;
import static io.sluice.table.api.Expressions.ifThenElse;
import static io.sluice.table.api.Expressions.lit;
import static io.sluice.table.api.Expressions.not;
import static io.sluice.table.api.Expressions.nullOf;
import static io.sluice.table.api.Expressions.or;
import static io.sluice.table.api.Expressions.range;
import static io.sluice.table.api.Expressions.row;
import static io.sluice.table.api.Expressions.withColumns;
import static io.sluice.table.api.Expressions.withoutColumns;
import static io.sluice.table.api.fluent.FluentTestSupport.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.table.api.DataTypes;
import io.sluice.table.api.EnvironmentSettings;
import io.sluice.table.api.Table;
import io.sluice.table.api.TableEnvironment;
import io.sluice.table.expressions.TimeIntervalUnit;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Expressions of the Table API evaluated on literal rows: each is checked against the value Flink gives. */
class ExpressionsTest {
    private final TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inBatchMode());
    private final Table t = env.fromValues(
            DataTypes.ROW(DataTypes.FIELD("s", DataTypes.STRING()), DataTypes.FIELD("n", DataTypes.INT()),
                    DataTypes.FIELD("d", DataTypes.DOUBLE()), DataTypes.FIELD("ts", DataTypes.TIMESTAMP(3))),
            row(" Hello World ", 7, 2.25, LocalDateTime.of(2024, 3, 15, 13, 45, 30)));

    private List<String> eval(io.sluice.table.expressions.Expression... exprs) throws Exception {
        return rows(t.select(exprs));
    }

    @Test
    void arithmeticAndComparison() throws Exception {
        assertEquals(List.of("+I[10, 4, 21, 3, 1, true, false, true, false, true, true]"), eval(
                $("n").plus(3), $("n").minus(3), $("n").times(3), $("n").dividedBy(2), $("n").mod(3),
                $("n").isEqual(7), $("n").isNotEqual(7), $("n").isGreater(6), $("n").isLess(7),
                $("n").isGreaterOrEqual(7), $("n").isLessOrEqual(8)));
        assertEquals(List.of("+I[true, false, true, false, true, true, false]"), eval(
                $("n").between(1, 7), $("n").notBetween(1, 7), $("n").in(1, 7, 9), $("n").in(1, 2),
                $("s").isNotNull(), nullOf(DataTypes.INT()).isNull(), lit(true).isFalse()));
        assertEquals(List.of("+I[true, false, true, big]"), eval(
                $("n").isGreater(1).and($("n").isLess(10)), not($("n").isEqual(7)),
                or($("n").isEqual(1), $("n").isEqual(7)),
                ifThenElse($("n").isGreater(5), "big", "small")));
    }

    @Test
    void mathFunctions() throws Exception {
        assertEquals(List.of("+I[7, 1.5, 49.0, 2.3, 3.0, 2.0]"), eval(
                $("n").times(-1).abs(), $("d").sqrt(), $("n").power(2), $("d").round(1), $("d").ceil(), $("d").floor()));
    }

    @Test
    void stringFunctions() throws Exception {
        assertEquals(List.of("+I[ HELLO WORLD ,  hello world , 13, Hello World, Hello, Hello Earth]"), eval(
                $("s").upperCase(), $("s").lowerCase(), $("s").charLength(), $("s").trim(),
                $("s").trim().substring(1, 5), $("s").trim().replace("World", "Earth")));
        assertEquals(List.of("+I[true, Wor, ab, a-b, ld, x]"), eval(
                $("s").like("%World%"), $("s").trim().regexpExtract("W(o)r", 0), concat("a", "b"),
                concatWs("-", "a", "b"), $("s").trim().substring(10), coalesce(nullOf(DataTypes.STRING()), "x")));
    }

    @Test
    void temporalFunctionsAndCasts() throws Exception {
        assertEquals(List.of("+I[2024, 3, 2024-03-15T13:00, 2024-03-15T14:00, 2024-03-15T13:45:35,"
                        + " 2024-03-20T13:45:30, 7, 2024-03-15, 2.25]"), eval(
                $("ts").extract(TimeIntervalUnit.YEAR), $("ts").extract(TimeIntervalUnit.MONTH),
                $("ts").floor(TimeIntervalUnit.HOUR), $("ts").ceil(TimeIntervalUnit.HOUR),
                $("ts").plus(lit(5).seconds()), $("ts").plus(lit(5).days()),
                $("n").cast(DataTypes.STRING()), $("ts").cast(DataTypes.DATE()),
                $("d").cast(DataTypes.DECIMAL(5, 2))));
        assertEquals(List.of("+I[2024-01-02, 2024-01-02T03:04:05, 1.50]"),
                eval(lit(LocalDate.of(2024, 1, 2)), lit(LocalDateTime.of(2024, 1, 2, 3, 4, 5)),
                        lit(new BigDecimal("1.50"))));
    }

    @Test
    void functionCallsByNameClassAndSql() throws Exception {
        env.createTemporarySystemFunction("twice", FluentUdfs.Twice.class);
        assertEquals(List.of("+I[14, 14, 14, HELLO WORLD, 8]"), eval(
                call("twice", $("n")), call(FluentUdfs.Twice.class, $("n")), call(new FluentUdfs.Twice(), $("n")),
                call("UPPER", $("s")).trim(), callSql("n + 1")));
    }

    @Test
    void columnSelections() throws Exception {
        assertEquals(List.of("s", "n"), t.select(withColumns(range(1, 2))).getResolvedSchema().getColumnNames());
        assertEquals(List.of("n", "d", "ts"), t.select(withColumns(range("n", "ts"))).getResolvedSchema()
                .getColumnNames());
        assertEquals(List.of("s", "ts"), t.select(withoutColumns($("n"), $("d"))).getResolvedSchema().getColumnNames());
        assertEquals(List.of("+I[ Hello World !]"), eval(concat(withColumns(range(1, 1)), "!")));
    }

    @Test
    void aggregates() throws Exception {
        Table nums = env.fromValues(1, 2, 2, 5).as("x");
        assertEquals(List.of("+I[4, 3, 10, 8, 1, 5, 2]"), rows(nums.select($("x").count(), $("x").count().distinct(),
                $("x").sum(), $("x").sum().distinct(), $("x").min(), $("x").max(), $("x").avg())));
        assertEquals(List.of("+I[1;2;2;5, 1, 5]"), rows(nums.select($("x").cast(DataTypes.STRING()).listAgg(";"),
                $("x").firstValue(), $("x").lastValue())));
    }
}
