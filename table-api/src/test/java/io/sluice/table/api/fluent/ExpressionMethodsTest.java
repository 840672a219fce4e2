package io.sluice.table.api.fluent;

import static io.sluice.table.api.Expressions.$;
import static io.sluice.table.api.Expressions.jsonArray;
import static io.sluice.table.api.Expressions.jsonArrayAgg;
import static io.sluice.table.api.Expressions.jsonObject;
import static io.sluice.table.api.Expressions.jsonObjectAgg;
import static io.sluice.table.api.Expressions.jsonString;
import static io.sluice.table.api.Expressions.lit;
import static io.sluice.table.api.fluent.FluentTestSupport.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.table.api.ApiExpression;
import io.sluice.table.api.DataTypes;
import io.sluice.table.api.Expressions;
import io.sluice.table.api.JsonExistsOnError;
import io.sluice.table.api.JsonOnNull;
import io.sluice.table.api.JsonQueryOnEmptyOrError;
import io.sluice.table.api.JsonQueryWrapper;
import io.sluice.table.api.JsonType;
import io.sluice.table.api.JsonValueOnEmptyOrError;
import io.sluice.table.api.UnsupportedFeatureException;
import io.sluice.table.api.EnvironmentSettings;
import io.sluice.table.api.Table;
import io.sluice.table.api.TableEnvironment;
import io.sluice.table.api.ValidationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Flink's {@code ApiExpression} methods that map onto Sluice's SQL functions: each gives what its SQL function gives
 * ({@code explain()} of the select equals that of the SQL query), and a sample of them their documented values;
 * {@code flatten()} and {@code get(...)} name their columns as Flink does.
 */
class ExpressionMethodsTest {
    private static TableEnvironment env() {
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        env.createTemporaryView("T", env.sqlQuery("SELECT 'Hello, World' AS s, ARRAY[3, 1, 2, 2] AS arr,"
                + " ARRAY[2, 5] AS arr2, MAP['a', 1, 'b', 2] AS m, MAP['b', 3] AS m2,"
                + " CAST(ROW(7, 'x') AS ROW<a INT, b STRING>) AS r, 'http://h.org/p?k=v' AS url, ARRAY[9] AS solo"));
        return env;
    }

