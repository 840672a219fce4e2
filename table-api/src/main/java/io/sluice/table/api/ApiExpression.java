package io.sluice.table.api;

import io.sluice.table.api.internal.ExprNode;
import io.sluice.table.api.internal.ExprNode.Kind;
import io.sluice.table.expressions.Expression;
import io.sluice.table.expressions.TimeIntervalUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An expression with Flink's fluent methods: {@code $("price").times(2).as("double_price")}. Arguments that are
 * not expressions are literals ({@code $("a").plus(1)}). Methods mirror Flink's names and meanings; an expression
 * is checked and translated when the {@link Table} method receiving it runs.
 */
public final class ApiExpression implements Expression {
    private final ExprNode node;

    ApiExpression(ExprNode node) {
        this.node = node;
    }

    /** The expression tree (used by Sluice's translation; not part of Flink's API). */
    public ExprNode toNode() {
        return node;
    }

    static ExprNode toNode(Object o) {
        if (o instanceof ApiExpression) {
            return ((ApiExpression) o).node;
        }
        if (o instanceof Expression) {
            throw new UnsupportedFeatureException("expressions of class " + o.getClass().getName());
        }
        if (o instanceof Table) {
            throw new UnsupportedFeatureException("a Table as an expression argument");
        }
        return ExprNode.literal(o, null);
    }

    static List<ExprNode> toNodes(Object... os) {
        List<ExprNode> nodes = new ArrayList<>();
        for (Object o : os) {
            nodes.add(toNode(o));
        }
        return nodes;
    }

    private ApiExpression call(String template, Object... more) {
        List<ExprNode> args = new ArrayList<>();
        args.add(node);
        args.addAll(toNodes(more));
        return new ApiExpression(ExprNode.call(template, args));
    }

    private ApiExpression agg(String name) {
        return new ApiExpression(ExprNode.of(Kind.AGG, name, null, List.of(node), null));
    }

    @Override
    public String asSummaryString() {
        return node.toString();
    }

    @Override
    public List<Expression> getChildren() {
        List<Expression> children = new ArrayList<>();
        node.args.forEach(a -> children.add(new ApiExpression(a)));
        return children;
    }

    @Override
    public String toString() {
        return asSummaryString();
    }

    // ------------------------------------------------------------------ naming and ordering

    /** Names the expression's result; several names for an expression with several results (a table function). */
    public ApiExpression as(String name, String... extraNames) {
        List<String> names = new ArrayList<>();
        names.add(name);
        names.addAll(Arrays.asList(extraNames));
        return new ApiExpression(ExprNode.of(Kind.ALIAS, null, names, List.of(node), null));
    }

    public ApiExpression asc() {
        return new ApiExpression(ExprNode.simple(Kind.ORDER, "ASC", node));
    }

    public ApiExpression desc() {
        return new ApiExpression(ExprNode.simple(Kind.ORDER, "DESC", node));
    }

    /** Sorts NULLs before every value: ascending unless the expression is already {@code asc()}/{@code desc()}. */
    public ApiExpression nullsFirst() {
        return nulls("NULLS FIRST");
    }

    /** Sorts NULLs after every value: ascending unless the expression is already {@code asc()}/{@code desc()}. */
    public ApiExpression nullsLast() {
        return nulls("NULLS LAST");
    }

    private ApiExpression nulls(String placement) {
        if (node.kind == Kind.ORDER) {
            if (node.text.contains("NULLS")) {
                throw new ValidationException("The NULL placement of an order key is given once: " + node.text);
            }
            return new ApiExpression(ExprNode.simple(Kind.ORDER, node.text + " " + placement, node.args.get(0)));
        }
        return new ApiExpression(ExprNode.simple(Kind.ORDER, "ASC " + placement, node));
    }

    // ------------------------------------------------------------------ logic and comparison

    public ApiExpression and(Object other) {
        return call("($0 AND $1)", other);
    }

    public ApiExpression or(Object other) {
        return call("($0 OR $1)", other);
    }

    public ApiExpression not() {
        return call("(NOT $0)");
    }

    public ApiExpression isEqual(Object other) {
        return call("($0 = $1)", other);
    }

    public ApiExpression isNotEqual(Object other) {
        return call("($0 <> $1)", other);
    }

    public ApiExpression isGreater(Object other) {
        return call("($0 > $1)", other);
    }

    public ApiExpression isGreaterOrEqual(Object other) {
        return call("($0 >= $1)", other);
    }

    public ApiExpression isLess(Object other) {
        return call("($0 < $1)", other);
    }

    public ApiExpression isLessOrEqual(Object other) {
        return call("($0 <= $1)", other);
    }

    public ApiExpression isNull() {
        return call("($0 IS NULL)");
    }

    public ApiExpression isNotNull() {
        return call("($0 IS NOT NULL)");
    }

    public ApiExpression isTrue() {
        return call("($0 IS TRUE)");
    }

    public ApiExpression isFalse() {
        return call("($0 IS FALSE)");
    }

    public ApiExpression isNotTrue() {
        return call("($0 IS NOT TRUE)");
    }

    public ApiExpression isNotFalse() {
        return call("($0 IS NOT FALSE)");
    }

    public ApiExpression between(Object lowerBound, Object upperBound) {
        return call("($0 BETWEEN $1 AND $2)", lowerBound, upperBound);
    }

    public ApiExpression notBetween(Object lowerBound, Object upperBound) {
        return call("($0 NOT BETWEEN $1 AND $2)", lowerBound, upperBound);
    }

