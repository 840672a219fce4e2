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
    NULL;

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
