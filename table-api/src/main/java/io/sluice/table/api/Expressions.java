package io.sluice.table.api;

import io.sluice.table.api.internal.ExprNode;
import io.sluice.table.api.internal.ExprNode.Kind;
import io.sluice.table.expressions.TimePointUnit;
import io.sluice.table.functions.UserDefinedFunction;

/**
 * Entry points of the Table API's expression language, used with a static import:
 * {@code import static io.sluice.table.api.Expressions.*;} then {@code $("a")}, {@code lit(1)}, {@code call("UPPER", $("b"))}.
 */
public final class Expressions {
    private Expressions() {
    }

    /** Over-window bound: from the first row of the partition (row-counting). */
    public static final ApiExpression UNBOUNDED_ROW = symbol("UNBOUNDED_ROW");
    /** Over-window bound: from the first row of the partition (time range). */
    public static final ApiExpression UNBOUNDED_RANGE = symbol("UNBOUNDED_RANGE");
    /** Over-window bound: the current row. */
    public static final ApiExpression CURRENT_ROW = symbol("CURRENT_ROW");
    /** Over-window bound: the current row's range (rows with the same order key). */
    public static final ApiExpression CURRENT_RANGE = symbol("CURRENT_RANGE");

    private static ApiExpression symbol(String name) {
        return new ApiExpression(ExprNode.simple(Kind.SYMBOL, name));
    }

    private static ApiExpression template(String template, Object... args) {
        return new ApiExpression(ExprNode.call(template, ApiExpression.toNodes(args)));
    }

    private static Object[] prepend(Object head, Object... tail) {
        Object[] all = new Object[tail.length + 1];
        all[0] = head;
        System.arraycopy(tail, 0, all, 1, tail.length);
        return all;
    }

    /** A reference to the column with this name; {@code $("*")} is all columns. */
    public static ApiExpression $(String name) {
        return new ApiExpression(ExprNode.field(name));
    }

    /** The same as {@link #$(String)}. */
    public static ApiExpression col(String name) {
        return $(name);
    }

    /** A literal of the value's type: Integer is INT, Long BIGINT, Double DOUBLE, String STRING, ... */
    public static ApiExpression lit(Object value) {
        return new ApiExpression(ExprNode.literal(value, null));
    }

    /** A literal cast to {@code dataType}. */
    public static ApiExpression lit(Object value, DataType dataType) {
        return new ApiExpression(ExprNode.literal(value, dataType));
    }

    /** A typed NULL. */
    public static ApiExpression nullOf(DataType dataType) {
        return lit(null, dataType);
    }

    /** The columns from {@code start} to {@code end} (inclusive), for {@link #withColumns}. */
    public static ApiExpression range(String start, String end) {
        return new ApiExpression(ExprNode.simple(Kind.RANGE, null, ExprNode.field(start), ExprNode.field(end)));
    }

    /** The columns at 1-based positions {@code start} to {@code end} (inclusive), for {@link #withColumns}. */
    public static ApiExpression range(int start, int end) {
        return new ApiExpression(ExprNode.simple(Kind.RANGE, null, ExprNode.literal(start, null),
                ExprNode.literal(end, null)));
    }

    /** The columns named or selected (by name, 1-based index or {@link #range}). */
    public static ApiExpression withColumns(Object head, Object... tail) {
        return new ApiExpression(ExprNode.of(Kind.COLUMNS, null, true, ApiExpression.toNodes(prepend(head, tail)), null));
    }

    /** All columns. */
    public static ApiExpression withAllColumns() {
        return $("*");
    }

    /** All columns except the ones named or selected. */
    public static ApiExpression withoutColumns(Object head, Object... tail) {
        return new ApiExpression(ExprNode.of(Kind.COLUMNS, null, false, ApiExpression.toNodes(prepend(head, tail)), null));
    }

    public static ApiExpression and(Object predicate0, Object predicate1, Object... predicates) {
        ApiExpression e = new ApiExpression(ApiExpression.toNode(predicate0)).and(predicate1);
        for (Object p : predicates) {
            e = e.and(p);
        }
        return e;
    }

    public static ApiExpression or(Object predicate0, Object predicate1, Object... predicates) {
        ApiExpression e = new ApiExpression(ApiExpression.toNode(predicate0)).or(predicate1);
        for (Object p : predicates) {
            e = e.or(p);
        }
        return e;
    }

    public static ApiExpression not(Object expression) {
        return template("(NOT $0)", expression);
    }