    /** True when the value equals one of {@code elements}. */
    public ApiExpression in(Object... elements) {
        if (elements.length == 0) {
            throw new ValidationException("IN needs at least one element");
        }
        return call("($0 IN ($+))", elements);
    }

    /** True when the value is among the single column of {@code table}. */
    public ApiExpression in(Table table) {
        return new ApiExpression(ExprNode.of(Kind.IN_TABLE, null, table, List.of(node), null));
    }

    /** This boolean expression chooses between two values: {@code cond.then(a, b)}. */
    public ApiExpression then(Object ifTrue, Object ifFalse) {
        return call("(CASE WHEN $0 THEN $1 ELSE $2 END)", ifTrue, ifFalse);
    }

    /** The value, or {@code nullReplacement} when it is NULL. */
    public ApiExpression ifNull(Object nullReplacement) {
        return call("IFNULL($0, $1)", nullReplacement);
    }

    // ------------------------------------------------------------------ arithmetic

    public ApiExpression plus(Object other) {
        return call("($0 + $1)", other);
    }

    public ApiExpression minus(Object other) {
        return call("($0 - $1)", other);
    }

    public ApiExpression times(Object other) {
        return call("($0 * $1)", other);
    }

    public ApiExpression dividedBy(Object other) {
        return call("($0 / $1)", other);
    }

    public ApiExpression mod(Object other) {
        return call("MOD($0, $1)", other);
    }

    public ApiExpression exp() {
        return call("EXP($0)");
    }

    public ApiExpression log10() {
        return call("LOG10($0)");
    }

    public ApiExpression log2() {
        return call("LOG2($0)");
    }

    public ApiExpression ln() {
        return call("LN($0)");
    }

    public ApiExpression log() {
        return call("LOG($0)");
    }

    public ApiExpression log(Object base) {
        return new ApiExpression(ExprNode.call("LOG($0, $1)", toNode(base), node));
    }

    public ApiExpression power(Object other) {
        return call("POWER($0, $1)", other);
    }

    public ApiExpression sqrt() {
        return call("SQRT($0)");
    }

    public ApiExpression abs() {
        return call("ABS($0)");
    }

    public ApiExpression floor() {
        return call("FLOOR($0)");
    }

    public ApiExpression ceil() {
        return call("CEIL($0)");
    }

    /** The same as {@link #ceil()}. */
    public ApiExpression ceiling() {
        return call("CEIL($0)");
    }

    public ApiExpression sin() {
        return call("SIN($0)");
    }

    public ApiExpression cos() {
        return call("COS($0)");
    }

    public ApiExpression tan() {
        return call("TAN($0)");
    }

    public ApiExpression cot() {
        return call("COT($0)");
    }

    public ApiExpression asin() {
        return call("ASIN($0)");
    }

    public ApiExpression acos() {
        return call("ACOS($0)");
    }

    public ApiExpression atan() {
        return call("ATAN($0)");
    }

    public ApiExpression sinh() {
        return call("SINH($0)");
    }

    public ApiExpression cosh() {
        return call("COSH($0)");
    }

    public ApiExpression tanh() {
        return call("TANH($0)");
    }

    public ApiExpression degrees() {
        return call("DEGREES($0)");
    }

    public ApiExpression radians() {
        return call("RADIANS($0)");
    }

    public ApiExpression sign() {
        return call("SIGN($0)");
    }

    public ApiExpression round(Object places) {
        return call("ROUND($0, $1)", places);
    }

    public ApiExpression truncate() {
        return call("TRUNCATE($0)");
    }

    public ApiExpression truncate(Object places) {
        return call("TRUNCATE($0, $1)", places);
    }

    public ApiExpression bin() {
        return call("BIN($0)");
    }

    public ApiExpression hex() {
        return call("HEX($0)");
    }

    // ------------------------------------------------------------------ strings

    public ApiExpression substring(Object beginIndex, Object length) {
        return call("SUBSTRING($0 FROM $1 FOR $2)", beginIndex, length);
    }

    public ApiExpression substring(Object beginIndex) {
        return call("SUBSTRING($0 FROM $1)", beginIndex);
    }

    public ApiExpression substr(Object beginIndex, Object length) {
        return call("SUBSTR($0, $1, $2)", beginIndex, length);
    }

    public ApiExpression substr(Object beginIndex) {
        return call("SUBSTR($0, $1)", beginIndex);
    }

    public ApiExpression trim() {
        return call("TRIM(BOTH FROM $0)");
    }

    public ApiExpression trim(Object characters) {
        return new ApiExpression(ExprNode.call("TRIM(BOTH $0 FROM $1)", toNode(characters), node));
    }

    public ApiExpression trimLeading() {
        return call("TRIM(LEADING FROM $0)");
    }

    public ApiExpression trimLeading(Object characters) {
        return new ApiExpression(ExprNode.call("TRIM(LEADING $0 FROM $1)", toNode(characters), node));
    }

    public ApiExpression trimTrailing() {
        return call("TRIM(TRAILING FROM $0)");
    }

    public ApiExpression trimTrailing(Object characters) {
        return new ApiExpression(ExprNode.call("TRIM(TRAILING $0 FROM $1)", toNode(characters), node));
    }

    public ApiExpression ltrim() {
        return call("LTRIM($0)");
    }

    public ApiExpression rtrim() {
        return call("RTRIM($0)");
    }

    public ApiExpression replace(Object search, Object replacement) {
        return call("REPLACE($0, $1, $2)", search, replacement);
    }

    public ApiExpression charLength() {
        return call("CHAR_LENGTH($0)");
    }

    public ApiExpression upperCase() {
        return call("UPPER($0)");
    }

