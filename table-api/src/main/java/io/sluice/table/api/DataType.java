package io.sluice.table.api;

import io.sluice.runtime.types.LogicalType;
import java.util.Objects;

/** A column's data type as seen through the API: a {@link LogicalType}. Prints in Flink's spelling. */
public class DataType {
    private final LogicalType logicalType;
    /** The class values of this type are converted to (a structured type's class); null: the type's default. */
    private final Class<?> conversionClass;

    public DataType(LogicalType logicalType) {
        this(logicalType, null);
    }

    /** A data type whose values convert to instances of {@code conversionClass} (null: the default class). */
    public DataType(LogicalType logicalType, Class<?> conversionClass) {
        this.logicalType = Objects.requireNonNull(logicalType);
        this.conversionClass = conversionClass;
    }

    public LogicalType getLogicalType() {
        return logicalType;
    }

    /**
     * The class values of this type convert to when it was given ({@code DataTypes.STRUCTURED(User.class, ...)},
     * {@link #bridgedTo}); null when the type converts to its default class.
     */
    public Class<?> getConversionClass() {
        return conversionClass;
    }

    /** This type, converting to instances of {@code newConversionClass}. */
    public DataType bridgedTo(Class<?> newConversionClass) {
        return new DataType(logicalType, newConversionClass);
    }

    public DataType notNull() {
        return new DataType(logicalType.copy(false), conversionClass);
    }

    public DataType nullable() {
        return new DataType(logicalType.copy(true), conversionClass);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DataType && logicalType.equals(((DataType) o).logicalType)
                && Objects.equals(conversionClass, ((DataType) o).conversionClass);
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