    /** {@code ifTrue} when {@code condition} holds, else {@code ifFalse}. */
    public static ApiExpression ifThenElse(Object condition, Object ifTrue, Object ifFalse) {
        return template("(CASE WHEN $0 THEN $1 ELSE $2 END)", condition, ifTrue, ifFalse);
    }

    /** The first argument that is not NULL. */
    public static ApiExpression coalesce(Object... args) {
        return template("COALESCE($*)", args);
    }

    /** A row-count interval for over windows: {@code rowInterval(10L)}. */
    public static ApiExpression rowInterval(Long rows) {
        return lit(rows).rows();
    }

    public static ApiExpression currentDate() {
        return template("CURRENT_DATE");
    }

    public static ApiExpression currentTime() {
        return template("CURRENT_TIME");
    }

    public static ApiExpression currentTimestamp() {
        return template("CURRENT_TIMESTAMP");
    }

    public static ApiExpression currentWatermark(Object rowtimeAttribute) {
        return template("CURRENT_WATERMARK($0)", rowtimeAttribute);
    }

    /** The name of the session's current database ({@code CURRENT_DATABASE()}). */
    public static ApiExpression currentDatabase() {
        return template("CURRENT_DATABASE()");
    }

    public static ApiExpression localTime() {
        return template("LOCALTIME");
    }

    public static ApiExpression localTimestamp() {
        return template("LOCALTIMESTAMP");
    }

    public static ApiExpression toDate(Object dateStr) {
        return template("TO_DATE($0)", dateStr);
    }

    public static ApiExpression toDate(Object dateStr, Object format) {
        return template("TO_DATE($0, $1)", dateStr, format);
    }

    public static ApiExpression toTimestamp(Object timestampStr) {
        return template("TO_TIMESTAMP($0)", timestampStr);
    }

    public static ApiExpression toTimestamp(Object timestampStr, Object format) {
        return template("TO_TIMESTAMP($0, $1)", timestampStr, format);
    }

    /** A TIMESTAMP_LTZ(3) of epoch milliseconds ({@code TO_TIMESTAMP_LTZ(numeric)}). */
    public static ApiExpression toTimestampLtz(Object numericEpochTime) {
        return template("TO_TIMESTAMP_LTZ($0)", numericEpochTime);
    }

    /**
     * {@code TO_TIMESTAMP_LTZ(a, b)}: epoch time {@code a} in seconds (precision 0) or milliseconds (precision 3), or
     * date-time text {@code a} in format {@code b} (read in UTC).
     */
    public static ApiExpression toTimestampLtz(Object numericEpochTimeOrText, Object precisionOrFormat) {
        return template("TO_TIMESTAMP_LTZ($0, $1)", numericEpochTimeOrText, precisionOrFormat);
    }

    /** Date-time text in {@code format} read in time zone {@code timezone} ({@code TO_TIMESTAMP_LTZ(s, f, tz)}). */
    public static ApiExpression toTimestampLtz(Object timestampStr, Object format, Object timezone) {
        return template("TO_TIMESTAMP_LTZ($0, $1, $2)", timestampStr, format, timezone);
    }

    /**
     * Whether two anchored time intervals overlap ({@code (p1, t1) OVERLAPS (p2, t2)}); each temporal is an interval
     * or an end point: {@code temporalOverlaps(lit("2:55:00").toTime(), lit(1).hours(), lit("3:30:00").toTime(),
     * lit(2).hours())} is true.
     */
    public static ApiExpression temporalOverlaps(Object leftTimePoint, Object leftTemporal, Object rightTimePoint,
            Object rightTemporal) {
        return template("(($0, $1) OVERLAPS ($2, $3))", leftTimePoint, leftTemporal, rightTimePoint, rightTemporal);
    }

    /** Date-time text of time zone {@code tzFrom} as the date-time text of {@code tzTo} ({@code CONVERT_TZ}). */
    public static ApiExpression convertTz(Object dateStr, Object tzFrom, Object tzTo) {
        return template("CONVERT_TZ($0, $1, $2)", dateStr, tzFrom, tzTo);
    }

    public static ApiExpression dateFormat(Object timestamp, Object format) {
        return template("DATE_FORMAT($0, $1)", timestamp, format);
    }

    /** The number of {@code unit}s between two points in time. */
    public static ApiExpression timestampDiff(TimePointUnit timePointUnit, Object timePoint1, Object timePoint2) {
        return template("TIMESTAMPDIFF(" + timePointUnit.name() + ", $0, $1)", timePoint1, timePoint2);
    }

    public static ApiExpression fromUnixtime(Object unixtime) {
        return template("FROM_UNIXTIME($0)", unixtime);
    }