    public ApiExpression lowerCase() {
        return call("LOWER($0)");
    }

    public ApiExpression initCap() {
        return call("INITCAP($0)");
    }

    public ApiExpression like(Object pattern) {
        return call("($0 LIKE $1)", pattern);
    }

    public ApiExpression similar(Object pattern) {
        return call("($0 SIMILAR TO $1)", pattern);
    }

    /** The 1-based position of this string in {@code haystack}, 0 when absent. */
    public ApiExpression position(Object haystack) {
        return call("POSITION($0 IN $1)", haystack);
    }

    public ApiExpression overlay(Object newString, Object starting) {
        return call("OVERLAY($0 PLACING $1 FROM $2)", newString, starting);
    }

    public ApiExpression overlay(Object newString, Object starting, Object length) {
        return call("OVERLAY($0 PLACING $1 FROM $2 FOR $3)", newString, starting, length);
    }

    public ApiExpression regexp(Object regex) {
        return call("REGEXP($0, $1)", regex);
    }

    public ApiExpression regexpReplace(Object regex, Object replacement) {
        return call("REGEXP_REPLACE($0, $1, $2)", regex, replacement);
    }

    public ApiExpression regexpExtract(Object regex, Object extractIndex) {
        return call("REGEXP_EXTRACT($0, $1, $2)", regex, extractIndex);
    }

    public ApiExpression regexpExtract(Object regex) {
        return call("REGEXP_EXTRACT($0, $1)", regex);
    }

    public ApiExpression fromBase64() {
        return call("FROM_BASE64($0)");
    }

    public ApiExpression toBase64() {
        return call("TO_BASE64($0)");
    }

    public ApiExpression ascii() {
        return call("ASCII($0)");
    }

    public ApiExpression chr() {
        return call("CHR($0)");
    }

    public ApiExpression left(Object length) {
        return call("`LEFT`($0, $1)", length);
    }

    public ApiExpression right(Object length) {
        return call("`RIGHT`($0, $1)", length);
    }

    public ApiExpression repeat(Object n) {
        return call("REPEAT($0, $1)", n);
    }

    public ApiExpression reverse() {
        return call("REVERSE($0)");
    }

    public ApiExpression lpad(Object length, Object pad) {
        return call("LPAD($0, $1, $2)", length, pad);
    }

    public ApiExpression rpad(Object length, Object pad) {
        return call("RPAD($0, $1, $2)", length, pad);
    }

    public ApiExpression splitIndex(Object separator, Object index) {
        return call("SPLIT_INDEX($0, $1, $2)", separator, index);
    }

    public ApiExpression md5() {
        return call("MD5($0)");
    }

    public ApiExpression sha1() {
        return call("SHA1($0)");
    }

    public ApiExpression sha256() {
        return call("SHA256($0)");
    }

    // ------------------------------------------------------------------ types and temporal values

    public ApiExpression cast(DataType toType) {
        return new ApiExpression(ExprNode.of(Kind.CAST, "CAST", null, List.of(node), toType));
    }

    public ApiExpression tryCast(DataType toType) {
        return new ApiExpression(ExprNode.of(Kind.CAST, "TRY_CAST", null, List.of(node), toType));
    }

    public ApiExpression toDate() {
        return cast(DataTypes.DATE());
    }

    public ApiExpression toTime() {
        return cast(DataTypes.TIME());
    }

    public ApiExpression toTimestamp() {
        return cast(DataTypes.TIMESTAMP(3));
    }

    public ApiExpression extract(TimeIntervalUnit timeIntervalUnit) {
        return call("EXTRACT(" + timeIntervalUnit.sql() + " FROM $0)");
    }

    public ApiExpression floor(TimeIntervalUnit timeIntervalUnit) {
        return call("FLOOR($0 TO " + timeIntervalUnit.sql() + ")");
    }

    public ApiExpression ceil(TimeIntervalUnit timeIntervalUnit) {
        return call("CEIL($0 TO " + timeIntervalUnit.sql() + ")");
    }

    private ApiExpression interval(String unit) {
        return new ApiExpression(ExprNode.of(Kind.INTERVAL, unit, null, List.of(node), null));
    }

    public ApiExpression years() {
        return interval("YEAR");
    }

    public ApiExpression year() {
        return years();
    }

    public ApiExpression quarters() {
        return interval("QUARTER");
    }

    public ApiExpression quarter() {
        return quarters();
    }

    public ApiExpression months() {
        return interval("MONTH");
    }

    public ApiExpression month() {
        return months();
    }

    public ApiExpression weeks() {
        return interval("WEEK");
    }

    public ApiExpression week() {
        return weeks();
    }

    public ApiExpression days() {
        return interval("DAY");
    }

    public ApiExpression day() {
        return days();
    }

    public ApiExpression hours() {
        return interval("HOUR");
    }

    public ApiExpression hour() {
        return hours();
    }

    public ApiExpression minutes() {
        return interval("MINUTE");
    }

    public ApiExpression minute() {
        return minutes();
    }

    public ApiExpression seconds() {
        return interval("SECOND");
    }

    public ApiExpression second() {
        return seconds();
    }

    public ApiExpression millis() {
        return interval("MILLISECOND");
    }

    public ApiExpression milli() {
        return millis();
    }

    /** A number of rows, for the bounds of row-based windows ({@code lit(10).rows()}). */
    public ApiExpression rows() {
        return new ApiExpression(ExprNode.of(Kind.ROW_INTERVAL, null, null, List.of(node), null));
    }

    // ------------------------------------------------------------------ windows

