package io.sluice.table.api;

import io.sluice.table.expressions.TableSymbol;

/** What {@code IS JSON} checks a string for ({@link ApiExpression#isJson(JsonType)}). */
public enum JsonType implements TableSymbol {
    /** Any JSON value. */
    VALUE,
    /** A JSON scalar: not an array or object. */
    SCALAR,
    /** A JSON array. */
    ARRAY,
    /** A JSON object. */
    OBJECT
}