    public static ApiExpression fromUnixtime(Object unixtime, Object format) {
        return template("FROM_UNIXTIME($0, $1)", unixtime, format);
    }

    public static ApiExpression unixTimestamp() {
        return template("UNIX_TIMESTAMP()");
    }

    public static ApiExpression unixTimestamp(Object timestampStr) {
        return template("UNIX_TIMESTAMP($0)", timestampStr);
    }

    /** Date-time text in {@code format} as epoch seconds in the session time zone ({@code UNIX_TIMESTAMP(s, f)}). */
    public static ApiExpression unixTimestamp(Object timestampStr, Object format) {
        return template("UNIX_TIMESTAMP($0, $1)", timestampStr, format);
    }

    /** String concatenation; NULL when any argument is NULL. */
    public static ApiExpression concat(Object string, Object... strings) {
        return template("CONCAT($*)", prepend(string, strings));
    }

    /** Concatenation with a separator; NULL arguments are skipped. */
    public static ApiExpression concatWs(Object separator, Object string, Object... strings) {
        return template("CONCAT_WS($*)", prepend(separator, prepend(string, strings)));
    }

    public static ApiExpression pi() {
        return template("PI()");
    }

    public static ApiExpression e() {
        return template("E()");
    }

    public static ApiExpression rand() {
        return template("RAND()");
    }

    public static ApiExpression rand(Object seed) {
        return template("RAND($0)", seed);
    }

    public static ApiExpression randInteger(Object bound) {
        return template("RAND_INTEGER($0)", bound);
    }

    /** A pseudorandom integer in [0, bound) from a seeded sequence ({@code RAND_INTEGER(seed, bound)}). */
    public static ApiExpression randInteger(Object seed, Object bound) {
        return template("RAND_INTEGER($0, $1)", seed, bound);
    }

    public static ApiExpression uuid() {
        return template("UUID()");
    }

    public static ApiExpression atan2(Object y, Object x) {
        return template("ATAN2($0, $1)", y, x);
    }

    public static ApiExpression negative(Object v) {
        return template("(- $0)", v);
    }

    public static ApiExpression log(Object value) {
        return template("LOG($0)", value);
    }

    public static ApiExpression log(Object base, Object value) {
        return template("LOG($0, $1)", base, value);
    }

    /** A ROW value of the given fields ({@code ROW(head, tail...)}; its fields are named EXPR$0, EXPR$1, ...). */
    public static ApiExpression row(Object head, Object... tail) {
        return template("ROW($*)", prepend(head, tail));
    }

    /** An ARRAY value of the given elements. */
    public static ApiExpression array(Object head, Object... tail) {
        return template("ARRAY[$*]", prepend(head, tail));
    }

    /** A MAP value from key/value pairs. */
    public static ApiExpression map(Object key, Object value, Object... tail) {
        if (tail.length % 2 != 0) {
            throw new ValidationException("map(..) takes key/value pairs, not an odd number of arguments");
        }
        return template("MAP[$*]", prepend(key, prepend(value, tail)));
    }

    /**
     * A structured object of the class {@code className} from key/value pairs ({@code OBJECT_OF(className, key, value,
     * ...)}): {@code objectOf("com.example.User", "name", "Bob", "age", 21)}. Sluice keeps it as a ROW of the named
     * fields; the class name is not kept.
     */
    public static ApiExpression objectOf(String className, Object... fields) {
        if (fields.length % 2 != 0) {
            throw new ValidationException("objectOf(..) takes key/value pairs after the class name, not an odd number"
                    + " of them");
        }
        return template("OBJECT_OF($*)", prepend(className, fields));
    }

    /** As {@link #objectOf(String, Object...)} with the name of {@code implementationClass}. */
    public static ApiExpression objectOf(Class<?> implementationClass, Object... fields) {
        return objectOf(implementationClass.getName(), fields);
    }

    /** A MAP from an ARRAY of keys and an ARRAY of values of the same length ({@code MAP_FROM_ARRAYS}). */
    public static ApiExpression mapFromArrays(Object keys, Object values) {
        return template("MAP_FROM_ARRAYS($0, $1)", keys, values);
    }

    /**
     * The watermark of a table whose source emits its own watermarks, for
     * {@link Schema.Builder#watermark(String, io.sluice.table.expressions.Expression)} only
     * ({@code SOURCE_WATERMARK()}).
     */
    public static ApiExpression sourceWatermark() {
        return template("SOURCE_WATERMARK()");
    }