    /** The start of the window named by this alias, in a window aggregation. */
    public ApiExpression start() {
        return new ApiExpression(ExprNode.simple(Kind.WINDOW_PROPERTY, "start", node));
    }

    /** The (exclusive) end of the window named by this alias, in a window aggregation. */
    public ApiExpression end() {
        return new ApiExpression(ExprNode.simple(Kind.WINDOW_PROPERTY, "end", node));
    }

    /** The rowtime of the window named by this alias (its end minus one millisecond), in a window aggregation. */
    public ApiExpression rowtime() {
        return new ApiExpression(ExprNode.simple(Kind.WINDOW_PROPERTY, "rowtime", node));
    }

    /** A processing-time attribute of the window named by this alias. */
    public ApiExpression proctime() {
        return new ApiExpression(ExprNode.simple(Kind.WINDOW_PROPERTY, "proctime", node));
    }

    /** This aggregate over the over window with the given alias: {@code $("b").sum().over($("w"))}. */
    public ApiExpression over(Object alias) {
        return new ApiExpression(ExprNode.simple(Kind.OVER, null, node, toNode(alias)));
    }

    // ------------------------------------------------------------------ aggregates

    /** The same aggregate over distinct values: {@code $("a").count().distinct()}. */
    public ApiExpression distinct() {
        if (node.kind != Kind.AGG) {
            throw new ValidationException("distinct() applies to an aggregate call such as $(\"a\").count(), not to "
                    + asSummaryString());
        }
        return new ApiExpression(node.withDistinct());
    }

    public ApiExpression sum() {
        return agg("SUM");
    }

    public ApiExpression sum0() {
        return agg("SUM0");
    }

    public ApiExpression min() {
        return agg("MIN");
    }

    public ApiExpression max() {
        return agg("MAX");
    }

    public ApiExpression count() {
        return agg("COUNT");
    }

    public ApiExpression avg() {
        return agg("AVG");
    }

    public ApiExpression firstValue() {
        return agg("FIRST_VALUE");
    }

    public ApiExpression lastValue() {
        return agg("LAST_VALUE");
    }

    public ApiExpression stddevPop() {
        return agg("STDDEV_POP");
    }

    public ApiExpression stddevSamp() {
        return agg("STDDEV_SAMP");
    }

    public ApiExpression varPop() {
        return agg("VAR_POP");
    }

    public ApiExpression varSamp() {
        return agg("VAR_SAMP");
    }

    public ApiExpression collect() {
        return agg("COLLECT");
    }

    /** {@code ARRAY_AGG(this)}: the group's values (NULL values included) as an ARRAY. */
    public ApiExpression arrayAgg() {
        return agg("ARRAY_AGG");
    }

    public ApiExpression listAgg() {
        return agg("LISTAGG");
    }

    public ApiExpression listAgg(String separator) {
        return new ApiExpression(ExprNode.of(Kind.AGG, "LISTAGG", null,
                List.of(node, ExprNode.literal(separator, null)), null));
    }

    // ------------------------------------------------------------------ more string functions (Flink's names)

    /** {@code CONCAT(this, other)}. */
    public ApiExpression concat(Object other) {
        return call("CONCAT($0, $1)", other);
    }

    /** True when a STRING or BINARY value starts with {@code startExpr}. */
    public ApiExpression startsWith(Object startExpr) {
        return call("STARTSWITH($0, $1)", startExpr);
    }

    /** True when a STRING or BINARY value ends with {@code endExpr}. */
    public ApiExpression endsWith(Object endExpr) {
        return call("ENDSWITH($0, $1)", endExpr);
    }

    /** Replaces every character of {@code fromStr} by the character at the same position of {@code toStr}. */
    public ApiExpression translate(Object fromStr, Object toStr) {
        return call("TRANSLATE($0, $1, $2)", fromStr, toStr);
    }

    /** LIKE with an escape character. */
    public ApiExpression like(Object pattern, Object escape) {
        return call("($0 LIKE $1 ESCAPE $2)", pattern, escape);
    }

    /** The number of matches of the Java regular expression {@code regex}. */
    public ApiExpression regexpCount(Object regex) {
        return call("REGEXP_COUNT($0, $1)", regex);
    }

    /** Every substring matching {@code regex}'s group {@code extractIndex}, as an ARRAY. */
    public ApiExpression regexpExtractAll(Object regex, Object extractIndex) {
        return call("REGEXP_EXTRACT_ALL($0, $1, $2)", regex, extractIndex);
    }

    /** Every substring matching {@code regex} (its first group), as an ARRAY. */
    public ApiExpression regexpExtractAll(Object regex) {
        return call("REGEXP_EXTRACT_ALL($0, $1)", regex);
    }

    /** The position (from 1) of the first substring matching {@code regex}; 0 when none does. */
    public ApiExpression regexpInstr(Object regex) {
        return call("REGEXP_INSTR($0, $1)", regex);
    }

    /** The first substring matching {@code regex}. */
    public ApiExpression regexpSubstr(Object regex) {
        return call("REGEXP_SUBSTR($0, $1)", regex);
    }

    /** The string quoted as a JSON string value. */
    public ApiExpression jsonQuote() {
        return call("JSON_QUOTE($0)");
    }

    /** The JSON string value unquoted. */
    public ApiExpression jsonUnquote() {
        return call("JSON_UNQUOTE($0)");
    }

    /** Decodes BINARY into a string with the character set {@code charset}. */
    public ApiExpression decode(Object charset) {
        return call("DECODE($0, $1)", charset);
    }

    /** Encodes the string into BINARY with the character set {@code charset}. */
    public ApiExpression encode(Object charset) {
        return call("ENCODE($0, $1)", charset);
    }