    /** Method calls and the SQL expression each one stands for. */
    private static Map<ApiExpression, String> calls() {
        Map<ApiExpression, String> c = new LinkedHashMap<>();
        c.put($("s").concat("!"), "CONCAT(s, '!')");
        c.put($("s").startsWith("Hell"), "STARTSWITH(s, 'Hell')");
        c.put($("s").endsWith("x"), "ENDSWITH(s, 'x')");
        c.put($("s").translate("lo", "01"), "TRANSLATE(s, 'lo', '01')");
        c.put($("s").like("H!%%", "!"), "s LIKE 'H!%%' ESCAPE '!'");
        c.put($("s").regexpCount("l"), "REGEXP_COUNT(s, 'l')");
        c.put($("s").regexpExtractAll("(l+)", 1), "REGEXP_EXTRACT_ALL(s, '(l+)', 1)");
        c.put($("s").regexpExtractAll("o."), "REGEXP_EXTRACT_ALL(s, 'o.')");
        c.put($("s").regexpInstr("W"), "REGEXP_INSTR(s, 'W')");
        c.put($("s").regexpSubstr("W.r"), "REGEXP_SUBSTR(s, 'W.r')");
        c.put($("s").jsonQuote(), "JSON_QUOTE(s)");
        c.put(lit("\"a\"").jsonUnquote(), "JSON_UNQUOTE('\"a\"')");
        c.put($("s").encode("UTF-8").decode("UTF-8"), "DECODE(ENCODE(s, 'UTF-8'), 'UTF-8')");
        c.put($("s").instr("o"), "INSTR(s, 'o')");
        c.put(lit("o").locate($("s")), "LOCATE('o', s)");
        c.put(lit("o").locate($("s"), 6), "LOCATE('o', s, 6)");
        c.put($("s").urlEncode(), "URL_ENCODE(s)");
        c.put(lit("a%20b").urlDecode(), "URL_DECODE('a%20b')");
        c.put(lit("a%2520b").urlDecodeRecursive(), "URL_DECODE_RECURSIVE('a%2520b')");
        c.put(lit("a%2520b").urlDecodeRecursive(1), "URL_DECODE_RECURSIVE('a%2520b', 1)");
        c.put(lit("127.0.0.1").inetAton(), "INET_ATON('127.0.0.1')");
        c.put(lit(167772161).inetNtoa(), "INET_NTOA(167772161)");
        c.put($("url").parseUrl("HOST"), "PARSE_URL(url, 'HOST')");
        c.put($("url").parseUrl("QUERY", "k"), "PARSE_URL(url, 'QUERY', 'k')");
        c.put(lit("%s-%d").printf($("s"), 5), "PRINTF('%s-%d', s, 5)");
        c.put($("s").ltrim("He"), "LTRIM(s, 'He')");
        c.put($("s").rtrim("dl"), "RTRIM(s, 'dl')");
        c.put(lit("  x ").btrim(), "BTRIM('  x ')");
        c.put($("s").btrim("Hd"), "BTRIM(s, 'Hd')");
        c.put(lit("a=1,b=2").strToMap(), "STR_TO_MAP('a=1,b=2')");
        c.put(lit("a:1;b:2").strToMap(";", ":"), "STR_TO_MAP('a:1;b:2', ';', ':')");
        c.put(lit(2).elt("x", "y", "z"), "ELT(2, 'x', 'y', 'z')");
        c.put(lit("4142").unhex(), "UNHEX('4142')");
        c.put($("s").sha224(), "SHA224(s)");
        c.put($("s").sha384(), "SHA384(s)");
        c.put($("s").sha512(), "SHA512(s)");
        c.put($("s").sha2(256), "SHA2(s, 256)");
        c.put($("s").split(", "), "SPLIT(s, ', ')");
        c.put(lit("{\"a\": [1, 2]}").jsonExists("$.a"), "JSON_EXISTS('{\"a\": [1, 2]}', '$.a')");
        c.put(lit("{\"a\": 5}").jsonValue("$.a"), "JSON_VALUE('{\"a\": 5}', '$.a')");
        c.put(lit("{\"a\": [1, 2]}").jsonQuery("$.a"), "JSON_QUERY('{\"a\": [1, 2]}', '$.a')");
        c.put(lit("{\"a\": 1}").isJson(), "'{\"a\": 1}' IS JSON");
        c.put($("s").isJson(), "s IS JSON");
        c.put(lit("5").isJson(JsonType.SCALAR), "'5' IS JSON SCALAR");
        c.put(lit("[1]").isJson(JsonType.OBJECT), "'[1]' IS JSON OBJECT");
        c.put(lit("[1]").isJson(JsonType.ARRAY), "'[1]' IS JSON ARRAY");
        c.put(lit("{").jsonExists("$.a", JsonExistsOnError.TRUE), "JSON_EXISTS('{', '$.a' TRUE ON ERROR)");
        c.put(lit("{\"a\": 5}").jsonValue("$.a", DataTypes.INT()), "JSON_VALUE('{\"a\": 5}', '$.a' RETURNING INT)");
        c.put(lit("{\"a\": 5}").jsonValue("$.b", DataTypes.INT(), 7),
                "JSON_VALUE('{\"a\": 5}', '$.b' RETURNING INT DEFAULT 7 ON EMPTY DEFAULT 7 ON ERROR)");
        c.put(lit("{\"a\": \"x\"}").jsonValue("$.a", DataTypes.INT(), JsonValueOnEmptyOrError.NULL, null,
                JsonValueOnEmptyOrError.DEFAULT, -3),
                "JSON_VALUE('{\"a\": \"x\"}', '$.a' RETURNING INT NULL ON EMPTY DEFAULT -3 ON ERROR)");
        c.put(lit("{\"a\": 1}").jsonQuery("$.a", JsonQueryWrapper.UNCONDITIONAL_ARRAY),
                "JSON_QUERY('{\"a\": 1}', '$.a' WITH UNCONDITIONAL ARRAY WRAPPER)");
        c.put(lit("{\"a\": [2]}").jsonQuery("$.a", DataTypes.STRING(), JsonQueryWrapper.CONDITIONAL_ARRAY),
                "JSON_QUERY('{\"a\": [2]}', '$.a' RETURNING STRING WITH CONDITIONAL ARRAY WRAPPER)");
        c.put(lit("{\"a\": 1}").jsonQuery("$.b", JsonQueryWrapper.WITHOUT_ARRAY, JsonQueryOnEmptyOrError.EMPTY_OBJECT,
                JsonQueryOnEmptyOrError.NULL),
                "JSON_QUERY('{\"a\": 1}', '$.b' WITHOUT ARRAY WRAPPER EMPTY OBJECT ON EMPTY NULL ON ERROR)");
        c.put(lit("{\"a\": [\"p\", \"q\"]}").jsonQuery("$.a", DataTypes.ARRAY(DataTypes.STRING())),
                "JSON_QUERY('{\"a\": [\"p\", \"q\"]}', '$.a' RETURNING ARRAY<STRING>)");
        c.put(jsonObject(JsonOnNull.NULL, "k", $("s"), "n", lit(null, DataTypes.INT())),
                "JSON_OBJECT(KEY 'k' VALUE s, KEY 'n' VALUE CAST(NULL AS INT) NULL ON NULL)");
        c.put(jsonObject(JsonOnNull.ABSENT, "n", lit(null, DataTypes.INT())),
                "JSON_OBJECT(KEY 'n' VALUE CAST(NULL AS INT) ABSENT ON NULL)");
        c.put(jsonArray(JsonOnNull.ABSENT, 1, $("s"), jsonArray(JsonOnNull.NULL)),
                "JSON_ARRAY(1, s, JSON_ARRAY() ABSENT ON NULL)");
        c.put(jsonObject(JsonOnNull.NULL), "JSON_OBJECT()");
        c.put(jsonString($("arr")), "JSON_STRING(arr)");
        c.put($("solo").element(), "ELEMENT(solo)");
        c.put($("arr").arrayAppend(4), "ARRAY_APPEND(arr, 4)");
        c.put($("arr").arrayPrepend(0), "ARRAY_PREPEND(arr, 0)");
        c.put($("arr").arrayContains(2), "ARRAY_CONTAINS(arr, 2)");
        c.put($("arr").arrayDistinct(), "ARRAY_DISTINCT(arr)");
        c.put($("arr").arrayPosition(2), "ARRAY_POSITION(arr, 2)");
        c.put($("arr").arrayRemove(2), "ARRAY_REMOVE(arr, 2)");
        c.put($("arr").arrayReverse(), "ARRAY_REVERSE(arr)");
        c.put($("arr").arraySlice(2, 3), "ARRAY_SLICE(arr, 2, 3)");
        c.put($("arr").arraySlice(2), "ARRAY_SLICE(arr, 2)");
        c.put($("arr").arrayUnion($("arr2")), "ARRAY_UNION(arr, arr2)");
        c.put($("arr").arrayIntersect($("arr2")), "ARRAY_INTERSECT(arr, arr2)");
        c.put($("arr").arrayExcept($("arr2")), "ARRAY_EXCEPT(arr, arr2)");
        c.put($("arr").arrayConcat($("arr2"), $("solo")), "ARRAY_CONCAT(arr, arr2, solo)");
        c.put($("arr").arrayMax(), "ARRAY_MAX(arr)");
        c.put($("arr").arrayMin(), "ARRAY_MIN(arr)");
        c.put($("m").mapKeys(), "MAP_KEYS(m)");
        c.put($("m").mapValues(), "MAP_VALUES(m)");
        c.put($("m").mapEntries(), "MAP_ENTRIES(m)");
        c.put($("m").mapUnion($("m2")), "MAP_UNION(m, m2)");
        return c;
    }