    /**
     * A JSON object text from key/value pairs ({@code JSON_OBJECT(KEY k VALUE v ... NULL|ABSENT ON NULL)}); keys are
     * strings, values any value (a JSON text from another JSON function is embedded as JSON).
     */
    public static ApiExpression jsonObject(JsonOnNull onNull, Object... keyValues) {
        if (keyValues.length % 2 != 0) {
            throw new ValidationException("jsonObject(..) takes key/value pairs, not an odd number of arguments");
        }
        StringBuilder template = new StringBuilder("JSON_OBJECT(");
        for (int i = 0; i < keyValues.length; i += 2) {
            template.append(i == 0 ? "" : ", ").append("KEY $").append(i).append(" VALUE $").append(i + 1);
        }
        template.append(keyValues.length == 0 ? ")" : " " + onNull.name() + " ON NULL)");
        return jsonTemplate(template.toString(), keyValues);
    }

    /** A JSON array text of the values ({@code JSON_ARRAY(v ... NULL|ABSENT ON NULL)}). */
    public static ApiExpression jsonArray(JsonOnNull onNull, Object... values) {
        StringBuilder template = new StringBuilder("JSON_ARRAY(");
        for (int i = 0; i < values.length; i++) {
            template.append(i == 0 ? "" : ", ").append('$').append(i);
        }
        template.append(values.length == 0 ? ")" : " " + onNull.name() + " ON NULL)");
        return jsonTemplate(template.toString(), values);
    }

    /** Placeholders {@code $0}..{@code $9} are one character in templates: more arguments are nested calls. */
    private static ApiExpression jsonTemplate(String template, Object[] args) {
        if (args.length > 10) {
            throw new UnsupportedFeatureException("jsonObject/jsonArray with more than 10 arguments");
        }
        return template(template, args);
    }

    /** The value as JSON text ({@code JSON_STRING(value)}); NULL for NULL. */
    public static ApiExpression jsonString(Object value) {
        return template("JSON_STRING($0)", value);
    }

    /** An aggregate: a JSON object with a member per row ({@code JSON_OBJECTAGG(KEY k VALUE v ... ON NULL)}). */
    public static ApiExpression jsonObjectAgg(JsonOnNull onNull, Object keyExpr, Object valueExpr) {
        return new ApiExpression(ExprNode.of(Kind.AGG, "JSON_OBJECTAGG", onNull.name(),
                ApiExpression.toNodes(keyExpr, valueExpr), null));
    }

    /** An aggregate: a JSON array of the rows' values ({@code JSON_ARRAYAGG(v ... ON NULL)}). */
    public static ApiExpression jsonArrayAgg(JsonOnNull onNull, Object itemExpr) {
        return new ApiExpression(ExprNode.of(Kind.AGG, "JSON_ARRAYAGG", onNull.name(),
                ApiExpression.toNodes(itemExpr), null));
    }

    /**
     * A JSON text that {@link #jsonObject} (as a value) and {@link #jsonArray} (as an element) insert as JSON rather
     * than as a string ({@code JSON(value)}): {@code jsonObject(JsonOnNull.NULL, "K", json("{\"K2\": 42}"))} is
     * {@code {"K":{"K2":42}}}. NULL or empty text is NULL; anywhere else the call fails.
     */
    public static ApiExpression json(Object value) {
        return template("JSON($0)", value);
    }

    /** Calls a function by name: a temporary or catalog function, or a built-in function (Flink's SQL names). */
    public static ApiExpression call(String path, Object... arguments) {
        return new ApiExpression(ExprNode.of(Kind.NAMED_CALL, path, null, ApiExpression.toNodes(arguments), null));
    }

    /** Calls a user-defined function given by class, without registering it. */
    public static ApiExpression call(Class<? extends UserDefinedFunction> function, Object... arguments) {
        return new ApiExpression(ExprNode.of(Kind.FUNCTION_CALL, function.getName(), function,
                ApiExpression.toNodes(arguments), null));
    }

    /** Calls a user-defined function instance, without registering it. */
    public static ApiExpression call(UserDefinedFunction function, Object... arguments) {
        return new ApiExpression(ExprNode.of(Kind.FUNCTION_CALL, function.getClass().getName(), function,
                ApiExpression.toNodes(arguments), null));
    }

    /** A SQL expression, resolved against the columns of the table it is used on: {@code callSql("UPPER(name)")}. */
    public static ApiExpression callSql(String sqlExpression) {
        return new ApiExpression(ExprNode.simple(Kind.SQL, sqlExpression));
    }
}