    /** The position (from 1) of the first occurrence of {@code str} in this string; 0 when absent. */
    public ApiExpression instr(Object str) {
        return call("INSTR($0, $1)", str);
    }

    /** The position (from 1) of the first occurrence of this string in {@code str}; 0 when absent. */
    public ApiExpression locate(Object str) {
        return call("LOCATE($0, $1)", str);
    }

    /** As {@link #locate(Object)}, searching from position {@code pos}. */
    public ApiExpression locate(Object str, Object pos) {
        return call("LOCATE($0, $1, $2)", str, pos);
    }

    /** Decodes an application/x-www-form-urlencoded string (UTF-8); NULL when it cannot. */
    public ApiExpression urlDecode() {
        return call("URL_DECODE($0)");
    }

    /** Encodes the string as application/x-www-form-urlencoded (UTF-8). */
    public ApiExpression urlEncode() {
        return call("URL_ENCODE($0)");
    }

    /** A part of a URL: HOST, PATH, QUERY, REF, PROTOCOL, FILE, AUTHORITY or USERINFO. */
    public ApiExpression parseUrl(Object partToExtract) {
        return call("PARSE_URL($0, $1)", partToExtract);
    }

    /** The value of the query parameter {@code key} of a URL ({@code partToExtract} = 'QUERY'). */
    public ApiExpression parseUrl(Object partToExtract, Object key) {
        return call("PARSE_URL($0, $1, $2)", partToExtract, key);
    }

    /** This printf-style format applied to {@code obj}. */
    public ApiExpression printf(Object... obj) {
        return call("PRINTF($*)", obj);
    }

    /** Removes the characters of {@code trimStr} from the start. */
    public ApiExpression ltrim(Object trimStr) {
        return call("LTRIM($0, $1)", trimStr);
    }

    /** Removes the characters of {@code trimStr} from the end. */
    public ApiExpression rtrim(Object trimStr) {
        return call("RTRIM($0, $1)", trimStr);
    }

    /** Removes whitespace from both ends. */
    public ApiExpression btrim() {
        return call("BTRIM($0)");
    }

    /** Removes the characters of {@code trimStr} from both ends. */
    public ApiExpression btrim(Object trimStr) {
        return call("BTRIM($0, $1)", trimStr);
    }

    /** A MAP parsed from {@code k1=v1,k2=v2} text. */
    public ApiExpression strToMap() {
        return call("STR_TO_MAP($0)");
    }

    /** A MAP parsed from text with the given pair and key-value delimiters (regular expressions). */
    public ApiExpression strToMap(Object listDelimiter, Object keyValueDelimiter) {
        return call("STR_TO_MAP($0, $1, $2)", listDelimiter, keyValueDelimiter);
    }

    /** The expression at this (1-based) index among {@code expr} and {@code exprs}. */
    public ApiExpression elt(Object expr, Object... exprs) {
        Object[] all = new Object[exprs.length + 1];
        all[0] = expr;
        System.arraycopy(exprs, 0, all, 1, exprs.length);
        return call("ELT($*)", all);
    }

    /** Converts a hexadecimal string to BINARY. */
    public ApiExpression unhex() {
        return call("UNHEX($0)");
    }

    /** The SHA-224 hash of the string. */
    public ApiExpression sha224() {
        return call("SHA224($0)");
    }

    /** The SHA-384 hash of the string. */
    public ApiExpression sha384() {
        return call("SHA384($0)");
    }

    /** The SHA-512 hash of the string. */
    public ApiExpression sha512() {
        return call("SHA512($0)");
    }

    /** The SHA-2 hash of the string with {@code hashLength} bits (224, 256, 384 or 512). */
    public ApiExpression sha2(Object hashLength) {
        return call("SHA2($0, $1)", hashLength);
    }

    /** Splits the string at {@code delimiter} into an ARRAY. */
    public ApiExpression split(Object delimiter) {
        return call("SPLIT($0, $1)", delimiter);
    }

    // ------------------------------------------------------------------ JSON (Flink's defaults)

    /** True when the JSON string has a value at {@code path}. */
    public ApiExpression jsonExists(String path) {
        return call("JSON_EXISTS($0, $1)", path);
    }

    /** The scalar at {@code path} of the JSON string, as a STRING (NULL when empty or on error). */
    public ApiExpression jsonValue(String path) {
        return call("JSON_VALUE($0, $1)", path);
    }

    /** The JSON text at {@code path} of the JSON string, without array wrapper (NULL when empty or on error). */
    public ApiExpression jsonQuery(String path) {
        return call("JSON_QUERY($0, $1)", path);
    }

    /** True when the string is a JSON value ({@code IS JSON}); FALSE for NULL. */
    public ApiExpression isJson() {
        return call("$0 IS JSON");
    }

    /** True when the string is JSON of the given kind ({@code IS JSON VALUE|SCALAR|ARRAY|OBJECT}). */
    public ApiExpression isJson(JsonType type) {
        return call("$0 IS JSON " + type.name());
    }

    /** {@link #jsonExists(String)} returning {@code onError} when the input or path cannot be read. */
    public ApiExpression jsonExists(String path, JsonExistsOnError onError) {
        return call("JSON_EXISTS($0, $1 " + onError.name() + " ON ERROR)", path);
    }

    /** The scalar at {@code path}, of type {@code returningType} (NULL when empty or on error). */
    public ApiExpression jsonValue(String path, DataType returningType) {
        return call("JSON_VALUE($0, $1 RETURNING " + typeName(returningType) + ")", path);
    }

