package io.sluice.runtime.types;

/** The family of a {@link LogicalType}, independent of precision and nullability. */
public enum TypeRoot {
    BOOLEAN,
    TINYINT,
    SMALLINT,
    INTEGER,
    BIGINT,
    FLOAT,
    DOUBLE,
    DECIMAL,
    CHAR,
    VARCHAR,
    BINARY,
    VARBINARY,
    DATE,
    TIME,
    TIMESTAMP,
    TIMESTAMP_LTZ,
    INTERVAL_YEAR_MONTH,
    INTERVAL_DAY_TIME,
    /** The type of an untyped NULL literal. */
    NULL,
    /** {@code ARRAY<T>}: an ordered list of elements. */
    ARRAY,
    /** {@code MAP<K, V>}: key/value pairs. */
    MAP,
    /** {@code MULTISET<T>}: a bag of elements, held as element to count. */
    MULTISET,
    /** {@code ROW<name T, ...>}: a structure of named fields. */
    ROW;

    /** ARRAY, MAP, MULTISET or ROW: a type with child types. */
    public boolean isConstructed() {
        return this == ARRAY || this == MAP || this == MULTISET || this == ROW;
    }

    public boolean isIntegral() {
        return this == TINYINT || this == SMALLINT || this == INTEGER || this == BIGINT;
    }

    public boolean isNumeric() {
        return isIntegral() || this == FLOAT || this == DOUBLE || this == DECIMAL;
    }

    public boolean isCharacterString() {
        return this == CHAR || this == VARCHAR;
    }

    public boolean isBinaryString() {
        return this == BINARY || this == VARBINARY;
    }
}
