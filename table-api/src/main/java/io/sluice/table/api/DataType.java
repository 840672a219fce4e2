package io.sluice.table.api;

import io.sluice.runtime.types.LogicalType;
import java.util.Objects;

/** A column's data type as seen through the API: a {@link LogicalType}. Prints in Flink's spelling. */
public final class DataType {
    private final LogicalType logicalType;

    public DataType(LogicalType logicalType) {
        this.logicalType = Objects.requireNonNull(logicalType);
    }

    public LogicalType getLogicalType() {
        return logicalType;
    }

    public DataType notNull() {
        return new DataType(logicalType.copy(false));
    }

    public DataType nullable() {
        return new DataType(logicalType.copy(true));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DataType && logicalType.equals(((DataType) o).logicalType);
    }

    @Override
    public int hashCode() {
        return logicalType.hashCode();
    }

    @Override
    public String toString() {
        return logicalType.toString();
    }
}