    /** The scalar at {@code path}, of type {@code returningType}; {@code defaultOnEmptyOrError} when none or on error. */
    public ApiExpression jsonValue(String path, DataType returningType, Object defaultOnEmptyOrError) {
        return jsonValue(path, returningType, JsonValueOnEmptyOrError.DEFAULT, defaultOnEmptyOrError,
                JsonValueOnEmptyOrError.DEFAULT, defaultOnEmptyOrError);
    }

    /**
     * The scalar at {@code path}, of type {@code returningType}; when the path finds nothing, {@code onEmpty} says
     * what is returned ({@code defaultOnEmpty} for {@link JsonValueOnEmptyOrError#DEFAULT}), and {@code onError}
     * when reading fails.
     */
    public ApiExpression jsonValue(String path, DataType returningType, JsonValueOnEmptyOrError onEmpty,
            Object defaultOnEmpty, JsonValueOnEmptyOrError onError, Object defaultOnError) {
        List<Object> args = new ArrayList<>();
        args.add(path);
        String empty = behaviour(onEmpty, defaultOnEmpty, args);
        String error = behaviour(onError, defaultOnError, args);
        return call("JSON_VALUE($0, $1 RETURNING " + typeName(returningType) + " " + empty + " ON EMPTY " + error
                + " ON ERROR)", args.toArray());
    }

    private static String behaviour(JsonValueOnEmptyOrError behaviour, Object defaultValue, List<Object> args) {
        if (behaviour != JsonValueOnEmptyOrError.DEFAULT) {
            return behaviour.name();
        }
        args.add(defaultValue);
        return "DEFAULT $" + args.size();
    }

    /** The JSON text at {@code path}, as {@code returningType} (STRING or ARRAY&lt;STRING&gt;). */
    public ApiExpression jsonQuery(String path, DataType returningType) {
        return jsonQuery(path, returningType, JsonQueryWrapper.WITHOUT_ARRAY);
    }

    /** The JSON text at {@code path}, wrapped in an array as {@code wrappingBehavior} says. */
    public ApiExpression jsonQuery(String path, JsonQueryWrapper wrappingBehavior) {
        return jsonQuery(path, DataTypes.STRING(), wrappingBehavior);
    }

    /** The JSON text at {@code path}, as {@code returningType}, wrapped as {@code wrappingBehavior} says. */
    public ApiExpression jsonQuery(String path, DataType returningType, JsonQueryWrapper wrappingBehavior) {
        return jsonQuery(path, returningType, wrappingBehavior, JsonQueryOnEmptyOrError.NULL,
                JsonQueryOnEmptyOrError.NULL);
    }

    /** The JSON text at {@code path}, wrapped as {@code wrappingBehavior} says; {@code onEmpty}/{@code onError}. */
    public ApiExpression jsonQuery(String path, JsonQueryWrapper wrappingBehavior, JsonQueryOnEmptyOrError onEmpty,
            JsonQueryOnEmptyOrError onError) {
        return jsonQuery(path, DataTypes.STRING(), wrappingBehavior, onEmpty, onError);
    }

    /**
     * The JSON text at {@code path}, as {@code returningType}, wrapped as {@code wrappingBehavior} says; what is
     * returned when the path finds nothing ({@code onEmpty}) or reading fails ({@code onError}).
     */
    public ApiExpression jsonQuery(String path, DataType returningType, JsonQueryWrapper wrappingBehavior,
            JsonQueryOnEmptyOrError onEmpty, JsonQueryOnEmptyOrError onError) {
        return call("JSON_QUERY($0, $1 RETURNING " + typeName(returningType) + " " + wrapper(wrappingBehavior)
                + " " + onEmpty.name().replace('_', ' ') + " ON EMPTY " + onError.name().replace('_', ' ')
                + " ON ERROR)", path);
    }

    private static String wrapper(JsonQueryWrapper wrapper) {
        switch (wrapper) {
            case CONDITIONAL_ARRAY:
                return "WITH CONDITIONAL ARRAY WRAPPER";
            case UNCONDITIONAL_ARRAY:
                return "WITH UNCONDITIONAL ARRAY WRAPPER";
            default:
                return "WITHOUT ARRAY WRAPPER";
        }
    }

    private static String typeName(DataType type) {
        return type.getLogicalType().typeName();
    }

    // ------------------------------------------------------------------ newer functions and named arguments

    /**
     * Passes this expression as the argument {@code name} of a user-defined function call (SQL's
     * {@code f(name => value)}): {@code call(MyUdf.class, $("my_column").asArgument("input"), lit(42)
     * .asArgument("threshold"))}. Either all arguments of a call are named or none; optional arguments may be left
     * out. Table arguments of process table functions are not supported yet.
     */
    public ApiExpression asArgument(String name) {
        if (name == null || name.isEmpty() || name.contains("$")) {
            throw new ValidationException("Invalid argument name for asArgument: '" + name + "'");
        }
        return call("`" + name.replace("`", "``") + "` => $0");
    }

    /**
     * Decodes the URL-encoded string again and again until it no longer changes or 10 decodings were done
     * ({@code URL_DECODE_RECURSIVE}); NULL when the first decoding fails, the last decoded text when a later one fails.
     */
    public ApiExpression urlDecodeRecursive() {
        return call("URL_DECODE_RECURSIVE($0)");
    }

    /** As {@link #urlDecodeRecursive()}, with at most {@code maxDepth} decodings. */
    public ApiExpression urlDecodeRecursive(Object maxDepth) {
        return call("URL_DECODE_RECURSIVE($0, $1)", maxDepth);
    }

