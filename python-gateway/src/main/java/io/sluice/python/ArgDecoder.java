package io.sluice.python;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.table.api.DataType;
import io.sluice.table.api.Expressions;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Turns the JSON form of an argument sent by Python into a Java object:
 * <ul>
 *   <li>JSON strings, booleans, integers (INT when they fit, else BIGINT), floats (DOUBLE), null;</li>
 *   <li>{@code {"h": n}} an object handle; {@code {"t": "DECIMAL(10, 2)"}} a {@link DataType};</li>
 *   <li>{@code {"dec": "1.5"}}, {@code {"date": "2020-01-01"}}, {@code {"time": ..}}, {@code {"ts": ..}},
 *       {@code {"ltz": ..}} typed values; {@code {"list": [..]}} a list;</li>
 *   <li>{@code {"col": "a"}}, {@code {"lit": v, "type": t}}, {@code {"sql": "a + 1"}} expressions;</li>
 *   <li>{@code {"m": "plus", "on": x, "args": [..]}} a method call on the decoded {@code on};</li>
 *   <li>{@code {"tpl": "JSON_VALUE($0, $1 RETURNING INT)", "args": [..]}} an expression of SQL text whose
 *       {@code $i} stand for the arguments (see {@link SqlTemplates});</li>
 *   <li>{@code {"s": "Tumble.over", "args": [..]}} a static method of a public class of {@code io.sluice.table.api}
 *       (or of the bridge's {@code ChangelogMode}); a bare name means {@link Expressions};</li>
 *   <li>{@code {"enum": "TimeIntervalUnit.DAY"}} an enum constant of {@code io.sluice.table.expressions} or
 *       {@code io.sluice.table.api}; {@code {"sf": "UNBOUNDED_ROW"}} a constant of {@link Expressions}.</li>
 * </ul>
 */
final class ArgDecoder {
    private final Handles handles;

    ArgDecoder(Handles handles) {
        this.handles = handles;
    }

    List<Object> decodeAll(JsonNode args) {
        List<Object> out = new ArrayList<>();
        if (args != null) {
            for (JsonNode a : args) {
                out.add(decode(a));
            }
        }
        return out;
    }

    Object decode(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isTextual()) {
            return n.textValue();
        }
        if (n.isBoolean()) {
            return n.booleanValue();
        }
        if (n.isIntegralNumber()) {
            return n.canConvertToInt() ? (Object) n.intValue() : (Object) n.longValue();
        }
        if (n.isNumber()) {
            return n.doubleValue();
        }
        if (n.isArray()) {
            return decodeAll(n);
        }
        Iterator<Map.Entry<String, JsonNode>> fields = n.fields();
        if (!fields.hasNext()) {
            throw new IllegalArgumentException("empty argument object");
        }
        if (n.has("h")) {
            return handles.get(n.get("h").longValue());
        }
        if (n.has("t")) {
            return dataType(n.get("t").textValue());
        }
        if (n.has("dec")) {
            return new BigDecimal(n.get("dec").textValue());
        }
        if (n.has("date")) {
            return LocalDate.parse(n.get("date").textValue());
        }
        if (n.has("time")) {
            return LocalTime.parse(n.get("time").textValue());
        }
        if (n.has("ts")) {
            return LocalDateTime.parse(n.get("ts").textValue());
        }
        if (n.has("ltz")) {
            return Instant.parse(n.get("ltz").textValue());
        }
        if (n.has("list")) {
            return decodeAll(n.get("list"));
        }
        if (n.has("col")) {
            return Expressions.col(n.get("col").textValue());
        }
        if (n.has("lit")) {
            Object v = decode(n.get("lit"));
            return n.has("type") ? Expressions.lit(v, dataType(n.get("type").textValue())) : Expressions.lit(v);
        }
        if (n.has("sql")) {
            return Expressions.callSql(n.get("sql").textValue());
        }
        if (n.has("tpl")) {
            return SqlTemplates.expression(n.get("tpl").textValue(), decodeAll(n.get("args")));
        }
        if (n.has("m")) {
            Object target = decode(n.get("on"));
            return Reflect.invoke(target, n.get("m").textValue(), decodeAll(n.get("args")));
        }
        if (n.has("s")) {
            String s = n.get("s").textValue();
            int dot = s.lastIndexOf('.');
            Class<?> cls = dot < 0 ? Expressions.class : apiClass(s.substring(0, dot));
            return Reflect.invokeStatic(cls, dot < 0 ? s : s.substring(dot + 1), decodeAll(n.get("args")));
        }
        if (n.has("sf")) {
            try {
                return Expressions.class.getField(n.get("sf").textValue()).get(null);
            } catch (ReflectiveOperationException e) {
                throw new IllegalArgumentException("no constant Expressions." + n.get("sf").textValue());
            }
        }
        if (n.has("enum")) {
            String e = n.get("enum").textValue();
            int dot = e.lastIndexOf('.');
            String simple = e.substring(0, dot);
            Class<?> cls = simple.startsWith("Time") ? classIn("io.sluice.table.expressions." + simple)
                    : apiClass(simple);
            for (Object c : cls.getEnumConstants()) {
                if (((Enum<?>) c).name().equals(e.substring(dot + 1))) {
                    return c;
                }
            }
            throw new IllegalArgumentException("no constant " + e);
        }
        throw new IllegalArgumentException("cannot decode argument " + n);
    }

    static DataType dataType(String sqlType) {
        return new DataType(io.sluice.codegen.udf.TypeStrings.parseType(sqlType));
    }

    private static Class<?> apiClass(String simpleName) {
        // the bridge's ChangelogMode (from_changelog_stream / to_changelog_stream) is the one class outside the API
        return "ChangelogMode".equals(simpleName) ? io.sluice.table.connector.ChangelogMode.class
                : classIn("io.sluice.table.api." + simpleName);
    }

    private static Class<?> classIn(String name) {
        if (!name.matches("io\\.sluice\\.table\\.(api|expressions)\\.[A-Z][A-Za-z]*")) {
            throw new IllegalArgumentException("not an API class: " + name);
        }
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("no API class " + name);
        }
    }
}