    @Test
    void methodsGiveWhatTheirSqlFunctionsGive() throws Exception {
        TableEnvironment env = env();
        Map<ApiExpression, String> calls = calls();
        List<ApiExpression> items = new ArrayList<>();
        List<String> sql = new ArrayList<>();
        int i = 0;
        for (Map.Entry<ApiExpression, String> e : calls.entrySet()) {
            items.add(e.getKey().as("v" + i));
            sql.add(e.getValue() + " AS v" + i);
            i++;
        }
        Table api = env.from("T").select(items.toArray(new ApiExpression[0]));
        Table expected = env.sqlQuery("SELECT " + String.join(", ", sql) + " FROM T");
        assertEquals(expected.explain(), api.explain());
        List<String> actual = rows(api);
        assertEquals(rows(expected), actual);
        String row = actual.get(0);
        for (String value : List.of("Hello, World!", "He001, W1r0d", "[ll, l]", "\"Hello, World\"",
                "Hello%2C+World", "a b", "h.org", "Hello, World-5", "llo, World", "Hello, Wor", "{a=1, b=2}", "y",
                "[Hello, World]", "[1, 2]", "[3, 1, 2, 2, 4]", "[0, 3, 1, 2, 2]", "[3, 1, 2]", "[3, 1]", "[2, 2, 1, 3]",
                "[1, 2]", "[3, 1, 2, 5]", "[3, 1]", "[3, 1, 2, 2, 2, 5, 9]", "[a, b]", "{a=1, b=3}",
                "true, false, true, false, true, true, 5, 7, -3, [1], [2], ",
                "[p, q], {\"k\":\"Hello, World\",\"n\":null}, {}, [1,\"Hello, World\",[]], {}, [3,1,2,2]")) {
            assertTrue(row.contains(value), value + " in " + row);
        }
    }

