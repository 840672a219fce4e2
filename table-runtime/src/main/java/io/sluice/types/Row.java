package io.sluice.types;

import java.util.Arrays;
import java.util.Objects;

/**
 * A row of a query result as seen by Java code: positional fields holding external Java values
 * ({@code Integer}, {@code Long}, {@code String}, {@code BigDecimal}, {@code LocalDate},
 * {@code LocalDateTime}, {@code Instant}, {@code byte[]}, ...) and a {@link RowKind}.
 */
public final class Row {
    private RowKind kind;
    private final Object[] fields;

    public Row(RowKind kind, int arity) {
        this.kind = Objects.requireNonNull(kind);
        this.fields = new Object[arity];
    }

    public Row(int arity) {
        this(RowKind.INSERT, arity);
    }

    /** An insert row with the given fields. */
    public static Row of(Object... values) {
        Row row = new Row(RowKind.INSERT, values.length);
        System.arraycopy(values, 0, row.fields, 0, values.length);
        return row;
    }

    /** A row of the given kind with the given fields. */
    public static Row ofKind(RowKind kind, Object... values) {
        Row row = of(values);
        row.kind = kind;
        return row;
    }

    public RowKind getKind() {
        return kind;
    }

    public void setKind(RowKind kind) {
        this.kind = Objects.requireNonNull(kind);
    }

    public int getArity() {
        return fields.length;
    }

    public Object getField(int pos) {
        return fields[pos];
    }

    public void setField(int pos, Object value) {
        fields[pos] = value;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Row)) {
            return false;
        }
        Row other = (Row) o;
        return kind == other.kind && Arrays.deepEquals(fields, other.fields);
    }

    @Override
    public int hashCode() {
        return 31 * kind.hashCode() + Arrays.deepHashCode(fields);
    }

    /** Flink's form: {@code +I[1, abc, null]}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(kind.shortString()).append('[');
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            Object f = fields[i];
            sb.append(f instanceof byte[] ? Arrays.toString((byte[]) f)
                    : f instanceof Object[] ? Arrays.deepToString((Object[]) f) : String.valueOf(f));
        }
        return sb.append(']').toString();
    }
}
