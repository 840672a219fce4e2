package io.sluice.codegen.runtime;

import java.math.BigDecimal;
import org.apache.calcite.runtime.JsonFunctions;
import org.apache.calcite.sql.SqlJsonExistsErrorBehavior;
import org.apache.calcite.sql.SqlJsonQueryEmptyOrErrorBehavior;
import org.apache.calcite.sql.SqlJsonQueryWrapperBehavior;
import org.apache.calcite.sql.SqlJsonValueEmptyOrErrorBehavior;

/**
 * Runtime of the SQL/JSON path functions JSON_VALUE, JSON_QUERY, JSON_EXISTS and the IS JSON predicates. Path
 * evaluation (lax and strict modes, ON EMPTY / ON ERROR behaviours, wrappers) is Calcite's SQL/JSON runtime,
 * which parses with Jackson and evaluates paths with JsonPath; one instance per generated class caches the
 * compiled paths. Not thread-safe: each generated kernel owns its instance.
 */
public final class JsonPathRuntime {
    private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER =
            new com.fasterxml.jackson.databind.ObjectMapper();
    private final JsonFunctions.StatefulFunction functions = new JsonFunctions.StatefulFunction();

    /** JSON_VALUE before RETURNING conversion: a String, Boolean, Number, the default, or null. */
    public Object value(String json, String path, SqlJsonValueEmptyOrErrorBehavior onEmpty, Object emptyDefault,
            SqlJsonValueEmptyOrErrorBehavior onError, Object errorDefault) {
        return functions.jsonValue(json, path, onEmpty, emptyDefault, onError, errorDefault);
    }

    /** JSON_QUERY: the selected JSON text, or null. */
    public String query(String json, String path, SqlJsonQueryWrapperBehavior wrapper,
            SqlJsonQueryEmptyOrErrorBehavior onEmpty, SqlJsonQueryEmptyOrErrorBehavior onError) {
        Object r = functions.jsonQuery(json, path, wrapper, onEmpty, onError, true);
        return r == null ? null : r.toString();
    }

    /**
     * JSON_QUERY ... RETURNING ARRAY&lt;STRING&gt;: the elements of the selected JSON array, strings as their text and
     * other values as their JSON text ({@code null} elements stay NULL); null when nothing or no array is selected.
     */
    public static Object[] asStringArray(String json) {
        if (json == null) {
            return null;
        }
        com.fasterxml.jackson.databind.JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return null;
        }
        if (node == null || !node.isArray()) {
            return null;
        }
        String[] out = new String[node.size()];
        for (int i = 0; i < out.length; i++) {
            com.fasterxml.jackson.databind.JsonNode e = node.get(i);
            out[i] = e.isNull() ? null : e.isTextual() ? e.textValue() : e.toString();
        }
        return out;
    }

    /** JSON_EXISTS: TRUE, FALSE or null (UNKNOWN ON ERROR). */
    public Boolean exists(String json, String path, SqlJsonExistsErrorBehavior onError) {
        return functions.jsonExists(json, path, onError);
    }

    /** IS JSON VALUE / OBJECT / ARRAY / SCALAR of a non-null string, by kind name. */
    public static boolean isJson(String s, String kind) {
        switch (kind) {
            case "OBJECT":
                return JsonFunctions.isJsonObject(s);
            case "ARRAY":
                return JsonFunctions.isJsonArray(s);
            case "SCALAR":
                return JsonFunctions.isJsonScalar(s);
            default:
                return JsonFunctions.isJsonValue(s);
        }
    }

    /** JSON_VALUE ... RETURNING STRING: the text of a scalar. */
    public static String asString(Object v) {
        return v == null ? null : v.toString();
    }

    /** JSON_VALUE ... RETURNING BOOLEAN. */
    public static Boolean asBoolean(Object v) {
        if (v == null || v instanceof Boolean) {
            return (Boolean) v;
        }
        String s = v.toString().trim();
        if (s.equalsIgnoreCase("true")) {
            return Boolean.TRUE;
        }
        if (s.equalsIgnoreCase("false")) {
            return Boolean.FALSE;
        }
        throw new IllegalArgumentException("JSON_VALUE: '" + s + "' is not a BOOLEAN");
    }

    /** JSON_VALUE ... RETURNING an exact numeric type (the caller narrows). */
    public static BigDecimal asDecimal(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof BigDecimal) {
            return (BigDecimal) v;
        }
        if (v instanceof Boolean) {
            throw new IllegalArgumentException("JSON_VALUE: " + v + " is not a number");
        }
        try {
            return new BigDecimal(v.toString().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("JSON_VALUE: '" + v + "' is not a number", e);
        }
    }

    /** JSON_VALUE ... RETURNING DOUBLE / FLOAT. */
    public static Double asDouble(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof Number) {
            return ((Number) v).doubleValue();
        }
        if (v instanceof Boolean) {
            throw new IllegalArgumentException("JSON_VALUE: " + v + " is not a number");
        }
        try {
            return Double.valueOf(v.toString().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("JSON_VALUE: '" + v + "' is not a number", e);
        }
    }
}