    /**
     * The IPv4 address text as a BIGINT ({@code INET_ATON}): 'a.b.c.d' or the short forms 'a.b' and 'a.b.c'; NULL when
     * the text is not such an address.
     */
    public ApiExpression inetAton() {
        return call("INET_ATON($0)");
    }

    /** The number as IPv4 address text ({@code INET_NTOA}); NULL outside 0 to 4294967295 (an INT is unsigned). */
    public ApiExpression inetNtoa() {
        return call("INET_NTOA($0)");
    }

    /**
     * A copy of this structured object (or ROW with named fields) with the named fields set to new values
     * ({@code OBJECT_UPDATE(object, key, value, ...)}): {@code $("user").objectUpdate("name", "Alice", "age", 15)}.
     * Keys are field names (string literals); NULL for a NULL object.
     */
    public ApiExpression objectUpdate(Object... keyValuePairs) {
        if (keyValuePairs.length == 0 || keyValuePairs.length % 2 != 0) {
            throw new ValidationException("objectUpdate(..) takes one or more key/value pairs, not "
                    + keyValuePairs.length + " arguments");
        }
        return call("OBJECT_UPDATE($*)", keyValuePairs);
    }

    private static UnsupportedFeatureException noBitmap(String method) {
        return new UnsupportedFeatureException(method + " (the BITMAP type and its functions)");
    }

    /** Not supported yet: Sluice has no BITMAP type. */
    public ApiExpression bitmapAnd(Object other) {
        throw noBitmap("bitmapAnd");
    }

    /** Not supported yet: Sluice has no BITMAP type. */
    public ApiExpression bitmapAndnot(Object other) {
        throw noBitmap("bitmapAndnot");
    }

    /** Not supported yet: Sluice has no BITMAP type. */
    public ApiExpression bitmapAndAgg() {
        throw noBitmap("bitmapAndAgg");
    }

    /** Not supported yet: Sluice has no BITMAP type. */
    public ApiExpression bitmapAndCardinalityAgg() {
        throw noBitmap("bitmapAndCardinalityAgg");
    }

    /** Not supported yet: Sluice has no BITMAP type. */
    public ApiExpression bitmapBuild() {
        throw noBitmap("bitmapBuild");
    }

    /** Not supported yet: Sluice has no BITMAP type. */
    public ApiExpression bitmapBuildAgg() {
        throw noBitmap("bitmapBuildAgg");
    }

    /** Not supported yet: Sluice has no BITMAP type. */
    public ApiExpression bitmapBuildCardinalityAgg() {
        throw noBitmap("bitmapBuildCardinalityAgg");
    }

    /** Not supported yet: Sluice has no BITMAP type. */
    public ApiExpression bitmapCardinality() {
        throw noBitmap("bitmapCardinality");
    }

    /** Not supported yet: Sluice has no BITMAP type. */
    public ApiExpression bitmapFromBytes() {
        throw noBitmap("bitmapFromBytes");
    }

    /** Not supported yet: Sluice has no BITMAP type. */
    public ApiExpression bitmapOr(Object other) {
        throw noBitmap("bitmapOr");
    }

    /** Not supported yet: Sluice has no BITMAP type. */
    public ApiExpression bitmapOrAgg() {
        throw noBitmap("bitmapOrAgg");
    }

    /** Not supported yet: Sluice has no BITMAP type. */
    public ApiExpression bitmapOrCardinalityAgg() {
        throw noBitmap("bitmapOrCardinalityAgg");
    }

    /** Not supported yet: Sluice has no BITMAP type. */
    public ApiExpression bitmapToArray() {
        throw noBitmap("bitmapToArray");
    }

    /** Not supported yet: Sluice has no BITMAP type. */
    public ApiExpression bitmapToBytes() {
        throw noBitmap("bitmapToBytes");
    }

    /** Not supported yet: Sluice has no BITMAP type. */
    public ApiExpression bitmapToString() {
        throw noBitmap("bitmapToString");
    }

    /** Not supported yet: Sluice has no BITMAP type. */
    public ApiExpression bitmapXor(Object other) {
        throw noBitmap("bitmapXor");
    }

    /** Not supported yet: Sluice has no BITMAP type. */
    public ApiExpression bitmapXorAgg() {
        throw noBitmap("bitmapXorAgg");
    }

    /** Not supported yet: Sluice has no BITMAP type. */
    public ApiExpression bitmapXorCardinalityAgg() {
        throw noBitmap("bitmapXorCardinalityAgg");
    }

    // ------------------------------------------------------------------ arrays and maps

    /** The only element of a one-element ARRAY; NULL for an empty one. */
    public ApiExpression element() {
        return call("ELEMENT($0)");
    }

    /** The ARRAY with {@code element} appended. */
    public ApiExpression arrayAppend(Object element) {
        return call("ARRAY_APPEND($0, $1)", element);
    }

    /** The ARRAY with {@code element} prepended. */
    public ApiExpression arrayPrepend(Object element) {
        return call("ARRAY_PREPEND($0, $1)", element);
    }

    /** True when the ARRAY contains {@code needle}. */
    public ApiExpression arrayContains(Object needle) {
        return call("ARRAY_CONTAINS($0, $1)", needle);
    }

    /** The ARRAY without duplicates, in order of first occurrence. */
    public ApiExpression arrayDistinct() {
        return call("ARRAY_DISTINCT($0)");
    }

    /** The position (from 1) of the first {@code needle} in the ARRAY; 0 when absent. */
    public ApiExpression arrayPosition(Object needle) {
        return call("ARRAY_POSITION($0, $1)", needle);
    }

