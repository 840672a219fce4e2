package io.sluice.runtime.types;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/** Named, typed columns of a table or of an operator's output. Immutable. */
public final class RowType {
    private final List<String> names;
    private final List<LogicalType> types;

    public RowType(List<String> names, List<LogicalType> types) {
        if (names.size() != types.size()) {
            throw new IllegalArgumentException("names and types differ in length");
        }
        this.names = List.copyOf(names);
        this.types = List.copyOf(types);
    }

    public static RowType of(String[] names, LogicalType[] types) {
        return new RowType(List.of(names), List.of(types));
    }

    public int size() {
        return names.size();
    }

    public List<String> names() {
        return names;
    }

    public List<LogicalType> types() {
        return types;
    }

    public String name(int i) {
        return names.get(i);
    }

    public LogicalType type(int i) {
        return types.get(i);
    }

    /** Index of the column with exactly this name, or -1. */
    public int indexOf(String name) {
        return names.indexOf(name);
    }

    /** The columns at the given positions, in that order. */
    public RowType project(int[] fields) {
        List<String> n = new ArrayList<>(fields.length);
        List<LogicalType> t = new ArrayList<>(fields.length);
        for (int f : fields) {
            n.add(names.get(f));
            t.add(types.get(f));
        }
        return new RowType(n, t);
    }

    /** The Arrow schema whose vectors hold rows of this type. */
    public Schema toArrowSchema() {
        List<Field> fields = new ArrayList<>(size());
        for (int i = 0; i < size(); i++) {
            fields.add(ArrowTypes.toField(names.get(i), types.get(i)));
        }
        return new Schema(fields);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RowType && names.equals(((RowType) o).names) && types.equals(((RowType) o).types);
    }

    @Override
    public int hashCode() {
        return Objects.hash(names, types);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("ROW<");
        for (int i = 0; i < size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append('`').append(names.get(i)).append("` ").append(types.get(i));
        }
        return sb.append('>').toString();
    }
}