    @Test
    void percentileIsAnAggregate() throws Exception {
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        Table values = env.fromValues(1, 2, 3, 4).as("v");
        assertEquals(List.of("+I[2.5, 3.25]"), rows(values.select($("v").percentile(0.5).as("p50"),
                $("v").percentile(0.75, 1).as("p75"))));
    }

    @Test
    void flattenAndGetNameTheirColumnsAsFlink() throws Exception {
        Table t = env().from("T");
        Table flat = t.select($("r").flatten(), $("s").flatten(), $("r").get(0).as("first"), $("r").get("a").plus(1));
        assertEquals(List.of("r$a", "r$b", "s", "first", "_c4"), flat.getResolvedSchema().getColumnNames());
        assertEquals(List.of("+I[7, x, Hello, World, 7, 8]"), rows(flat));
        assertEquals(List.of("s", "r", "r$a", "r$b"), t.select($("s"), $("r")).addColumns($("r").flatten())
                .getResolvedSchema().getColumnNames());
        Table fields = t.select($("r").get("b"), $("r").get(1));
        assertEquals(List.of("r$b", "r$_1"), fields.getResolvedSchema().getColumnNames());
        assertEquals(List.of("+I[x, x]"), rows(fields));

        ValidationException ambiguous = assertThrows(ValidationException.class,
                () -> t.select($("r").flatten(), $("r").get("a")));
        assertTrue(ambiguous.getMessage().contains("Ambiguous column name: r$a"), ambiguous.getMessage());
        ValidationException nested = assertThrows(ValidationException.class,
                () -> t.select($("r").flatten().plus(1)));
        assertTrue(nested.getMessage().contains("flatten()"), nested.getMessage());
    }

    @Test
    void jsonAggregatesGiveWhatTheirSqlGives() throws Exception {
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        env.createTemporaryView("V", env.sqlQuery("SELECT * FROM (VALUES ('a', 1), ('b', CAST(NULL AS INT)))"
                + " AS t(k, v)"));
        Table api = env.from("V").select(jsonObjectAgg(JsonOnNull.NULL, $("k"), $("v")).as("o"),
                jsonArrayAgg(JsonOnNull.ABSENT, $("v")).as("a"), jsonArrayAgg(JsonOnNull.NULL, $("v")).as("n"));
        Table sql = env.sqlQuery("SELECT JSON_OBJECTAGG(KEY k VALUE v NULL ON NULL) AS o,"
                + " JSON_ARRAYAGG(v ABSENT ON NULL) AS a, JSON_ARRAYAGG(v NULL ON NULL) AS n FROM V");
        assertEquals(sql.explain(), api.explain());
        assertEquals(List.of("+I[{\"a\":1,\"b\":null}, [1], [1,null]]"), rows(api));
    }