    /** The ARRAY without the elements equal to {@code needle}. */
    public ApiExpression arrayRemove(Object needle) {
        return call("ARRAY_REMOVE($0, $1)", needle);
    }

    /** The ARRAY in reverse order. */
    public ApiExpression arrayReverse() {
        return call("ARRAY_REVERSE($0)");
    }

    /** The elements from {@code startOffset} to {@code endOffset} (1-based, inclusive; negative from the end). */
    public ApiExpression arraySlice(Object startOffset, Object endOffset) {
        return call("ARRAY_SLICE($0, $1, $2)", startOffset, endOffset);
    }

    /** The elements from {@code startOffset} to the end. */
    public ApiExpression arraySlice(Object startOffset) {
        return call("ARRAY_SLICE($0, $1)", startOffset);
    }

    /** The union of two ARRAYs without duplicates. */
    public ApiExpression arrayUnion(Object array) {
        return call("ARRAY_UNION($0, $1)", array);
    }

    /** The elements of this ARRAY that are also in {@code array}, without duplicates. */
    public ApiExpression arrayIntersect(Object array) {
        return call("ARRAY_INTERSECT($0, $1)", array);
    }

    /** The elements of this ARRAY that are not in {@code array}. */
    public ApiExpression arrayExcept(Object array) {
        return call("ARRAY_EXCEPT($0, $1)", array);
    }

    /** This ARRAY followed by the elements of {@code arrays}. */
    public ApiExpression arrayConcat(Object... arrays) {
        return call("ARRAY_CONCAT($*)", arrays);
    }

    /** The elements as one string with {@code delimiter} between them; NULL elements are left out ({@code ARRAY_JOIN}). */
    public ApiExpression arrayJoin(Object delimiter) {
        return call("ARRAY_JOIN($0, $1)", delimiter);
    }

    /** As {@link #arrayJoin(Object)}, with NULL elements written as {@code nullReplacement}. */
    public ApiExpression arrayJoin(Object delimiter, Object nullReplacement) {
        return call("ARRAY_JOIN($0, $1, $2)", delimiter, nullReplacement);
    }

    /** The ARRAY sorted ascending with NULLs first ({@code ARRAY_SORT}). */
    public ApiExpression arraySort() {
        return call("ARRAY_SORT($0)");
    }

    /** The ARRAY sorted ascending (NULLs first) or descending (NULLs last). */
    public ApiExpression arraySort(Object ascendingOrder) {
        return call("ARRAY_SORT($0, $1)", ascendingOrder);
    }

    /** The ARRAY sorted ascending or descending, with NULLs first or last. */
    public ApiExpression arraySort(Object ascendingOrder, Object nullFirst) {
        return call("ARRAY_SORT($0, $1, $2)", ascendingOrder, nullFirst);
    }

    /** The largest element of the ARRAY. */
    public ApiExpression arrayMax() {
        return call("ARRAY_MAX($0)");
    }

    /** The smallest element of the ARRAY. */
    public ApiExpression arrayMin() {
        return call("ARRAY_MIN($0)");
    }

    /** The keys of the MAP as an ARRAY. */
    public ApiExpression mapKeys() {
        return call("MAP_KEYS($0)");
    }

    /** The values of the MAP as an ARRAY. */
    public ApiExpression mapValues() {
        return call("MAP_VALUES($0)");
    }

    /** The entries of the MAP as an ARRAY of ROW(key, value). */
    public ApiExpression mapEntries() {
        return call("MAP_ENTRIES($0)");
    }

    /** This MAP merged with {@code inputs} (later keys win). */
    public ApiExpression mapUnion(Object... inputs) {
        return call("MAP_UNION($*)", inputs);
    }

    /** The exact percentile (0.0 to 1.0) of the values in a group (an aggregate). */
    public ApiExpression percentile(Object percentage) {
        return new ApiExpression(ExprNode.of(Kind.AGG, "PERCENTILE", null, List.of(node, toNode(percentage)), null));
    }

    /** The exact percentile, each value counted {@code frequency} times (an aggregate). */
    public ApiExpression percentile(Object percentage, Object frequency) {
        return new ApiExpression(ExprNode.of(Kind.AGG, "PERCENTILE", null,
                List.of(node, toNode(percentage), toNode(frequency)), null));
    }

    // ------------------------------------------------------------------ composite values

    /**
     * A field of a composite (ROW or structured) value by name; in a projection its column is named as in Flink,
     * {@code r$name} for {@code $("r").get("name")}.
     */
    public ApiExpression get(String name) {
        return new ApiExpression(ExprNode.of(Kind.GET, null, name, List.of(node), null));
    }

    /** A field of a composite value by position, counted from 0 (its column is named {@code r$_0}, ...). */
    public ApiExpression get(int index) {
        if (index < 0) {
            throw new ValidationException("get(index) counts fields from 0, not " + index);
        }
        return new ApiExpression(ExprNode.of(Kind.GET, null, index, List.of(node), null));
    }

    /** An element of an ARRAY (counted from 1) or the value of a MAP key. */
    public ApiExpression at(Object index) {
        return call("$0[$1]", index);
    }

    /** The number of elements of an ARRAY, MAP or MULTISET. */
    public ApiExpression cardinality() {
        return call("CARDINALITY($0)");
    }

    /**
     * Expands a composite (ROW or structured) value into one column per field, as Flink does: in
     * {@code select($("r").flatten())} the columns are {@code r$a}, {@code r$b}, ... (a value of another type stays one
     * column).
     */
    public ApiExpression flatten() {
        return new ApiExpression(ExprNode.of(Kind.FLATTEN, null, null, List.of(node), null));
    }
}