    @Test
    void newerFunctionsGiveWhatTheirSqlGives() throws Exception {
        TableEnvironment env = env();
        Map<ApiExpression, String> c = new LinkedHashMap<>();
        c.put(jsonObject(JsonOnNull.NULL, "K", Expressions.json("{\"K2\": 42}")),
                "JSON_OBJECT(KEY 'K' VALUE JSON('{\"K2\": 42}') NULL ON NULL)");
        c.put(jsonArray(JsonOnNull.NULL, Expressions.json("[1, 2]"), Expressions.json("")),
                "JSON_ARRAY(JSON('[1, 2]'), JSON('') NULL ON NULL)");
        c.put(Expressions.objectOf("com.example.User", "name", $("s"), "age", 21),
                "OBJECT_OF('com.example.User', 'name', s, 'age', 21)");
        c.put($("r").objectUpdate("b", "y"), "OBJECT_UPDATE(r, 'b', 'y')");
        c.put(Expressions.objectOf(ExpressionMethodsTest.class, "k", 1).objectUpdate("k", 2),
                "OBJECT_UPDATE(OBJECT_OF('" + ExpressionMethodsTest.class.getName() + "', 'k', 1), 'k', 2)");
        c.put($("s").split(", ").arrayJoin("|"), "ARRAY_JOIN(SPLIT(s, ', '), '|')");
        c.put(Expressions.array("a", null, "b").arrayJoin("-", "?"), "ARRAY_JOIN(ARRAY['a', NULL, 'b'], '-', '?')");
        c.put($("arr").arraySort(), "ARRAY_SORT(arr)");
        c.put($("arr").arraySort(false), "ARRAY_SORT(arr, FALSE)");
        c.put($("arr").arraySort(true, false), "ARRAY_SORT(arr, TRUE, FALSE)");
        c.put(lit(1.5).ceiling(), "CEIL(CAST(1.5 AS DOUBLE))");
        c.put(Expressions.currentDatabase(), "CURRENT_DATABASE()");
        c.put(Expressions.toTimestampLtz(0, 0), "TO_TIMESTAMP_LTZ(0, 0)");
        c.put(Expressions.convertTz("1970-01-01 00:00:00", "UTC", "America/Los_Angeles"),
                "CONVERT_TZ('1970-01-01 00:00:00', 'UTC', 'America/Los_Angeles')");
        c.put(Expressions.mapFromArrays($("arr2"), Expressions.array("x", "y")), "MAP_FROM_ARRAYS(arr2, ARRAY['x', 'y'])");
        c.put(Expressions.randInteger(7, 1000), "RAND_INTEGER(7, 1000)");
        List<ApiExpression> items = new ArrayList<>();
        List<String> sql = new ArrayList<>();
        int i = 0;
        for (Map.Entry<ApiExpression, String> e : c.entrySet()) {
            items.add(e.getKey().as("v" + i));
            sql.add(e.getValue() + " AS v" + i);
            i++;
        }
        Table api = env.from("T").select(items.toArray(new ApiExpression[0]));
        Table expected = env.sqlQuery("SELECT " + String.join(", ", sql) + " FROM T");
        assertEquals(expected.explain(), api.explain());
        List<String> actual = rows(api);
        assertEquals(rows(expected), actual);
        String row = actual.get(0);
        for (String value : List.of("{\"K\":{\"K2\":42}}, [[1,2],null], +I[Hello, World, 21], +I[7, y], +I[2], Hello|World,"
                + " a-?-b, [1, 2, 2, 3], [3, 2, 2, 1], [1, 2, 2, 3], ", "default_database", "1969-12-31 16:00:00",
                "{2=x, 5=y}")) {
            assertTrue(row.contains(value), value + " in " + row);
        }
    }

    @Test
    void temporalOverlapsAsDocumented() throws Exception {
        TableEnvironment env = env();
        Table t = env.from("T").select(
                Expressions.temporalOverlaps(lit("2:55:00").toTime(), lit(1).hours(), lit("3:30:00").toTime(),
                        lit(2).hours()),
                Expressions.temporalOverlaps(lit("9:00:00").toTime(), lit("10:00:00").toTime(),
                        lit("10:15:00").toTime(), lit(3).hours()));
        assertEquals(List.of("+I[true, false]"), rows(t));
    }

    @Test
    void methodsWithoutASqlFunctionAreNotSupportedYet() {
        for (org.junit.jupiter.api.function.Executable call : List.<org.junit.jupiter.api.function.Executable>of(
                () -> $("v").bitmapBuild(), () -> $("v").bitmapOrAgg())) {
            UnsupportedFeatureException e = assertThrows(UnsupportedFeatureException.class, call);
            assertTrue(e.getMessage().startsWith("not supported yet: "), e.getMessage());
        }
    }
}
